/**
 * The register's rules for values, written once and used at every door: the service (the window's forms
 * and the CLI), imports, and headquarters' merge of a signed package. Everything here is pure — no
 * database, no clock: the caller passes the office's `today(reg)` and whatever history a rule needs.
 *
 * - `text.ts`: `normalizeText`, `textProblem`, `cleanText`, `TEXT_LIMITS` (names ≤ 100, codes ≤ 16,
 *   summaries and outcomes ≤ 4,000; control characters, NUL and direction overrides refused).
 * - `scripts.ts`: `codeProblem` (one script per code, no look-alike of an existing code), `codeSkeleton`.
 * - `dates.ts`: `futureProblem`, `admissionAgeProblem` (14, under 16 confirmed), `decisionProblem`,
 *   `quarterEndedProblem`, `ageOn`.
 * - `amounts.ts`: `parseTenge` (exact tiyn, 0 ≤ amount ≤ 10¹² ₸), `tiynProblem` for stored values,
 *   `parseCount`/`countProblem`, `implausibleRemittance` (needs the accountant's confirmation).
 * - `rows.ts`: one check per kind of row over the register's columns — `checkOrgRow`, `checkMemberRow`,
 *   `checkMemberEvent`/`checkMemberEvents`, `checkRemittanceRow`, `checkDuesLineRow`, `checkAppealRow` —
 *   each returning every problem with its table, row, column and the contract's field.
 * - `input.ts`: `cleanInputText`, the text pass every operation's input goes through.
 *
 * Every check returns `Problem`s (code, params, field, and where) and never throws: a form refuses with
 * `refuseFirst`, an import lists them with `asRowProblem` (the file's header as the column), a package
 * lists them as `table.column` of its line.
 */
export * from './amounts.ts';
export * from './dates.ts';
export * from './input.ts';
export * from './problems.ts';
export * from './rows.ts';
export * from './scripts.ts';
export * from './text.ts';
