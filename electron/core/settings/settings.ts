import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { parseDate, type IsoDate } from '../dates.ts';
import { formatDate } from '../../shared/format.ts';
import { refuse } from '../errors.ts';
import { inTransaction, nowIso, today, type Register, type Tx } from '../register.ts';

/** Branch profile and simple settings, stored as key/value text. */
export const SettingsSchema = z.object({
  kind: z.enum(['branch', 'hq']),
  branchCode: z.string(),
  branchName: z.string(),
  /** The branch's name in Kazakh, for Kazakh prints (empty: the name as registered). */
  branchNameKk: z.string().default(''),
  region: z.string().default(''),
  chair: z.string().default(''),
  phone: z.string().default(''),
  appealDueDays: z.coerce.number().int().default(30),
  /** At headquarters: days after a quarter's end by which its package is expected. */
  packageDueDays: z.coerce.number().int().default(15),
  updateUrl: z.string().default(''),
  backupsDir: z.string().default(''),
  language: z.enum(['ru', 'kk', 'en']).default('ru'),
});
export type Settings = z.output<typeof SettingsSchema>;

const KEYS: Record<keyof Settings, string> = {
  kind: 'register.kind',
  branchCode: 'branch.code',
  branchName: 'branch.name',
  branchNameKk: 'branch.name_kk',
  region: 'branch.region',
  chair: 'branch.chair',
  phone: 'branch.phone',
  appealDueDays: 'appeals.due_days',
  packageDueDays: 'exchange.due_days',
  updateUrl: 'updates.url',
  backupsDir: 'backups.dir',
  language: 'ui.language',
};

export async function readSettings(db: Tx): Promise<Settings> {
  const rows: Array<{ key: string; value: string }> = await db('settings').select('key', 'value');
  const byKey = new Map(rows.map((r) => [r.key, r.value]));
  const raw = Object.fromEntries(
    Object.entries(KEYS).flatMap(([field, key]) => (byKey.has(key) ? [[field, byKey.get(key)]] : [])),
  );
  const parsed = SettingsSchema.safeParse(raw);
  if (!parsed.success) {
    refuse(
      'db.not_initialised',
      'this database has no branch profile (create it with "init")',
      'В базе нет профиля филиала (создайте базу командой «init»)',
    );
  }
  return parsed.data;
}

export async function writeSettings(db: Tx, patch: Partial<Settings>): Promise<void> {
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const key = KEYS[field as keyof Settings];
    await db('settings')
      .insert({ key, value: String(value) })
      .onConflict('key')
      .merge();
  }
}

/** Rates and shares are integers in basis points: 1 % = 100. */
export interface DuesRate {
  validFrom: IsoDate;
  rateBp: number;
  sharePpoBp: number;
  shareBranchBp: number;
  shareCentralBp: number;
}

/** Defaults for a new branch: the Charter's 1 % of salary; shares are the branch's to set. */
export const DEFAULT_RATE: DuesRate = {
  validFrom: '2000-01-01',
  rateBp: 100,
  sharePpoBp: 6000,
  shareBranchBp: 3000,
  shareCentralBp: 1000,
};

export function percentToBp(value: string | number, field: string): number {
  const textValue = String(value).trim().replace(',', '.').replace(/\s*%$/, '');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(textValue) || Number(textValue) > 100) {
    refuse(
      'rate.invalid',
      `${field}: "${value}" is not a percentage between 0 and 100 with at most two decimals`,
      `${field}: «${value}» — не процент от 0 до 100 (не более двух знаков после запятой)`,
    );
  }
  return Math.round(Number(textValue) * 100);
}

/**
 * Adds a rate valid from a date, or changes one whose date is still to come. A rate already in force (its
 * date today or earlier) is never changed: dues already computed with it would change under the reports;
 * it is replaced by a newer one instead.
 */
export async function setRate(
  reg: Register,
  input: {
    validFrom: string;
    ratePercent: string | number;
    sharePpoPercent: string | number;
    shareBranchPercent: string | number;
    shareCentralPercent: string | number;
    reason?: string;
  },
): Promise<DuesRate> {
  const rate: DuesRate = {
    validFrom: parseDate(input.validFrom, 'validFrom'),
    rateBp: percentToBp(input.ratePercent, 'ratePercent'),
    sharePpoBp: percentToBp(input.sharePpoPercent, 'sharePpoPercent'),
    shareBranchBp: percentToBp(input.shareBranchPercent, 'shareBranchPercent'),
    shareCentralBp: percentToBp(input.shareCentralPercent, 'shareCentralPercent'),
  };
  if (rate.sharePpoBp + rate.shareBranchBp + rate.shareCentralBp !== 10000) {
    refuse('rate.shares_sum');
  }
  const now = nowIso(reg);
  const columns = {
    rate_bp: rate.rateBp,
    share_ppo_bp: rate.sharePpoBp,
    share_branch_bp: rate.shareBranchBp,
    share_central_bp: rate.shareCentralBp,
    updated_at: now,
  };
  await inTransaction(
    reg,
    async (trx) => {
      const existing = await trx('dues_rates').where({ valid_from: rate.validFrom }).first('id');
      if (!existing) {
        await trx('dues_rates').insert({
          ...columns,
          id: randomUUID(),
          valid_from: rate.validFrom,
          created_at: now,
        });
        return;
      }
      if (rate.validFrom <= today(reg)) refuse('rate.in_force', { validFrom: formatDate(rate.validFrom) });
      await trx('dues_rates').where({ id: existing.id }).update(columns);
    },
    { reason: input.reason ?? null },
  );
  return rate;
}

/** Deletes a rate whose date is still to come (one in force is only replaced by a newer one). */
export async function deleteRate(reg: Register, input: { validFrom: string; reason?: string }) {
  const validFrom = parseDate(input.validFrom, 'validFrom');
  return inTransaction(
    reg,
    async (trx) => {
      const existing = await trx('dues_rates').where({ valid_from: validFrom }).first('id');
      if (!existing) refuse('rate.not_found', { validFrom: formatDate(validFrom) });
      if (validFrom <= today(reg)) refuse('rate.in_force', { validFrom: formatDate(validFrom) });
      await trx('dues_rates').where({ id: existing.id }).delete();
      return { deleted: validFrom };
    },
    { reason: input.reason ?? null },
  );
}

interface RateRow {
  valid_from: string;
  rate_bp: number;
  share_ppo_bp: number;
  share_branch_bp: number;
  share_central_bp: number;
}

export async function listRates(db: Tx): Promise<DuesRate[]> {
  const rows: RateRow[] = await db('dues_rates').orderBy('valid_from');
  return rows.map((r) => ({
    validFrom: r.valid_from,
    rateBp: r.rate_bp,
    sharePpoBp: r.share_ppo_bp,
    shareBranchBp: r.share_branch_bp,
    shareCentralBp: r.share_central_bp,
  }));
}

/** The rate in force on a date: the latest one whose valid-from is not after it. */
export function rateOn(rates: DuesRate[], date: IsoDate): DuesRate {
  let found: DuesRate | undefined;
  for (const r of rates) if (r.validFrom <= date) found = r;
  return found ?? rates[0] ?? DEFAULT_RATE;
}
