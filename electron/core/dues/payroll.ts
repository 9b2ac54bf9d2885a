import { backupDatabase } from '../backups/backups.ts';
import { readSettings } from '../settings/settings.ts';
import { randomUUID } from 'node:crypto';
import type { ParsedInput } from '../../shared/contract.ts';
import { compareNames, fullName } from '../../shared/collation.ts';
import { monthEnd, type Month } from '../dates.ts';
import { RegisterError, refuse, type RowProblem } from '../errors.ts';
import { iinProblem } from '../ids/iin.ts';
import { normalizeHeader } from '../import/columns.ts';
import { readTable, type Cell } from '../import/read-table.ts';
import { tengeCellToTiyn } from '../money.ts';
import { requireOrg } from '../orgs/orgs.ts';
import { inTransaction, nowIso, type Register, type Tx } from '../register.ts';
import { ACTIVE_AT } from '../reports/membership.ts';
import { listRates, rateOn } from '../settings/settings.ts';
import { assertMonthsOpen } from './quarters.ts';
import { parseMonthOrThrow } from './remittances.ts';

/**
 * The employer's payroll register for one PPO and month: who had dues withheld, from what salary. Its
 * columns differ from employer to employer, so they are mapped once per PPO (guessed from the headers,
 * corrected by the accountant, remembered). Checking lists the exceptions; nothing is attached to the
 * remittance until the accountant confirms, and then all lines at once.
 */
export type PayrollField = 'iin' | 'name' | 'salary' | 'withheld';
export type PayrollMap = Partial<Record<PayrollField, string>>;

export type PayrollException =
  | { kind: 'not_member'; row: number; iin: string; name: string; withheldTiyn: number }
  | { kind: 'nothing_withheld'; iin: string; name: string }
  | {
      kind: 'amount_differs';
      row: number;
      iin: string;
      name: string;
      withheldTiyn: number;
      expectedTiyn: number;
    }
  | { kind: 'total_differs'; withheldTiyn: number; receivedTiyn: number };

/** Header words by field; withheld is tried before salary ("удержано из зарплаты" is a deduction). */
const GUESSES: Array<[PayrollField, RegExp]> = [
  ['iin', /(^|\s)(иин|жсн|iin)(\s|$)/],
  ['withheld', /удерж|профвзнос|проф\w* взнос|членск\w* взнос|ұсталды|ұстау|withheld/],
  ['salary', /оклад|начислен|заработн|зарплат|фот|жалақы|salary/],
  ['name', /фио|ф и о|фамилия|аты-жөні|аты жөні|сотрудник|работник|name/],
];

const MAP_KEY = (orgCode: string) => `payroll.map.${orgCode}`;

function text(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  return cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell).trim();
}

/** The header row: the first of the top rows where the IIN column (mapped or guessed) is found. */
function findHeader(rows: Array<{ row: number; cells: Cell[] }>, map: PayrollMap) {
  for (const r of rows.slice(0, 20)) {
    const headers = r.cells.map((c) => normalizeHeader(text(c)));
    const iinAt = map.iin
      ? headers.indexOf(normalizeHeader(map.iin))
      : headers.findIndex((h) => GUESSES[0]![1].test(h));
    if (iinAt >= 0) return { index: rows.indexOf(r), headers: r.cells.map(text) };
  }
  return null;
}

function resolveColumns(headers: string[], map: PayrollMap): Record<PayrollField, number> {
  const normal = headers.map(normalizeHeader);
  const used = new Set<number>();
  const at = {} as Record<PayrollField, number>;
  for (const [field, pattern] of GUESSES) {
    const wanted = map[field];
    const index = wanted
      ? normal.indexOf(normalizeHeader(wanted))
      : normal.findIndex((h, i) => h !== '' && !used.has(i) && pattern.test(h));
    at[field] = index;
    if (index >= 0) used.add(index);
  }
  return at;
}

/** The file, its header row (where the IIN column is) and each field's column under the PPO's mapping. */
async function readRegister(db: Tx, input: ParsedInput<'payroll.check'>) {
  const org = await requireOrg(db, input.orgCode);
  const map: PayrollMap = { ...(await savedMap(db, org.code)), ...(input.map ?? {}) };
  const table = await readTable(input);
  const header = findHeader(table.rows, map);
  const columnsUnder = (headers: string[]) => {
    const at = resolveColumns(headers, map);
    const columns = Object.fromEntries(
      (Object.keys(at) as PayrollField[]).filter((f) => at[f] >= 0).map((f) => [f, headers[at[f]]!]),
    ) as PayrollMap;
    return { at, columns };
  };
  return { org, table, header, columnsUnder };
}

