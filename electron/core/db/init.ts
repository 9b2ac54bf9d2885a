import fs from 'node:fs';
import { refuse } from '../errors.ts';
import type { Register } from '../register.ts';
import { DEFAULT_RATE, readSettings, setRate, writeSettings } from '../settings/settings.ts';
import { openDatabase } from './open.ts';

export interface InitOptions {
  kind: 'branch' | 'hq';
  code: string;
  name: string;
  clock?: () => Date;
}

/** Creates a new register file for a branch (or headquarters); refuses to touch an existing one. */
export async function initRegister(file: string, options: InitOptions): Promise<Register> {
  if (fs.existsSync(file)) {
    refuse(
      'db.exists',
      `${file} already exists; choose another file name`,
      `Файл ${file} уже существует; выберите другое имя файла`,
    );
  }
  if (!/^[A-Z0-9_-]{2,16}$/.test(options.code)) {
    refuse(
      'branch.invalid_code',
      `branch code "${options.code}" must be 2-16 capital Latin letters or digits (e.g. KRG)`,
      `Код филиала «${options.code}» должен состоять из 2–16 заглавных латинских букв или цифр (например, KRG)`,
    );
  }
  const opened = await openDatabase(file, { create: true });
  const reg: Register = { db: opened.db, file, clock: options.clock ?? (() => new Date()) };
  await reg.db.transaction(async (trx) => {
    await writeSettings(trx, {
      kind: options.kind,
      branchCode: options.code,
      branchName: options.name,
      appealDueDays: 30,
    });
  });
  await setRate(reg, {
    validFrom: DEFAULT_RATE.validFrom,
    ratePercent: DEFAULT_RATE.rateBp / 100,
    sharePpoPercent: DEFAULT_RATE.sharePpoBp / 100,
    shareBranchPercent: DEFAULT_RATE.shareBranchBp / 100,
    shareCentralPercent: DEFAULT_RATE.shareCentralBp / 100,
  });
  return reg;
}

/** Opens an existing, initialised register (migrating it first, with a backup). */
export async function openRegister(file: string, clock: () => Date = () => new Date()): Promise<Register> {
  const opened = await openDatabase(file);
  const reg: Register = { db: opened.db, file, clock };
  try {
    await readSettings(reg.db);
  } catch (err) {
    await opened.close();
    throw err;
  }
  return reg;
}

export async function closeRegister(reg: Register): Promise<void> {
  await reg.db.destroy();
}
