import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { closeRegister, initRegister } from '../../electron/core/db/init.ts';
import type { Register } from '../../electron/core/register.ts';
import { call } from '../../electron/core/service.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aqniet-test-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A fresh branch register on a real SQLite file, with the clock fixed so "today" is known. */
export async function freshRegister(today = '2025-03-15'): Promise<Register> {
  const file = path.join(tempDir(), 'branch.sqlite');
  const reg = await initRegister(file, {
    kind: 'branch',
    code: 'KRG',
    name: 'Карагандинский филиал',
    clock: () => new Date(`${today}T09:00:00Z`),
  });
  cleanups.push(() => closeRegister(reg));
  return reg;
}

export async function count(reg: Register, table: string): Promise<number> {
  const rows = await reg.db(table).count<{ n: number }[]>({ n: '*' });
  return Number(rows[0]?.n ?? 0);
}

export const DECISION = { body: 'профком', number: '7', date: '2024-02-10' };

export async function addOrg(reg: Register, code = 'P001', extra: Record<string, unknown> = {}) {
  return call(reg, 'orgs.create', { code, name: `ППО ${code}`, headcount: 100, ...extra });
}

export async function admit(
  reg: Register,
  iin: string,
  orgCode = 'P001',
  extra: Record<string, unknown> = {},
) {
  return call(reg, 'members.admit', {
    orgCode,
    surname: 'Жұмабаева',
    givenName: 'Сәуле',
    iin,
    category: 'nursing',
    applicationDate: '2024-02-01',
    decision: DECISION,
    ...extra,
  });
}

export function writeFile(name: string, content: string | Buffer): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, content);
  return file;
}

/**
 * Every table of the register, every row, in a stable order: compared before and after a refused
 * operation to show that nothing at all was written.
 */
export async function dumpRegister(reg: Register): Promise<string> {
  // Virtual tables (the search index) are dumped through their shadow tables, which hold their data;
  // a WITHOUT ROWID table is read in its primary key's order.
  const tables: Array<{ name: string; sql: string }> = await reg.db.raw(
    "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
  );
  const dump: Record<string, unknown[]> = {};
  for (const { name, sql } of tables)
    dump[name] = await reg.db.raw(
      `SELECT * FROM "${name}" ${/WITHOUT ROWID\s*$/i.test(sql) ? '' : 'ORDER BY rowid'}`,
    );
  return JSON.stringify(dump);
}

/** The refusal an operation ends in (fails the test when it succeeds or throws anything else). */
export async function refusalOf(
  p: Promise<unknown>,
): Promise<import('../../electron/core/errors.ts').RegisterError> {
  const { RegisterError } = await import('../../electron/core/errors.ts');
  try {
    await p;
  } catch (err) {
    if (err instanceof RegisterError) return err;
    throw err;
  }
  throw new Error('expected a refusal, the operation succeeded');
}