/**
 * The file's header row and the columns guessed (or remembered) for each field, for the accountant to
 * confirm or correct before checking. Without an IIN header, the first row with three or more filled
 * cells is taken as the header.
 */
export async function payrollColumns(reg: Register, input: ParsedInput<'payroll.check'>) {
  const { table, header, columnsUnder } = await readRegister(reg.db, input);
  const headers = (
    header?.headers ??
    table.rows.find((x) => x.cells.filter((c) => text(c) !== '').length >= 3)?.cells.map(text) ??
    []
  ).filter((h) => h !== '');
  return { headers, columns: columnsUnder(headers).columns };
}

async function savedMap(db: Tx, orgCode: string): Promise<PayrollMap> {
  const row: { value: string } | undefined = await db('settings')
    .where({ key: MAP_KEY(orgCode) })
    .first('value');
  return row ? (JSON.parse(row.value) as PayrollMap) : {};
}

/** Members of the PPO active on the first or the last day of the month (dues are withheld for both). */
async function activeDuring(db: Tx, orgId: string, month: Month) {
  const lastDay = new Date(Date.parse(`${monthEnd(month)}T00:00:00Z`) - 86_400_000)
    .toISOString()
    .slice(0, 10);
  const members = new Map<string, { memberId: string; name: string }>();
  for (const day of [`${month}-01`, lastDay]) {
    const rows: Array<{
      member_id: string;
      iin: string;
      surname: string;
      given_name: string;
      patronymic: string | null;
    }> = await db.raw(
      `SELECT a.member_id, a.iin, m.surname, m.given_name, m.patronymic
         FROM (${ACTIVE_AT}) a JOIN members m ON m.id = a.member_id WHERE a.org_id = ?`,
      [day, orgId],
    );
    for (const r of rows) {
      const name = fullName({ surname: r.surname, givenName: r.given_name, patronymic: r.patronymic });
      members.set(r.iin, { memberId: r.member_id, name });
    }
  }
  return members;
}

