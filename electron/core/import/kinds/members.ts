import { randomUUID } from 'node:crypto';
import { formatDate } from '../../../shared/format.ts';
import { STAFF_CATEGORIES } from '../../../shared/vocabulary.ts';
import { insertMany } from '../../db/bulk.ts';
import { decodeIin, iinProblem } from '../../ids/iin.ts';
import { memberKeyColumns } from '../../members/list-keys.ts';
import { checkMemberEvent, checkMemberRow } from '../../validation/index.ts';
import { COLUMNS } from '../columns.ts';
import { ProblemList } from '../problems.ts';
import { RowReader, STAFF_WORDS } from '../row-reader.ts';
import { TableChanges, type Planner } from './types.ts';

const label = (column: string) => COLUMNS.members[column]?.ru ?? column;

/**
 * The one-time load of an existing register: the only bulk path into membership. Each new person gets an
 * "imported" admission on their date admitted (checked as any admission: not in the future, after the
 * 14th birthday; a register being loaded has admitted its minors already, so under 16 is not asked).
 * A person already in the register with other data is a conflict, written only on `update`; moving them
 * to another PPO is a transfer, done one by one, so a file that would do it is refused.
 */
export const planMembers: Planner = async (trx, table, today) => {
  const problems = new ProblemList();
  const orgs = new Map<string, { id: string; status: string; closed_on: string | null }>(
    (await trx('orgs').select('id', 'code', 'status', 'closed_on')).map(
      (o: { id: string; code: string; status: string; closed_on: string | null }) => [o.code, o],
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
  const changes = new TableChanges('members', label, { category: STAFF_CATEGORIES });
  const has = (column: string) => table.columns.includes(column);
  for (const row of table.rows) {
    const r = new RowReader('members', row, problems);
    const orgCode = r.required('org_code', 'code');
    const org = orgCode ? orgs.get(orgCode) : undefined;
    if (orgCode && !org) r.add('org_code', 'org.not_found', { code: orgCode });
    else if (org && org.status !== 'active')
      r.add('org_code', 'org.closed', { code: orgCode, closedOn: formatDate(org.closed_on) });
    const iin = r.required('iin', 'number');
    const person = {
      surname: r.required('surname', 'name'),
      given_name: r.required('given_name', 'name'),
      patronymic: has('patronymic') ? r.text('patronymic', 'name') : undefined,
      position: has('position') ? r.text('position') : undefined,
      category: r.choice('category', STAFF_CATEGORIES, STAFF_WORDS),
      card_no: has('card_no') ? r.text('card_no', 'number') : undefined,
      phone: has('phone') ? r.text('phone') : undefined,
    };
    const joinedOn = r.date('joined_on', true);
    const facts = iin && !iinProblem(iin) ? decodeIin(iin) : null;
    r.check(checkMemberRow({ iin, ...person, joined_on: joinedOn }, { today, row: row.row }));
    if (joinedOn && facts)
      r.check(
        checkMemberEvent({ kind: 'imported', event_date: joinedOn }, null, {
          today,
          iin,
          confirmedMinor: true,
          row: row.row,
        }),
        { event_date: 'joined_on' },
      );
    if (iin && seen.has(iin)) r.add('iin', 'import.repeated_key', { value: iin, firstRow: seen.get(iin)! });
    if (iin) seen.set(iin, row.row);
    if (!r.clean || !org || !facts || !joinedOn) continue;
    const old = existing.get(iin);
    if (old?.status === 'active' && old.org_id !== org.id) {
      r.add('org_code', 'member.import_transfer', { iin, org: orgCodeById.get(String(old.org_id)) ?? '' });
      continue;
    }
    changes.upsert(
      old,
      person,
      () => {
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
        const member = {
          id,
          iin,
          ...person,
          patronymic: person.patronymic ?? null,
          position: person.position ?? null,
          card_no: person.card_no ?? null,
          phone: person.phone ?? null,
          category: person.category!,
          birth_date: facts.birthDate,
          sex: facts.sex,
          org_id: org.id,
          status: 'active',
          joined_on: joinedOn,
        };
        // List keys are written with the row, so a fresh register is ready for its first search.
        return { ...member, ...memberKeyColumns(member) };
      },
      { row: row.row, key: iin },
    );
  }
  return changes.plan(problems, (tx, now) =>
    insertMany(
      tx,
      'member_events',
      events.map((e) => ({ ...e, created_at: now })),
    ),
  );
};
