import path from 'node:path';
import type { Knex } from 'knex';
import { afterEach, describe, expect, it } from 'vitest';
import { insertMany } from '../../electron/core/db/bulk.ts';
import { connect } from '../../electron/core/db/open.ts';
import { tempDir } from './helpers.ts';

// The knex dialect over node:sqlite, on its own: what the register's code expects of a knex SQLite client.
const open: Knex[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.destroy();
});

async function database(options: { busyTimeoutMs?: number; file?: string } = {}): Promise<Knex> {
  const db = connect(options.file ?? path.join(tempDir(), 'dialect.sqlite'), options);
  open.push(db);
  if (!options.file) {
    await db.schema.createTable('t', (t) => {
      t.increments('id');
      t.string('name').notNullable().unique();
      t.integer('n');
      t.boolean('flag');
      t.bigInteger('at');
      t.binary('bytes');
    });
  }
  return db;
}

const names = async (db: Knex) => (await db('t').orderBy('id').pluck('name')) as string[];

describe('the node:sqlite knex client', () => {
  it('inserts, selects, updates and deletes with knex answers shaped as the sqlite3 client gave them', async () => {
    const db = await database();
    expect(await db('t').insert({ name: 'a', n: 1 })).toEqual([1]);
    expect(await db('t').insert({ name: 'b', n: 2 })).toEqual([2]);
    expect(await db('t').where({ name: 'a' }).update({ n: 10 })).toBe(1);
    expect(await db('t').where('n', '>', 0).first('name', 'n')).toEqual({ name: 'a', n: 10 });
    expect(await db('t').count({ c: '*' })).toEqual([{ c: 2 }]);
    expect(await db('t').where({ name: 'b' }).del()).toBe(1);
    expect(await names(db)).toEqual(['a']);
  });

  it('returns inserted and updated rows with `returning`', async () => {
    const db = await database();
    expect(await db('t').insert({ name: 'r', n: 7 }).returning(['id', 'name'])).toEqual([
      { id: 1, name: 'r' },
    ]);
    expect(await db('t').update({ n: 8 }).returning('n')).toEqual([{ n: 8 }]);
  });

  it('answers db.raw with an array of rows, and with an empty array for a statement without rows', async () => {
    const db = await database();
    expect(await db.raw('INSERT INTO t (name) VALUES (?)', ['x'])).toEqual([]);
    expect(await db.raw('SELECT name, ? AS k FROM t', ['v'])).toEqual([{ name: 'x', k: 'v' }]);
    expect((await db.raw('PRAGMA foreign_keys'))[0].foreign_keys).toBe(1);
  });

  it('binds dates and booleans as numbers, bytes as blobs, and reads integers as plain numbers', async () => {
    const db = await database();
    const at = new Date('2025-03-15T09:00:00Z');
    await db('t').insert({ name: 'd', flag: true, at, bytes: Buffer.from([1, 2, 3]), n: 2 ** 52 });
    await db('t').insert({ name: 'e', flag: false, at: null });
    const [d, e] = await db('t').orderBy('id').select('flag', 'at', 'bytes', 'n');
    expect(d).toMatchObject({ flag: 1, at: at.valueOf(), n: 2 ** 52 });
    expect(typeof d.n).toBe('number');
    expect(Buffer.from(d.bytes as Uint8Array)).toEqual(Buffer.from([1, 2, 3]));
    expect(e).toMatchObject({ flag: 0, at: null, n: null });
    expect(await db('t').where({ flag: true }).pluck('name')).toEqual(['d']);
  });

  it('commits a transaction and rolls back a failed one whole', async () => {
    const db = await database();
    await db.transaction(async (trx) => {
      await trx('t').insert({ name: 'kept' });
    });
    await expect(
      db.transaction(async (trx) => {
        await trx('t').insert({ name: 'lost' });
        await trx('t').insert({ name: 'kept' }); // unique: fails
      }),
    ).rejects.toThrow(/UNIQUE/);
    expect(await names(db)).toEqual(['kept']);
  });

  it('rolls a nested transaction (a savepoint) back alone, keeping the outer one', async () => {
    const db = await database();
    await db.transaction(async (trx) => {
      await trx('t').insert({ name: 'outer' });
      await expect(
        trx.transaction(async (inner) => {
          await inner('t').insert({ name: 'inner' });
          throw new Error('undo the inner part');
        }),
      ).rejects.toThrow('undo the inner part');
      await trx.transaction(async (inner) => inner('t').insert({ name: 'inner2' }));
    });
    expect(await names(db)).toEqual(['outer', 'inner2']);
  });

  it('inserts batches: knex batchInsert and the prepared insertMany, all or nothing', async () => {
    const db = await database();
    const rows = Array.from({ length: 2000 }, (_, i) => ({ name: `n${i}`, n: i }));
    await db.batchInsert('t', rows.slice(0, 1000), 400);
    await db.transaction((trx) => insertMany(trx, 't', rows.slice(1000)));
    expect(await db('t').count({ c: '*' })).toEqual([{ c: 2000 }]);
    expect(await db('t').sum({ s: 'n' })).toEqual([{ s: (1999 * 2000) / 2 }]);
    await expect(
      db.transaction((trx) => insertMany(trx, 't', [{ name: 'new' }, { name: 'n5' }], ['name'])),
    ).rejects.toThrow(/UNIQUE/);
    expect(await db('t').where({ name: 'new' }).first()).toBeUndefined();
    await expect(insertMany(db, 't', [{ name: 'outside' }])).rejects.toThrow(/inside a transaction/);
  });

  it('runs knex migrations up and down, schema changes included', async () => {
    const db = await database({ file: path.join(tempDir(), 'migrations.sqlite') });
    const steps = [
      {
        name: '1',
        up: (k: Knex) => k.schema.createTable('a', (t) => t.string('x')),
        down: (k: Knex) => k.schema.dropTable('a'),
      },
      {
        name: '2',
        up: (k: Knex) => k.schema.alterTable('a', (t) => t.integer('y').defaultTo(3)),
        down: (k: Knex) => k.schema.alterTable('a', (t) => t.dropColumn('y')),
      },
    ];
    const migrationSource = {
      getMigrations: async () => steps,
      getMigrationName: (m: { name: string }) => m.name,
      getMigration: async (m: (typeof steps)[number]) => m,
    };
    await db.migrate.up({ migrationSource });
    await db('a').insert({ x: 'kept' });
    await db.migrate.latest({ migrationSource });
    expect(await db('a').select('x', 'y')).toEqual([{ x: 'kept', y: 3 }]);
    await db.migrate.down({ migrationSource });
    expect(await db('a').select()).toEqual([{ x: 'kept' }]);
    expect(await db('knex_migrations').pluck('name')).toEqual(['1']);
  });

  it('starts write transactions IMMEDIATE: a second writer is refused as busy, never racing the first', async () => {
    const file = path.join(tempDir(), 'two.sqlite');
    const first = await database({ file });
    await first.schema.createTable('t', (t) => t.string('name'));
    const second = await database({ file, busyTimeoutMs: 50 });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let began!: () => void;
    const begun = new Promise<void>((resolve) => (began = resolve));
    const writer = first.transaction(async (trx) => {
      await trx('t').count({ c: '*' }); // only a read so far: a deferred BEGIN would hold no write lock yet
      began();
      await held;
      await trx('t').insert({ name: 'first' });
    });
    await begun;
    await expect(second('t').insert({ name: 'second' })).rejects.toMatchObject({
      code: 'db.busy',
      messageRu: 'Реестр занят другой операцией, повторите через минуту',
      message: 'The register is busy with another operation; try again in a minute',
    });
    // Reading is never blocked by the writer (WAL), and a read-only transaction takes no write lock.
    expect(await second('t').count({ c: '*' })).toEqual([{ c: 0 }]);
    await second.transaction(async (trx) => trx('t').select(), { readOnly: true });
    release();
    await writer;
    expect(await second('t').pluck('name')).toEqual(['first']);
  });
});
