import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION, migrationSource } from '../../migrations/index.ts';
import { closeRegister, initRegister, openRegister } from '../../electron/core/db/init.ts';
import { connect, isNetworkPath, openDatabase, schemaVersion } from '../../electron/core/db/open.ts';
import { call } from '../../electron/core/service.ts';
import { addOrg, admit, count, freshRegister, tempDir } from './helpers.ts';

describe('database file', () => {
  it('opens with foreign keys on, WAL, a busy timeout and the latest schema version', async () => {
    const reg = await freshRegister();
    expect((await reg.db.raw('PRAGMA foreign_keys'))[0].foreign_keys).toBe(1);
    expect((await reg.db.raw('PRAGMA journal_mode'))[0].journal_mode).toBe('wal');
    expect((await reg.db.raw('PRAGMA busy_timeout'))[0].timeout).toBe(5000);
    expect(await schemaVersion(reg.db)).toBe(SCHEMA_VERSION);
    expect((await call(reg, 'register.info', {})).schemaVersion).toBe(SCHEMA_VERSION);
  });

  it('opens a register up to date without writing, while another process holds the write lock', async () => {
    const reg = await freshRegister();
    const other = connect(reg.file);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let began!: () => void;
    const begun = new Promise<void>((resolve) => (began = resolve));
    // An import elsewhere: BEGIN IMMEDIATE holds the write lock until it commits.
    const writer = other.transaction(async (trx) => {
      await trx('settings').select();
      began();
      await held;
    });
    await begun;
    const again = await openRegister(reg.file);
    expect((await call(again, 'register.info', {})).schemaVersion).toBe(SCHEMA_VERSION);
    // A write waits for the lock (bounded) and is then refused in words, not with SQLite's text.
    await expect(addOrg(again, 'P9')).rejects.toMatchObject({ code: 'db.busy' });
    await closeRegister(again);
    release();
    await writer;
    await other.destroy();
  });

  it('refuses a file that a newer version of the app wrote, and leaves it untouched', async () => {
    const reg = await freshRegister();
    await reg
      .db('knex_migrations')
      .insert({ name: '999_future', batch: 9, migration_time: new Date().toISOString() });
    await closeRegister(reg);
    const before = fs.readFileSync(reg.file);
    await expect(openRegister(reg.file)).rejects.toMatchObject({
      code: 'db.newer_version',
      messageRu: expect.stringContaining('обновите программу'),
    });
    expect(fs.readFileSync(reg.file).equals(before)).toBe(true);
  });

  it('refuses to create over an existing file, a missing file, and a network share', async () => {
    const reg = await freshRegister();
    await expect(initRegister(reg.file, { kind: 'branch', code: 'KRG', name: 'x' })).rejects.toMatchObject({
      code: 'db.exists',
    });
    await expect(openRegister(path.join(tempDir(), 'none.sqlite'))).rejects.toMatchObject({
      code: 'db.not_found',
    });
    expect(isNetworkPath('\\\\server\\share\\aqniet.sqlite')).toBe(true);
    expect(isNetworkPath('C:\\Users\\buh\\aqniet.sqlite')).toBe(false);
    await expect(openDatabase('//server/share/a.sqlite')).rejects.toMatchObject({ code: 'db.network_path' });
  });

  it('copies an older database to backups/ before migrating it, and the copy opens at the old version', async () => {
    const file = path.join(tempDir(), 'old.sqlite');
    const db = connect(file);
    await db.migrate.up({ migrationSource }); // version 1 only
    await db('settings').insert([
      { key: 'register.kind', value: 'branch' },
      { key: 'branch.code', value: 'KRG' },
      { key: 'branch.name', value: 'Филиал' },
    ]);
    await db.destroy();
    const reg = await openRegister(file);
    expect(await schemaVersion(reg.db)).toBe(SCHEMA_VERSION);
    await closeRegister(reg);
    const backups = fs
      .readdirSync(path.join(path.dirname(file), 'backups'))
      .filter((name) => name.endsWith('.sqlite')); // each copy has its .json beside it
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^old\.sqlite\.\d{8}-\d{9}\.before-migration-v1\.sqlite$/);
    const copy = connect(path.join(path.dirname(file), 'backups', backups[0]!));
    expect(await copy('knex_migrations').count<{ n: number }[]>({ n: '*' })).toEqual([{ n: 1 }]);
    await copy.destroy();
  });

  it('each migration keeps the data loaded at the previous version', async () => {
    // Migrate one step at a time, loading rows into every table that exists, and check none is lost.
    const file = path.join(tempDir(), 'steps.sqlite');
    const db = connect(file);
    const counts = async () => {
      const tables: Array<{ name: string }> = await db.raw(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'knex%' AND name NOT LIKE 'sqlite%'",
      );
      return Object.fromEntries(
        await Promise.all(
          tables.map(async (t) => [
            t.name,
            Number((await db(t.name).count<{ n: number }[]>({ n: '*' }))[0]!.n),
          ]),
        ),
      );
    };
    const now = '2024-01-01T00:00:00Z';
    for (let version = 1; version <= MIGRATIONS.length; version++) {
      const before = await counts();
      await db.migrate.up({ migrationSource });
      const after = await counts();
      for (const [table, n] of Object.entries(before))
        expect(after[table], `${table} after ${MIGRATIONS[version - 1]!.name}`).toBeGreaterThanOrEqual(
          n as number,
        );
      // load a row set for the next step
      if (version === 1) {
        await db('orgs').insert({ id: 'o1', code: 'P1', name: 'ППО', created_at: now, updated_at: now });
        await db('members').insert({
          id: 'm1',
          iin: '850525446560',
          surname: 'И',
          given_name: 'О',
          birth_date: '1985-05-25',
          sex: 'female',
          category: 'nursing',
          org_id: 'o1',
          status: 'active',
          joined_on: '2008-09-09',
          created_at: now,
          updated_at: now,
        });
        await db('member_events').insert({
          id: 'e1',
          member_id: 'm1',
          seq: 1,
          kind: 'imported',
          org_id: 'o1',
          event_date: '2008-09-09',
          created_at: now,
        });
      }
      if (version === 2) {
        await db('dues_remittances').insert({
          id: 'r1',
          org_id: 'o1',
          month: '2024-01',
          received_tiyn: 100,
          created_at: now,
          updated_at: now,
        });
        await db('dues_lines').insert({
          id: 'l1',
          remittance_id: 'r1',
          iin: '850525446560',
          withheld_tiyn: 100,
          created_at: now,
          updated_at: now,
        });
      }
    }
    const final = await counts();
    expect(final).toMatchObject({
      orgs: 1,
      members: 1,
      member_events: 1,
      dues_remittances: 1,
      dues_lines: 1,
    });
    await db.destroy();
  });
});

