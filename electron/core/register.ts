import type { Db } from './db/open.ts';
import { todayIso, type IsoDate } from './dates.ts';

/**
 * An open register: the database plus the clock. Every domain function takes one, so the same code runs
 * in the app, the CLI and tests (which set the clock to check "overdue" and "month has ended").
 */
export interface Register {
  db: Db;
  file: string;
  clock: () => Date;
}

export function nowIso(reg: Register): string {
  return reg.clock().toISOString();
}

export function today(reg: Register): IsoDate {
  return todayIso(reg.clock());
}

export type Tx = Db;

/** Runs `work` in one transaction: every multi-row write is all or nothing. */
export function inTransaction<T>(reg: Register, work: (trx: Tx) => Promise<T>): Promise<T> {
  return reg.db.transaction((trx) => work(trx as unknown as Tx));
}
