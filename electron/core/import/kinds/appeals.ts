import { randomUUID } from 'node:crypto';
import {
  APPEAL_CATEGORIES,
  APPEAL_CHANNELS,
  APPEAL_STATUSES,
  LEGAL_KINDS,
} from '../../../shared/vocabulary.ts';
import { regSeqOf } from '../../appeals/appeals.ts';
import { addDays } from '../../dates.ts';
import type { RowProblem } from '../../errors.ts';
import { readSettings } from '../../settings/settings.ts';
import { APPEAL_CATEGORY_WORDS, CHANNEL_WORDS, LEGAL_WORDS, RowReader, STATUS_WORDS } from '../row-reader.ts';
import { TableChanges, type Planner } from './types.ts';

/** An appeals journal; a row matches an existing appeal by year and registration number. */
export const planAppeals: Planner = async (trx, table) => {
  const problems: RowProblem[] = [];
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
  const changes = new TableChanges('appeals');
  for (const row of table.rows) {
    const r = new RowReader('appeals', row, problems);
    const regNo = r.required('reg_no');
    const receivedOn = r.date('received_on', true);
    const status = r.choice('status', APPEAL_STATUSES, STATUS_WORDS);
    const closedOn = r.date('closed_on');
    const orgCode = r.text('org_code');
    const memberIin = r.text('member_iin');
    if (orgCode && !orgs.has(orgCode))
      r.problem('org_code', `no PPO with code ${orgCode}`, `нет ППО с кодом ${orgCode}`);
    if (memberIin && !members.has(memberIin)) {
      r.problem('member_iin', `no member with IIN ${memberIin}`, `нет члена профсоюза с ИИН ${memberIin}`);
    }
    if (status === 'closed' && !closedOn)
      r.problem(
        'closed_on',
        'a closed appeal needs its closing date',
        'для закрытого обращения нужна дата закрытия',
      );
    if (closedOn && receivedOn && closedOn < receivedOn) {
      r.problem(
        'closed_on',
        `${closedOn} is before the received date ${receivedOn}`,
        `дата закрытия ${closedOn} раньше даты поступления ${receivedOn}`,
      );
    }
    const legalKind = r.text('legal_kind') ? r.choice('legal_kind', LEGAL_KINDS, LEGAL_WORDS) : null;
    const fields = {
      received_on: receivedOn,
      channel: r.choice('channel', APPEAL_CHANNELS, CHANNEL_WORDS),
      applicant: r.required('applicant'),
      member_id: memberIin ? (members.get(memberIin) ?? null) : null,
      org_id: orgCode ? (orgs.get(orgCode) ?? null) : null,
      category: r.choice('category', APPEAL_CATEGORIES, APPEAL_CATEGORY_WORDS),
      summary: r.text('summary'),
      status,
      on_control: r.yesNo('on_control') ? 1 : 0,
      closed_on: status === 'closed' ? closedOn : null,
      economic_effect_tiyn: r.money('economic_effect'),
      legal_kind: legalKind,
      legal_sum_tiyn: r.money('legal_sum'),
    };
    if (!receivedOn || !regNo) continue;
    const year = Number(receivedOn.slice(0, 4));
    const key = `${year}|${regNo}`;
    if (seen.has(key))
      r.problem(
        'reg_no',
        `number ${regNo} of ${year} repeats row ${seen.get(key)}`,
        `номер ${regNo} за ${year} год уже встречался в строке ${seen.get(key)}`,
      );
    seen.set(key, row.row);
    changes.upsert(existing.get(key), fields, () => ({
      id: randomUUID(),
      year,
      reg_no: regNo,
      reg_seq: regSeqOf(regNo),
      applicant_kind: 'individual',
      due_on: addDays(receivedOn, settings.appealDueDays),
      ...fields,
    }));
  }
  return changes.plan(problems);
};
