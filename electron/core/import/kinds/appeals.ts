import { randomUUID } from 'node:crypto';
import {
  APPEAL_CATEGORIES,
  APPEAL_CHANNELS,
  APPEAL_STATUSES,
  LEGAL_KINDS,
} from '../../../shared/vocabulary.ts';
import { regSeqOf } from '../../appeals/appeals.ts';
import { addDays } from '../../dates.ts';
import { readSettings } from '../../settings/settings.ts';
import { checkAppealRow } from '../../validation/index.ts';
import { COLUMNS } from '../columns.ts';
import { ProblemList } from '../problems.ts';
import { APPEAL_CATEGORY_WORDS, CHANNEL_WORDS, LEGAL_WORDS, RowReader, STATUS_WORDS } from '../row-reader.ts';
import { TableChanges, type Planner } from './types.ts';

/** The import's columns by the register's. */
const IMPORT_COLUMN: Record<string, string> = {
  economic_effect_tiyn: 'economic_effect',
  legal_sum_tiyn: 'legal_sum',
  member_id: 'member_iin',
  org_id: 'org_code',
};
const label = (column: string) => COLUMNS.appeals[IMPORT_COLUMN[column] ?? column]?.ru ?? column;

/**
 * An appeals journal; a row matches an existing appeal by year and registration number. A journal that
 * reuses numbers for other appeals (a new year's journal numbered from 1 again, under last year's dates)
 * is a list of conflicts, not sixty silent replacements.
 */
export const planAppeals: Planner = async (trx, table, today) => {
  const problems = new ProblemList();
  const settings = await readSettings(trx);
  const orgs = new Map<string, string>(
    (await trx('orgs').select('id', 'code')).map((o: { id: string; code: string }) => [o.code, o.id]),
  );
  const members = new Map<string, string>(
    (await trx('members').select('id', 'iin')).map((m: { id: string; iin: string }) => [m.iin, m.id]),
  );
  const existing = new Map<string, Record<string, unknown>>(
    (await trx('appeals').select('*')).map((a: Record<string, unknown>) => [`${a.year}|${a.reg_no}`, a]),
  );
  const seen = new Map<string, number>();
  const changes = new TableChanges('appeals', label, {
    channel: APPEAL_CHANNELS,
    category: APPEAL_CATEGORIES,
    status: APPEAL_STATUSES,
    legal_kind: LEGAL_KINDS,
  });
  const has = (column: string) => table.columns.includes(column);
  for (const row of table.rows) {
    const r = new RowReader('appeals', row, problems);
    const regNo = r.required('reg_no', 'number');
    const receivedOn = r.date('received_on', true);
    const status = r.choice('status', APPEAL_STATUSES, STATUS_WORDS);
    const closedOn = r.date('closed_on');
    const orgCode = r.text('org_code', 'code');
    const memberIin = r.text('member_iin', 'number');
    if (orgCode && !orgs.has(orgCode)) r.add('org_code', 'org.not_found', { code: orgCode });
    if (memberIin && !members.has(memberIin)) r.add('member_iin', 'member.not_found', { iin: memberIin });
    const legalKind = r.text('legal_kind') ? r.choice('legal_kind', LEGAL_KINDS, LEGAL_WORDS) : null;
    const fields = {
      received_on: receivedOn,
      channel: r.choice('channel', APPEAL_CHANNELS, CHANNEL_WORDS),
      applicant: r.required('applicant'),
      member_id: has('member_iin') ? (memberIin ? (members.get(memberIin) ?? null) : null) : undefined,
      org_id: has('org_code') ? (orgCode ? (orgs.get(orgCode) ?? null) : null) : undefined,
      category: r.choice('category', APPEAL_CATEGORIES, APPEAL_CATEGORY_WORDS),
      summary: has('summary') ? r.text('summary', 'long') : undefined,
      status,
      on_control: has('on_control') ? (r.yesNo('on_control') ? 1 : 0) : undefined,
      closed_on: status === 'closed' ? closedOn : null,
      economic_effect_tiyn: has('economic_effect') ? r.money('economic_effect') : undefined,
      legal_kind: has('legal_kind') ? legalKind : undefined,
      legal_sum_tiyn: has('legal_sum') ? r.money('legal_sum') : undefined,
    };
    r.check(
      checkAppealRow({ ...fields, reg_no: regNo, closed_on: closedOn }, { today, row: row.row }),
      IMPORT_COLUMN,
    );
    if (!receivedOn || !regNo) continue;
    const year = Number(receivedOn.slice(0, 4));
    const key = `${year}|${regNo}`;
    if (seen.has(key))
      r.add('reg_no', 'import.repeated_key', { value: `${regNo} (${year})`, firstRow: seen.get(key)! });
    seen.set(key, row.row);
    if (!r.clean) continue;
    changes.upsert(
      existing.get(key),
      fields,
      () => ({
        id: randomUUID(),
        year,
        reg_no: regNo,
        reg_seq: regSeqOf(regNo),
        applicant_kind: 'individual',
        due_on: addDays(receivedOn, settings.appealDueDays),
        ...fields,
        on_control: fields.on_control ?? 0,
      }),
      { row: row.row, key: `${regNo} (${year})` },
    );
  }
  return changes.plan(problems);
};