describe('audit log', () => {
  it('records create, update with only the changed fields, and delete', async () => {
    const reg = await freshRegister();
    const org = await addOrg(reg, 'P001');
    await call(reg, 'orgs.update', { code: 'P001', headcount: 120, name: 'ППО P001' });
    const rows = await reg.db('audit_log').where({ entity: 'orgs', entity_id: org.id }).orderBy('id');
    expect(rows.map((r) => r.action)).toEqual(['create', 'update']);
    expect(JSON.parse(rows[0].changes).code).toEqual([null, 'P001']);
    expect(JSON.parse(rows[1].changes)).toEqual({ headcount: [100, 120] });
    const remittance = await call(reg, 'dues.record', {
      orgCode: 'P001',
      month: '2025-01',
      received: '1 000',
    });
    await call(reg, 'dues.delete', { id: remittance.id });
    const del = await reg.db('audit_log').where({ entity: 'dues_remittances', action: 'delete' }).first();
    expect(JSON.parse(del.changes).received_tiyn).toEqual([100000, null]);
  });

  it('cannot be changed or deleted, nor can the member history', async () => {
    const reg = await freshRegister();
    await addOrg(reg);
    await admit(reg, '850525446560');
    await expect(reg.db('audit_log').update({ action: 'x' })).rejects.toThrow(/append-only/);
    await expect(reg.db('audit_log').delete()).rejects.toThrow(/append-only/);
    await expect(reg.db('member_events').delete()).rejects.toThrow(/append-only/);
    expect(await count(reg, 'member_events')).toBe(1);
  });
});

describe('the core stays free of Electron', () => {
  it('no file under electron/core, electron/shared, electron/cli or migrations imports electron', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(p);
        else if (
          /\.(ts|js|mjs|cjs)$/.test(entry.name) &&
          /from\s+['"]electron['"]|require\(['"]electron['"]\)/.test(fs.readFileSync(p, 'utf8'))
        )
          offenders.push(p);
      }
    };
    for (const dir of ['electron/core', 'electron/shared', 'electron/cli', 'migrations'])
      walk(path.join(root, dir));
    expect(offenders).toEqual([]);
    expect(fs.readdirSync(path.join(root, 'electron/core')).length).toBeGreaterThan(5);
  });
});
