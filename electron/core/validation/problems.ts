import type { RefusalCode, RefusalParams } from '../../shared/refusals/index.ts';
import { refusal, rowProblem, type RegisterError, type RowProblem } from '../errors.ts';

/**
 * One broken rule, as every validator returns it: the refusal code and its parameters, and where it is —
 * the field (the contract's name, worded by its label), and for row checks the table, the row number and the
 * register's column. Validators never throw: forms refuse the first problem, imports and packages list them.
 */
export interface Problem {
  code: RefusalCode;
  /** The contract's field name (`admittedOn`), worded as its label in the sentence's `{field}`. */
  field: string;
  params: RefusalParams;
  /** The register's table and column (`members`, `joined_on`) and the row's number, for row checks. */
  table?: string;
  column?: string;
  row?: number;
}

export function problem(code: RefusalCode, field: string, params: RefusalParams = {}): Problem {
  return { code, field, params };
}

/**
 * The refusal a form gives for a problem: its code, its values and the field it is about; a problem of one
 * line of a list (a remittance's per-member lines) also carries that line as its detail.
 */
export function problemRefusal(p: Problem): RegisterError {
  const details = p.row ? [rowProblem(p.row, p.field, p.code, p.params)] : [];
  return refusal(p.code, { field: p.field, ...p.params }, details);
}

/** Refuses with the first problem, if there is one (forms and single operations). */
export function refuseFirst(problems: ReadonlyArray<Problem | null>): void {
  const first = problems.find((p): p is Problem => p !== null);
  if (first) throw problemRefusal(first);
}

/**
 * A problem as an import or a package lists it: the row and a column as the reader knows it (the file's
 * own header for imports, `table.column` for packages), worded with that column in `{field}`.
 */
export function asRowProblem(p: Problem, row: number, column: string): RowProblem {
  return rowProblem(row, column, p.code, { ...p.params, field: column });
}

/** Keeps the non-null results of single-value checks. */
export function compact(list: ReadonlyArray<Problem | null | undefined>): Problem[] {
  return list.filter((p): p is Problem => Boolean(p));
}