async function checkPayroll(db: Tx, input: ParsedInput<'payroll.check'>) {
  const month = parseMonthOrThrow(input.month);
  const { org, table, header, columnsUnder } = await readRegister(db, input);
  if (!header) {
    refuse(
      'payroll.no_iin_column',
      'no IIN column found in the first 20 rows; choose the columns',
      'В первых 20 строках не найден столбец ИИН; укажите столбцы вручную',
    );
  }
  const { at, columns } = columnsUnder(header.headers);
  const missing = (['iin', 'withheld'] as const).filter((f) => at[f] < 0);
  if (missing.length) {
    throw new RegisterError(
      'payroll.map_needed',
      `choose the column for: ${missing.join(', ')}`,
      `Укажите столбцы: ${missing.map((f) => (f === 'iin' ? 'ИИН' : 'Удержано')).join(', ')}`,
      [],
    );
  }

  // Lines: every row with an IIN; rows without one (totals, signatures) are not lines.
  const problems: RowProblem[] = [];
  const lines: Array<{
    row: number;
    iin: string;
    name: string;
    salaryTiyn: number | null;
    withheldTiyn: number;
  }> = [];
  const money = (cell: Cell | undefined, row: number, field: PayrollField): number | null => {
    const t = text(cell);
    if (t === '') return null;
    try {
      return tengeCellToTiyn(typeof cell === 'number' ? cell : t);
    } catch (err) {
      if (!(err instanceof RegisterError)) throw err;
      problems.push({ row, column: columns[field]!, message: err.message, messageRu: err.messageRu });
      return null;
    }
  };
  for (const r of table.rows.slice(header.index + 1)) {
    const iin = text(r.cells[at.iin]).replace(/\s/g, '');
    if (!/\d{6,}/.test(iin)) continue;
    if (iinProblem(iin)) {
      problems.push({
        row: r.row,
        column: columns.iin!,
        message: `IIN ${iin} is not valid`,
        messageRu: `ИИН ${iin} неверен`,
      });
      continue;
    }
    lines.push({
      row: r.row,
      iin,
      name: at.name >= 0 ? text(r.cells[at.name]) : '',
      salaryTiyn: at.salary >= 0 ? money(r.cells[at.salary], r.row, 'salary') : null,
      withheldTiyn: money(r.cells[at.withheld], r.row, 'withheld') ?? 0,
    });
  }
  if (problems.length) {
    throw new RegisterError(
      'payroll.invalid_rows',
      `${problems.length} row(s) of the payroll register cannot be read`,
      `Строк ведомости с ошибками: ${problems.length}`,
      problems,
    );
  }

  const remittances: Array<{ id: string; received_tiyn: number }> = await db('dues_remittances')
    .where({ org_id: org.id, month })
    .select('id', 'received_tiyn');
  const remittance = input.remittanceId
    ? remittances.find((r) => r.id === input.remittanceId)
    : remittances[0];
  if (!remittance || (!input.remittanceId && remittances.length > 1)) {
    refuse(
      remittances.length > 1 ? 'payroll.which_remittance' : 'payroll.no_remittance',
      remittances.length > 1
        ? `PPO ${org.code} has ${remittances.length} remittances for ${month}: choose one`
        : `PPO ${org.code} has no remittance recorded for ${month}: record it first`,
      remittances.length > 1
        ? `У ППО ${org.code} несколько поступлений за ${month}: выберите одно`
        : `У ППО ${org.code} нет поступления за ${month}: сначала внесите его`,
    );
  }

  const rate = rateOn(await listRates(db), `${month}-01`);
  const members = await activeDuring(db, org.id, month);
  const exceptions: PayrollException[] = [];
  const withheldBy = new Map<string, number>();
  for (const line of lines) {
    withheldBy.set(line.iin, (withheldBy.get(line.iin) ?? 0) + line.withheldTiyn);
    const member = members.get(line.iin);
    if (!member && line.withheldTiyn > 0) {
      exceptions.push({
        kind: 'not_member',
        row: line.row,
        iin: line.iin,
        name: line.name,
        withheldTiyn: line.withheldTiyn,
      });
    }
    if (member && line.salaryTiyn !== null) {
      const expected = Math.round((line.salaryTiyn * rate.rateBp) / 10000);
      if (Math.abs(line.withheldTiyn - expected) > 100) {
        exceptions.push({
          kind: 'amount_differs',
          row: line.row,
          iin: line.iin,
          name: line.name || member.name,
          withheldTiyn: line.withheldTiyn,
          expectedTiyn: expected,
        });
      }
    }
  }
  const unpaid = [...members].filter(([iin]) => !withheldBy.get(iin));
  unpaid.sort((a, b) => compareNames(a[1].name, b[1].name));
  for (const [iin, m] of unpaid) exceptions.push({ kind: 'nothing_withheld', iin, name: m.name });
  const total = lines.reduce((s, l) => s + l.withheldTiyn, 0);
  if (total !== remittance.received_tiyn) {
    exceptions.push({ kind: 'total_differs', withheldTiyn: total, receivedTiyn: remittance.received_tiyn });
  }
  return {
    org,
    month,
    remittanceId: remittance.id,
    headers: header.headers.filter((h) => h !== ''),
    columns,
    lines: lines.map((l) => ({ ...l, memberId: members.get(l.iin)?.memberId ?? null })),
    totalWithheldTiyn: total,
    receivedTiyn: remittance.received_tiyn,
    ratePercent: rate.rateBp / 100,
    exceptions,
  };
}

function summary(result: Awaited<ReturnType<typeof checkPayroll>>) {
  const { org, lines, ...rest } = result;
  return {
    ...rest,
    orgCode: org.code,
    lineCount: lines.length,
    lines: lines.map(({ memberId: _, ...l }) => l),
  };
}

/** What attaching this register would do, and its exceptions. Writes nothing. */
export async function checkPayrollRegister(reg: Register, input: ParsedInput<'payroll.check'>) {
  return summary(await checkPayroll(reg.db, input));
}

/**
 * The accountant confirmed: the register's lines replace the remittance's lines, in one transaction, and
 * the column mapping is remembered for the PPO. The month must not be in a closed quarter.
 */
export async function attachPayrollRegister(reg: Register, input: ParsedInput<'payroll.check'>) {
  await backupDatabase(reg.db, reg.file, 'payroll', (await readSettings(reg.db)).backupsDir);
  return inTransaction(reg, async (trx) => {
    const result = await checkPayroll(trx, input);
    await assertMonthsOpen(trx, result.month);
    const now = nowIso(reg);
    await trx('dues_lines').where({ remittance_id: result.remittanceId }).delete();
    for (const line of result.lines) {
      await trx('dues_lines').insert({
        id: randomUUID(),
        remittance_id: result.remittanceId,
        member_id: line.memberId,
        iin: line.iin,
        full_name: line.name || null,
        salary_tiyn: line.salaryTiyn,
        withheld_tiyn: line.withheldTiyn,
        created_at: now,
        updated_at: now,
      });
    }
    await trx('settings')
      .insert({ key: MAP_KEY(result.org.code), value: JSON.stringify(result.columns) })
      .onConflict('key')
      .merge();
    return { ...summary(result), attached: result.lines.length };
  });
}
