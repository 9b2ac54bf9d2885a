import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION, migrationSource } from '../../migrations/index.ts';
import { SNAPSHOT_TABLES } from '../../migrations/006_hq_snapshots.ts';
import { closeRegister, openRegister } from '../../electron/core/db/init.ts';
import { connect, schemaVersion } from '../../electron/core/db/open.ts';
import { tempDir } from './helpers.ts';

const UUID_TABLES = SNAPSHOT_TABLES.filter((t) => t !== 'quarter_actions');

describe('migration 012 (ids indexed in headquarters’ snapshot tables)', () => {
  it('migrates a headquarters register of the schema before it, keeps its rows, and the merge’s id check uses the index', async () => {
    const file = path.join(tempDir(), 'v11.sqlite');
    const db = connect(file);
    const before = MIGRATIONS.findIndex((m) => m.name === '012_hq_ids');
    for (let i = 0; i < before; i++) await db.migrate.up({ migrationSource });
    await db('settings').insert([
      { key: 'register.kind', value: 'hq' },
      { key: 'branch.code', value: 'HQ' },
      { key: 'branch.name', value: 'Центральный совет' },
    ]);
    for (const branch of ['KRG', 'ALA']) {
      await db('hq_orgs').insert({ branch_code: branch, id: `o-${branch}`, code: 'P001', name: 'ППО' });
      await db('hq_members').insert(
        Array.from({ length: 50 }, (_, i) => ({
          branch_code: branch,
          id: `m-${branch}-${i}`,
          iin: '850525446560',
          surname: `Фамилия${i}`,
          org_id: `o-${branch}`,
          status: 'active',
        })),
      );
    }
    await db.destroy();

    const reg = await openRegister(file, () => new Date('2025-03-15T09:00:00Z'));
    try {
      expect(await schemaVersion(reg.db)).toBe(SCHEMA_VERSION);
      expect(await reg.db('hq_members').where({ branch_code: 'KRG' }).count({ n: '*' })).toEqual([{ n: 50 }]);
      expect(await reg.db('hq_orgs').orderBy('branch_code').pluck('id')).toEqual(['o-ALA', 'o-KRG']);
      for (const table of UUID_TABLES) {
        // the query merge.ts runs for every accepted package (refuseIdsOfOtherBranches)
        const plan: Array<{ detail: string }> = await reg.db.raw(
          `EXPLAIN QUERY PLAN SELECT n.id, o.branch_code AS other FROM hq_${table} n JOIN hq_${table} o ON o.id = n.id
           WHERE n.branch_code = ? AND o.branch_code <> ? LIMIT 1`,
          ['KRG', 'KRG'],
        );
        expect(plan.map((p) => p.detail).join('; '), table).toMatch(new RegExp(`USING INDEX hq_${table}_id`));
      }
      const events: Array<{ detail: string }> = await reg.db.raw(
        `EXPLAIN QUERY PLAN SELECT e.* FROM hq_members m JOIN hq_member_events e ON e.member_id = m.id
         WHERE m.branch_code = ? ORDER BY e.member_id, e.seq`,
        ['KRG'],
      );
      expect(events.map((p) => p.detail).join('; ')).toMatch(/USING INDEX hq_member_events_member/);
    } finally {
      await closeRegister(reg);
    }
  });

  it('goes down again', async () => {
    const file = path.join(tempDir(), 'down.sqlite');
    const db = connect(file);
    const upTo = MIGRATIONS.findIndex((m) => m.name === '012_hq_ids');
    for (let i = 0; i <= upTo; i++) await db.migrate.up({ migrationSource });
    await db.migrate.down({ migrationSource });
    const indexes: Array<{ name: string }> = await db.raw(
      "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'hq_%_id'",
    );
    expect(indexes).toEqual([]);
    await db.destroy();
  });
});
