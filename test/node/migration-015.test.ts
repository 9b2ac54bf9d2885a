import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION, migrationSource } from '../../migrations/index.ts';
import { closeRegister, openRegister } from '../../electron/core/db/init.ts';
import { connect, schemaVersion } from '../../electron/core/db/open.ts';
import { call } from '../../electron/core/service.ts';
import { personSortKey } from '../../electron/shared/collation.ts';
import { tempDir } from './helpers.ts';

const NOW = '2024-01-01T00:00:00Z';
/** Listed here in the Russian alphabet's order (Ё with Е, lower case first, shorter first). */
const PEOPLE: Array<[string, string, string | null]> = [
  ['Ахметов', 'Ерлан', null],
  ['Елкина', 'Анна', 'Петровна'],
  ['Ёлкина', 'Анна', null],
  ['Жұмабаева', 'Айгүл', 'Бауыржанқызы'],
  ['Ким', 'Анна', null],
  ['Ким-Ли', 'Борис', null],
  ['Кимова', 'Анна', null],
  ['Өмірзақова', 'Сәуле', null],
];
/** A key as schema 14 stored it: two-byte weights, every level written out (the order was the same). */
const OLD_KEY = (i: number) => `${String.fromCharCode(0x4e8 + i)}${'Ā'.repeat(140)}`;

async function registerAt14(kind: 'branch' | 'hq') {
  const file = path.join(tempDir(), `${kind}-v14.sqlite`);
  const db = connect(file);
  const upTo = MIGRATIONS.findIndex((m) => m.name === '015_short_sort_keys');
  for (let i = 0; i < upTo; i++) await db.migrate.up({ migrationSource });
  await db('settings').insert([
    { key: 'register.kind', value: kind },
    { key: 'branch.code', value: kind === 'hq' ? 'HQ' : 'KRG' },
    { key: 'branch.name', value: 'Филиал' },
  ]);
  // stored in reverse so that only the keys, not the order of insertion, can put the list in order
  const rows = [...PEOPLE].reverse().map(([surname, given, patronymic], i) => ({
    id: `m${i}`,
    iin: `85052544656${i}`,
    surname,
    given_name: given,
    patronymic,
    org_id: 'o1',
    status: 'active',
    sort_key_ru: OLD_KEY(PEOPLE.length - i),
    sort_key_kk: OLD_KEY(PEOPLE.length - i),
  }));
  if (kind === 'hq') {
    await db('hq_orgs').insert({ branch_code: 'KRG', id: 'o1', code: 'P1', name: 'ППО', status: 'active' });
    await db('hq_members').insert(rows.map((r) => ({ ...r, branch_code: 'KRG' })));
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
  } else {
    await db('orgs').insert({ id: 'o1', code: 'P1', name: 'ППО', created_at: NOW, updated_at: NOW });
    await db('members').insert(
      rows.map((r) => ({
        ...r,
        birth_date: '1985-05-25',
        sex: 'female',
        category: 'nursing',
        joined_on: '2008-09-09',
        search_text: r.surname.toLowerCase(),
        created_at: NOW,
        updated_at: NOW,
      })),
    );
  }
  await db.destroy();
  return file;
}

describe('migration 015 (shorter sort keys)', () => {
  for (const kind of ['branch', 'hq'] as const) {
    it(`recomputes every stored key of a ${kind} register of schema 14; the list keeps the alphabet`, async () => {
      const reg = await openRegister(await registerAt14(kind), () => new Date('2025-03-15T09:00:00Z'));
      try {
        expect(await schemaVersion(reg.db)).toBe(SCHEMA_VERSION);
        const table = kind === 'hq' ? 'hq_members' : 'members';
        const stored: Array<Record<string, string | null>> = await reg.db(table).orderBy('id');
        for (const m of stored) {
          const person = { surname: m.surname!, givenName: m.given_name!, patronymic: m.patronymic };
          expect([m.surname, m.sort_key_ru, m.sort_key_kk]).toEqual([
            m.surname,
            personSortKey(person, 'ru'),
            personSortKey(person, 'kk'),
          ]);
        }
        // the register is smaller: a name's key is a fraction of the 141 characters it took
        expect(Math.max(...stored.map((m) => m.sort_key_ru!.length))).toBeLessThan(60);
        const list = await call(reg, 'members.list', kind === 'hq' ? { branch: 'KRG' } : {});
        expect(list.rows.map((m) => m.surname)).toEqual(PEOPLE.map((p) => p[0]));
      } finally {
        await closeRegister(reg);
      }
    });
  }
});
