import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDITED_TABLES, insertMany, withBulkLoad, withoutInsertAudit } from '../../electron/core/db/bulk.ts';
import { call } from '../../electron/core/service.ts';
import { MEMBER_HEADER, memberRows, writeCsv } from '../bench/data.ts';
import { addOrg, admit, count, freshRegister, tempDir } from './helpers.ts';

const auditTriggers = (reg: Awaited<ReturnType<typeof freshRegister>>) =>
  reg
    .db('sqlite_master')
    .where({ type: 'trigger' })
    .whereLike('name', '%_audit_insert')
    .orderBy('name')
    .pluck('name');

describe('the bulk load of a register', () => {
  it('writes one audit entry for the whole file (name, SHA-256, counts) instead of one per row', async () => {
    const reg = await freshRegister();
    await addOrg(reg, 'P001');
    const triggers = await auditTriggers(reg);
    expect(triggers).toEqual(expect.arrayContaining(AUDITED_TABLES.map((t) => `${t}_audit_insert`)));
    const file = path.join(tempDir(), 'members.csv');
    writeCsv(file, MEMBER_HEADER, memberRows(300, 1));
    const before = await count(reg, 'audit_log');
    await call(reg, 'import.run', { kind: 'members', file });
    expect(await count(reg, 'members')).toBe(300);
    expect(await count(reg, 'audit_log')).toBe(before + 1);
    const entry = await reg.db('audit_log').orderBy('id', 'desc').first();
    const sha256 = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    expect(entry).toMatchObject({ entity: 'import', entity_id: sha256, action: 'import-members' });
    expect(JSON.parse(entry.changes)).toEqual({
      file: [null, 'members.csv'],
      sha256: [null, sha256],
      rows: [null, 300],
      created: [null, 300],
      updated: [null, 0],
      unchanged: [null, 0],
    });
    // the triggers are back: the next admission is audited row by row
    expect(await auditTriggers(reg)).toEqual(triggers);
    await admit(reg, '850525446560');
    expect(
      await reg.db('audit_log').where({ entity: 'members', action: 'create' }).count({ n: '*' }),
    ).toEqual([{ n: 1 }]);
  });

  it('keeps changes of existing rows audited row by row on a re-import', async () => {
    const reg = await freshRegister();
    await addOrg(reg, 'P001');
    const rows = memberRows(20, 1);
    const file = path.join(tempDir(), 'members.csv');
    writeCsv(file, MEMBER_HEADER, rows);
    await call(reg, 'import.run', { kind: 'members', file });
    rows[3]![5] = 'старшая медицинская сестра';
    writeCsv(file, MEMBER_HEADER, rows);
    // a row that differs is a conflict until the person chooses to update (intake, issue 9)
    await expect(call(reg, 'import.run', { kind: 'members', file })).rejects.toMatchObject({
      code: 'import.conflicts',
    });
    const result = await call(reg, 'import.run', { kind: 'members', file, update: true });
    expect(result).toMatchObject({ created: 0, updated: 1 });
    const updates = await reg.db('audit_log').where({ entity: 'members', action: 'update' }).pluck('changes');
    expect(updates.map((c: string) => JSON.parse(c).position)).toEqual([
      ['медицинская сестра', 'старшая медицинская сестра'],
    ]);
  });

  it('a failed bulk write restores the triggers and writes nothing', async () => {
    const reg = await freshRegister();
    await addOrg(reg, 'P001');
    const triggers = await auditTriggers(reg);
    const orgs = await count(reg, 'orgs');
    await expect(
      reg.db.transaction((trx) =>
        withoutInsertAudit(trx, AUDITED_TABLES, async () => {
          await trx('orgs').insert({
            id: 'x',
            code: 'P777',
            name: 'ППО',
            created_at: 'now',
            updated_at: 'now',
          });
          throw new Error('the disk is full');
        }),
      ),
    ).rejects.toThrow('the disk is full');
    expect(await auditTriggers(reg)).toEqual(triggers);
    expect(await count(reg, 'orgs')).toBe(orgs);
    await expect(withoutInsertAudit(reg.db, AUDITED_TABLES, async () => 1)).rejects.toThrow(/transaction/);
  });

  it('a load that doubles the register builds its indexes again after it: same schema, searchable, a duplicate refused whole', async () => {
    const reg = await freshRegister();
    await addOrg(reg, 'P001');
    const schema = () => reg.db('sqlite_master').orderBy('name').select('type', 'name', 'sql');
    const before = await schema();
    const file = path.join(tempDir(), 'members.csv');
    const rows = memberRows(500, 1);
    writeCsv(file, MEMBER_HEADER, rows);
    await call(reg, 'import.run', { kind: 'members', file });
    expect(await schema()).toEqual(before);
    const [, surname, givenName, , iin] = rows[417]!;
    const found = await call(reg, 'members.list', { search: `${givenName} ${iin!.slice(2, 9)}` });
    expect(found.rows.map((m) => [m.surname, m.iin])).toEqual([[surname, iin]]);
    await reg.db.raw("INSERT INTO members_search (members_search, rank) VALUES ('integrity-check', 1)");
    // an IIN twice gets past no index: the unique index built again refuses the whole transaction
    const members = await count(reg, 'members');
    const one = await reg.db('members').where({ iin }).first();
    await expect(
      reg.db.transaction((trx) =>
        withBulkLoad(trx, { members: 1000 }, () =>
          insertMany(trx, 'members', [{ ...one, id: 'copy', search_text: 'copy' }]),
        ),
      ),
    ).rejects.toThrow(/UNIQUE/);
    expect(await count(reg, 'members')).toBe(members);
    expect(await schema()).toEqual(before);
    expect((await call(reg, 'members.list', { search: 'copy' })).total).toBe(0);
  });
});
