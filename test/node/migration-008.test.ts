import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrationSource } from '../../migrations/index.ts';
import { closeRegister, openRegister } from '../../electron/core/db/init.ts';
import { connect } from '../../electron/core/db/open.ts';
import { call } from '../../electron/core/service.ts';
import { tempDir } from './helpers.ts';

const NOW = '2024-01-01T00:00:00Z';

describe('migration 008 (corrections: actor and reason in the audit log, annulled events, removed records)', () => {
  it('keeps a register built at version 7, and the data then takes corrections', async () => {
    const file = path.join(tempDir(), 'v7.sqlite');
    const db = connect(file);
    const at7 = MIGRATIONS.findIndex((m) => m.name === '008_corrections');
    for (let i = 0; i < at7; i++) await db.migrate.up({ migrationSource });
    await db('settings').insert([
      { key: 'register.kind', value: 'branch' },
      { key: 'branch.code', value: 'KRG' },
      { key: 'branch.name', value: 'Филиал' },
    ]);
    await db('orgs').insert({ id: 'o1', code: 'P1', name: 'ППО', created_at: NOW, updated_at: NOW });
    await db('members').insert({
      id: 'm1',
      iin: '850525446560',
      surname: 'Жұмабаева',
      given_name: 'Сәуле',
      birth_date: '1985-05-25',
      sex: 'female',
      category: 'nursing',
      org_id: 'o1',
      status: 'exited',
      joined_on: '2008-09-09',
      exited_on: '2024-06-01',
      created_at: NOW,
      updated_at: NOW,
    });
    for (const [seq, kind, date] of [
      [1, 'imported', '2008-09-09'],
      [2, 'exited', '2024-06-01'],
    ] as const) {
      await db('member_events').insert({
        id: `e${seq}`,
        member_id: 'm1',
        seq,
        kind,
        org_id: 'o1',
        event_date: date,
        reason: kind === 'exited' ? 'dismissal' : null,
        created_at: NOW,
      });
    }
    await db('appeals').insert({
      id: 'a1',
      year: 2024,
      reg_no: '2024/001',
      reg_seq: 1,
      received_on: '2024-03-01',
      channel: 'phone',
      applicant: 'Заявитель',
      category: 'wages',
      status: 'registered',
      due_on: '2024-03-31',
      created_at: NOW,
      updated_at: NOW,
    });
    const auditBefore = await db('audit_log').orderBy('id');
    await db.destroy();

    const reg = await openRegister(file, () => new Date('2025-03-15T09:00:00Z'));
    reg.actor = 'tester';
    try {
      // every row is still there, and the audit entries kept theirs, without actor or reason
      const auditAfter = await reg.db('audit_log').orderBy('id').limit(auditBefore.length);
      expect(auditAfter.map((r) => [r.entity, r.action, r.changes, r.actor, r.reason])).toEqual(
        auditBefore.map((r) => [r.entity, r.action, r.changes, null, null]),
      );
      const events = await reg.db('member_events').orderBy('seq');
      expect(events.map((e) => [e.kind, e.annuls_event_id])).toEqual([
        ['imported', null],
        ['exited', null],
      ]);
      expect((await call(reg, 'appeals.list', { year: 2024 })).map((a) => a.regNo)).toEqual(['2024/001']);
      // the old exit can be annulled, the new triggers write who and why
      const back = await call(reg, 'members.annul', { iin: '850525446560', reason: 'уволена по ошибке' });
      expect(back.status).toBe('active');
      const entry = await reg.db('audit_log').where({ entity: 'member_events', action: 'annulled' }).first();
      expect(entry).toMatchObject({ entity_id: 'm1', actor: 'tester', reason: 'уволена по ошибке' });
      await call(reg, 'appeals.remove', { year: 2024, regNo: '2024/001', reason: 'дубль' });
      expect(await reg.db('removed_records').count<{ n: number }[]>({ n: '*' })).toEqual([{ n: 1 }]);
      const hqColumns: Array<{ name: string }> = await reg.db.raw('PRAGMA table_info(hq_member_events)');
      expect(hqColumns.map((c) => c.name)).toContain('annuls_event_id');
    } finally {
      await closeRegister(reg);
    }
  });

  it('migrates down again to version 7 with the data kept', async () => {
    const file = path.join(tempDir(), 'down.sqlite');
    const db = connect(file);
    await db.migrate.latest({ migrationSource });
    await db('orgs').insert({ id: 'o1', code: 'P1', name: 'ППО', created_at: NOW, updated_at: NOW });
    await db.migrate.down({ migrationSource });
    expect(await db('orgs').count<{ n: number }[]>({ n: '*' })).toEqual([{ n: 1 }]);
    await db('orgs').where({ id: 'o1' }).update({ name: 'ППО №1' });
    const last = await db('audit_log').orderBy('id', 'desc').first();
    expect(JSON.parse(last.changes)).toEqual({ name: ['ППО', 'ППО №1'] });
    await db.destroy();
  });
});
