import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION, migrationSource } from '../../migrations/index.ts';
import { closeRegister, openRegister } from '../../electron/core/db/init.ts';
import { connect, schemaVersion } from '../../electron/core/db/open.ts';
import { call } from '../../electron/core/service.ts';
import { tempDir } from './helpers.ts';

const NAME = '014_hq_list_indexes';

/** The plan of a statement as headquarters runs it: the branch's query over its snapshot tables. */
async function planOf(db: ReturnType<typeof connect>, sql: string): Promise<string> {
  const scoped = `WITH members AS NOT MATERIALIZED (SELECT * FROM main.hq_members),
    orgs AS NOT MATERIALIZED (SELECT * FROM main.hq_orgs) ${sql}`;
  const plan: Array<{ detail: string }> = await db.raw(`EXPLAIN QUERY PLAN ${scoped}`);
  return plan.map((p) => p.detail).join('; ');
}

describe('migration 014 (the list indexes of headquarters’ snapshots)', () => {
  it('migrates a headquarters register of the schema before it; PPO counts and member pages use the indexes', async () => {
    const file = path.join(tempDir(), 'v13.sqlite');
    const db = connect(file);
    const before = MIGRATIONS.findIndex((m) => m.name === NAME);
    for (let i = 0; i < before; i++) await db.migrate.up({ migrationSource });
    await db('settings').insert([
      { key: 'register.kind', value: 'hq' },
      { key: 'branch.code', value: 'HQ' },
      { key: 'branch.name', value: 'Центральный совет' },
    ]);
    await db('package_imports').insert({
      id: 'p1',
      branch_code: 'KRG',
      period: '2024-Q4',
      seq: 1,
      package_sha256: 'x',
      file_name: 'KRG-2024Q4-1.aqpkg',
      imported_at: '2025-01-15T09:00:00Z',
      signer_key_id: 'ABCDEF0123456789',
      counts: '{}',
      diff: '{}',
    });
    await db('hq_orgs').insert([
      {
        branch_code: 'KRG',
        id: 'o1',
        code: 'P001',
        name: 'Больница',
        status: 'active',
        sector: 'healthcare',
      },
      {
        branch_code: 'KRG',
        id: 'o2',
        code: 'P002',
        name: 'Поликлиника',
        status: 'active',
        sector: 'healthcare',
      },
    ]);
    await db('hq_members').insert(
      Array.from({ length: 30 }, (_, i) => ({
        branch_code: 'KRG',
        id: `m${i}`,
        iin: `85052544656${i % 10}`,
        surname: `Фамилия${i}`,
        given_name: 'Анна',
        org_id: i < 20 ? 'o1' : 'o2',
        status: i % 10 === 9 ? 'exited' : 'active',
        sort_key_ru: `k${String(i).padStart(2, '0')}`,
        sort_key_kk: `k${String(i).padStart(2, '0')}`,
      })),
    );
    await db.destroy();

    const reg = await openRegister(file, () => new Date('2025-03-15T09:00:00Z'));
    try {
      expect(await schemaVersion(reg.db)).toBe(SCHEMA_VERSION);
      const orgs = await call(reg, 'orgs.list', { branch: 'KRG' });
      expect(orgs.map((o) => [o.code, o.activeMembers])).toEqual([
        ['P001', 18],
        ['P002', 9],
      ]);
      // orgs.list counts each PPO's active members (electron/core/orgs/orgs.ts)
      expect(
        await planOf(
          reg.db,
          "SELECT orgs.*, (SELECT count(*) FROM members m WHERE m.org_id = orgs.id AND m.status = 'active') FROM orgs",
        ),
      ).toMatch(/USING COVERING INDEX hq_members_org/);
      for (const lang of ['ru', 'kk'])
        expect(
          await planOf(reg.db, `SELECT * FROM members ORDER BY sort_key_${lang}, iin LIMIT 50 OFFSET 10`),
        ).toMatch(new RegExp(`USING INDEX hq_members_list_${lang}`));
    } finally {
      await closeRegister(reg);
    }
  });

  it('goes down again', async () => {
    const db = connect(path.join(tempDir(), 'down.sqlite'));
    const upTo = MIGRATIONS.findIndex((m) => m.name === NAME);
    for (let i = 0; i <= upTo; i++) await db.migrate.up({ migrationSource });
    await db.migrate.down({ migrationSource });
    const indexes: Array<{ name: string }> = await db.raw(
      "SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ('hq_members_org', 'hq_members_list_ru', 'hq_members_list_kk')",
    );
    expect(indexes).toEqual([]);
    await db.destroy();
  });
});
