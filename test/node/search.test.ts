import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION, migrationSource } from '../../migrations/index.ts';
import { closeRegister, openRegister } from '../../electron/core/db/init.ts';
import { connect, schemaVersion } from '../../electron/core/db/open.ts';
import { call } from '../../electron/core/service.ts';
import { foldForSearch, matchesSearch, searchWords } from '../../electron/shared/collation.ts';
import { addOrg, admit, freshRegister, tempDir } from './helpers.ts';

describe('search folding', () => {
  it('folds Kazakh letters as typed on a Russian keyboard, Ё, and case in every alphabet', () => {
    expect(foldForSearch('ӘҒҚҢӨҰҮҺІ әғқңөұүһі Ёё')).toBe('агкноуухи агкноуухи ее');
    expect(foldForSearch('  ÖMIR  Zhan ')).toBe('ömir zhan');
    expect(searchWords(' Сәуле  Өмір ')).toEqual(['сауле', 'омир']);
    expect(matchesSearch('Өмірзақова Сәуле Қанатқызы', 'сәуле өмір')).toBe(true);
    expect(matchesSearch('Өмірзақова Сәуле', 'Сауле Омирзакова')).toBe(true);
    expect(matchesSearch('Өмірзақова Сәуле', 'Сауле Иванова')).toBe(false);
  });

  it('finds members by folded words in any order, by IIN and by card', async () => {
    const reg = await freshRegister();
    await addOrg(reg);
    await admit(reg, '850525446560', 'P001', { surname: 'Өмірзақова', givenName: 'Сәуле', cardNo: 'K-7781' });
    await admit(reg, '900101400122', 'P001', { surname: 'Иванова', givenName: 'Анна' });
    const found = async (search: string) =>
      (await call(reg, 'members.list', { search })).rows.map((m) => m.surname);
    expect(await found('Сәуле Өмір')).toEqual(['Өмірзақова']);
    expect(await found('сауле омирзакова')).toEqual(['Өмірзақова']);
    expect(await found('ӨМІРЗАҚ')).toEqual(['Өмірзақова']);
    expect(await found('8505254')).toEqual(['Өмірзақова']);
    expect(await found('k-7781')).toEqual(['Өмірзақова']);
    expect(await found('анна сәуле')).toEqual([]);
  });

  it('finds PPOs by code, name, short name and BIN with the same fold', async () => {
    const reg = await freshRegister();
    await addOrg(reg, 'P001', { name: 'Қарағанды облыстық ауруханасы', shortName: 'ҚОА' });
    await addOrg(reg, 'P002', { name: 'Городская поликлиника' });
    const found = async (search: string) => (await call(reg, 'orgs.list', { search })).map((o) => o.code);
    expect(await found('караганды')).toEqual(['P001']);
    expect(await found('ауруханасы облыстык')).toEqual(['P001']);
    expect(await found('коа')).toEqual(['P001']);
    expect(await found('p002')).toEqual(['P002']);
    expect(await found('поликлиника')).toEqual(['P002']);
  });

  it('a register of the schema before the search fold migrates, keeps every member and finds them folded', async () => {
    const file = path.join(tempDir(), 'v8.sqlite');
    const db = connect(file);
    // the step before 009 (later migrations may follow it)
    const before = MIGRATIONS.findIndex((m) => m.name.startsWith('009_'));
    for (let i = 0; i < before; i++) await db.migrate.up({ migrationSource });
    expect(await schemaVersion(db)).toBe(before);
    const now = '2024-01-01T00:00:00Z';
    await db('settings').insert([
      { key: 'register.kind', value: 'branch' },
      { key: 'branch.code', value: 'KRG' },
      { key: 'branch.name', value: 'Филиал' },
    ]);
    await db('orgs').insert({ id: 'o1', code: 'P1', name: 'ППО', created_at: now, updated_at: now });
    await db('members').insert({
      id: 'm1',
      iin: '850525446560',
      surname: 'Өмірзақова',
      given_name: 'Сәуле',
      birth_date: '1985-05-25',
      sex: 'female',
      category: 'nursing',
      org_id: 'o1',
      status: 'active',
      joined_on: '2008-09-09',
      // as the previous version stored it: lower case, Kazakh letters kept
      search_text: 'өмірзақова сәуле 850525446560 ',
      created_at: now,
      updated_at: now,
    });
    await db.destroy();
    const reg = await openRegister(file, () => new Date('2025-03-15T09:00:00Z'));
    expect(await schemaVersion(reg.db)).toBe(SCHEMA_VERSION);
    expect(await reg.db('members').count({ n: '*' })).toEqual([{ n: 1 }]);
    const { rows } = await call(reg, 'members.list', { search: 'сауле омир' });
    expect(rows.map((m) => m.iin)).toEqual(['850525446560']);
    await closeRegister(reg);
  });
});
