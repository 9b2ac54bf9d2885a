import os from 'node:os';
import type { Db } from './db/open.ts';
import { officeDate, type IsoDate } from './dates.ts';

/**
 * An open register: the database plus the clock. Every domain function takes one, so the same code runs
 * in the app, the CLI and tests (which set the clock to check "overdue" and "month has ended").
 */
export interface Register {
  db: Db;
  file: string;
  clock: () => Date;
  /**
   * Who is working, as the history of changes names them: the register's user once users exist; until
   * then the operating-system account (the default).
   */
  actor?: string;
  /** Set while the register's file is being replaced (a restore): every call waits for it first. */
  pause?: Promise<void>;
  /** Protects private key files at rest; the app passes Electron's safeStorage, the CLI none. */
  vault?: KeyVault;
}

/** Seals and opens secrets with a key the operating system keeps for this user (DPAPI, Keychain, libsecret). */
export interface KeyVault {
  /** Asynchronous: behind the window the key store is in the main process, one message away. */
  seal(secret: string): string | Promise<string>;
  open(sealed: string): string | Promise<string>;
}

export function nowIso(reg: Register): string {
  return reg.clock().toISOString();
}

/**
 * The office's today: the date in Kazakhstan (UTC+5, one zone for the whole country since March 2024) at
 * the register's clock, whatever time zone the computer is set to. Every "not in the future", "overdue" and
 * "has the month ended" asks this one function.
 */
export function today(reg: Register): IsoDate {
  return officeDate(reg.clock());
}

export type Tx = Db;

function osAccount(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USERNAME ?? process.env.USER ?? '';
  }
}

/** The name the history of changes gives the person working: see `Register.actor`. */
export function actorOf(reg: Register): string {
  return reg.actor ?? osAccount();
}

/**
 * Runs `work` in one transaction: every multi-row write is all or nothing. The audit triggers take who is
 * working and the reason of a correction from `audit_context` (migrations/008): the row is written first
 * and removed before the commit, so it is never committed and no other transaction can see it.
 */
export function inTransaction<T>(
  reg: Register,
  work: (trx: Tx) => Promise<T>,
  audit: { reason?: string | null } = {},
): Promise<T> {
  return reg.db.transaction(async (trx) => {
    await trx.raw('INSERT OR REPLACE INTO audit_context (id, actor, reason) VALUES (1, ?, ?)', [
      actorOf(reg),
      audit.reason ?? null,
    ]);
    const result = await work(trx as unknown as Tx);
    await trx.raw('DELETE FROM audit_context');
    return result;
  });
}
