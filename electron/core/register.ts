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
  /** Protects private key files at rest; the app passes Electron's safeStorage, the CLI none. */
  vault?: KeyVault;
}

/** Seals and opens secrets with a key the operating system keeps for this user (DPAPI, Keychain, libsecret). */
export interface KeyVault {
  seal(secret: string): string;
  open(sealed: string): string;
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
