import { parseQuarter, quarterLabel, quarterOfMonth, addMonths, type Month } from '../dates.ts';
import { refuse } from '../errors.ts';
import { inTransaction, nowIso, today, type Register, type Tx } from '../register.ts';
import { quarterEndedProblem, refuseFirst } from '../validation/index.ts';

/**
 * A quarter's dues are frozen once closed (on export to headquarters). Closing and reopening are
 * append-only actions; the quarter is closed while its latest action is "close".
 */
export async function closedQuarters(db: Tx): Promise<Set<string>> {
  const rows: Array<{ quarter: string; action: string }> = await db('quarter_actions').orderBy('id');
  const state = new Map<string, string>();
  for (const r of rows) state.set(r.quarter, r.action);
  return new Set([...state].filter(([, action]) => action === 'close').map(([q]) => q));
}

export async function listQuarterActions(db: Tx) {
  const rows: Array<{ quarter: string; action: string; reason: string | null; at: string }> =
    await db('quarter_actions').orderBy('id');
  return { closed: [...(await closedQuarters(db))].sort(), actions: rows };
}

/** Refuses a change to dues of any month in a closed quarter. */
export async function assertMonthsOpen(db: Tx, month: Month, monthsCovered = 1): Promise<void> {
  const closed = await closedQuarters(db);
  for (let i = 0; i < monthsCovered; i++) {
    const q = quarterLabel(quarterOfMonth(addMonths(month, i)));
    if (closed.has(q)) refuse('dues.quarter_closed', { quarter: q });
  }
}

/** Closes a quarter that has ended (from the day after its last day), once. */
export async function closeQuarter(reg: Register, quarterText: string): Promise<string> {
  const parsed = parseQuarter(quarterText);
  const q = quarterLabel(parsed);
  refuseFirst([quarterEndedProblem(parsed.year, parsed.quarter, today(reg))]);
  await inTransaction(reg, async (trx) => {
    if ((await closedQuarters(trx)).has(q)) refuse('quarter.already_closed', { quarter: q });
    await trx('quarter_actions').insert({ quarter: q, action: 'close', reason: null, at: nowIso(reg) });
  });
  return q;
}

export async function reopenQuarter(reg: Register, quarterText: string, reason: string): Promise<string> {
  const q = quarterLabel(parseQuarter(quarterText));
  if (!reason.trim()) {
    refuse(
      'quarter.reason_required',
      'reopening a quarter needs a reason',
      'Для открытия квартала укажите причину',
    );
  }
  await inTransaction(reg, async (trx) => {
    if (!(await closedQuarters(trx)).has(q)) {
      refuse('quarter.not_closed', `quarter ${q} is not closed`, `Квартал ${q} не закрыт`);
    }
    await trx('quarter_actions').insert({
      quarter: q,
      action: 'reopen',
      reason: reason.trim(),
      at: nowIso(reg),
    });
  });
  return q;
}
