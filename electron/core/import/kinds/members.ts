import { randomUUID } from 'node:crypto';
import { STAFF_CATEGORIES } from '../../../shared/vocabulary.ts';
import { insertMany } from '../../db/bulk.ts';
import type { RowProblem } from '../../errors.ts';
import { checkIdentity, isIdentityProblem } from '../../members/identity.ts';
import { memberKeyColumns } from '../../members/list-keys.ts';
import { RowReader, STAFF_WORDS } from '../row-reader.ts';
import { TableChanges, type Planner } from './types.ts';

/**
 * The one-time load of an existing register: the only bulk path into membership. Each new person gets an
 * "imported" admission on their date admitted. A person already in the register is updated (personal data)
 * or left alone; moving them to another PPO is a transfer, done one by one, so a file that would do it is
 * refused.
 */
export const planMembers: Planner = async (trx, table, today) => {
  const problems: RowProblem[] = [];
  const orgs = new Map<string, { id: string; status: string }>(
    (await trx('orgs').select('id', 'code', 'status')).map(
      (o: { id: string; code: string; status: string }) => [o.code, o],
    ),
  );
  const orgCodeById = new Map([...orgs].map(([code, o]) => [o.id, code]));
  const existing = new Map<string, Record<string, unknown>>(
    (
      await trx('members').select(
        'id',
        'iin',
        'surname',
        'given_name',
        'patronymic',
        'position',
        'category',
        'card_no',
        'phone',
        'org_id',
        'status',
      )
    ).map((m: Record<string, unknown>) => [String(m.iin), m]),
  );
  const seen = new Map<string, number>();
  const events: Array<Record<string, unknown>> = [];
  const changes = new TableChanges('members');
  for (const row of table.rows) {
    const r = new RowReader('members', row, problems);
    const orgCode = r.required('org_code');
    const org = orgCode ? orgs.get(orgCode) : undefined;
    if (orgCode && !org) r.problem('org_code', `no PPO with code ${orgCode}`, `нет ППО с кодом ${orgCode}`);
    else if (org && org.status !== 'active')
      r.problem('org_code', `PPO ${orgCode} is closed`, `ППО ${orgCode} закрыта`);
    const iin = r.required('iin');
    let facts: { birthDate: string; sex: string } | null = null;
    if (iin) {
      const checked = checkIdentity(iin);
      if (isIdentityProblem(checked)) r.problem('iin', checked.message, checked.messageRu);
      else facts = checked;
      if (seen.has(iin))
        r.problem(
          'iin',
          `IIN ${iin} repeats row ${seen.get(iin)}`,
          `ИИН ${iin} уже встречался в строке ${seen.get(iin)}`,
        );
      seen.set(iin, row.row);
    }
    const person = {
      surname: r.required('surname'),
      given_name: r.required('given_name'),
      patronymic: r.text('patronymic'),
      position: r.text('position'),
      category: r.choice('category', STAFF_CATEGORIES, STAFF_WORDS),
      card_no: r.text('card_no'),
      phone: r.text('phone'),
    };
    const joinedOn = r.date('joined_on', true);
    if (joinedOn && joinedOn > today)
      r.problem('joined_on', `${joinedOn} is in the future`, `дата ${joinedOn} ещё не наступила`);
    if (joinedOn && facts && joinedOn < facts.birthDate) {
      r.problem(
        'joined_on',
        `${joinedOn} is before the birth date ${facts.birthDate}`,
        `дата ${joinedOn} раньше даты рождения ${facts.birthDate}`,
      );
    }
    if (!org || !facts || !joinedOn) continue;
    const old = existing.get(iin);
    if (old?.status === 'active' && old.org_id !== org.id) {
      r.problem(
        'org_code',
        `IIN ${iin} is an active member of PPO ${orgCodeById.get(String(old.org_id))}; transfers are recorded one by one`,
        `ИИН ${iin} уже состоит в ППО ${orgCodeById.get(String(old.org_id))}; перевод оформляется отдельно для каждого члена`,
      );
      continue;
    }
    changes.upsert(old, person, () => {
      const id = randomUUID();
      events.push({
        id: randomUUID(),
        member_id: id,
        seq: 1,
        kind: 'imported',
        org_id: org.id,
        event_date: joinedOn,
        note: 'import',
      });
      const row = {
        id,
        iin,
        ...person,
        birth_date: facts.birthDate,
        sex: facts.sex,
        org_id: org.id,
        status: 'active',
        joined_on: joinedOn,
      };
      // List keys are written with the row, so a fresh register is ready for its first search.
      return { ...row, ...memberKeyColumns(row) };
    });
  }
  return changes.plan(problems, (tx, now) =>
    insertMany(
      tx,
      'member_events',
      events.map((e) => ({ ...e, created_at: now })),
    ),
  );
};
