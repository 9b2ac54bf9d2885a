import type { ParsedInput } from '../../shared/contract.ts';
import { refuse } from '../errors.ts';
import { inTransaction, nowIso, type Register } from '../register.ts';
import { keepRemoved } from '../removed/removed.ts';
import { findAppeal, requireAppeal, type Appeal } from './appeals.ts';

/**
 * Corrections of an appeal: a closed one reopened with a reason, and one registered by mistake removed with
 * a reason. A removed appeal is kept whole (removed_records) and in the audit log, and counts in no list,
 * report or package; its number is never given again.
 */
export async function reopenAppeal(reg: Register, input: ParsedInput<'appeals.reopen'>): Promise<Appeal> {
  return inTransaction(
    reg,
    async (trx) => {
      const appeal = await requireAppeal(trx, input.year, input.regNo);
      if (appeal.status !== 'closed') refuse('appeal.not_closed', { regNo: input.regNo });
      await trx('appeals')
        .where({ id: appeal.id })
        .update({ status: 'in_progress', closed_on: null, updated_at: nowIso(reg) });
      return (await findAppeal(trx, input.year, input.regNo))!;
    },
    { reason: input.reason },
  );
}

export async function removeAppeal(reg: Register, input: ParsedInput<'appeals.remove'>) {
  return inTransaction(
    reg,
    async (trx) => {
      const appeal = await requireAppeal(trx, input.year, input.regNo);
      const row: Record<string, unknown> = await trx('appeals').where({ id: appeal.id }).first();
      const removal = await keepRemoved(trx, reg, 'appeals', appeal.id, row, input.reason);
      await trx('appeals').where({ id: appeal.id }).delete();
      return { removed: appeal.regNo, year: appeal.year, removalId: removal };
    },
    { reason: input.reason },
  );
}
