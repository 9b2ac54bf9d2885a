import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { formatDate } from '../../shared/format.ts';
import { parseDate } from '../dates.ts';
import { refuse } from '../errors.ts';
import { inTransaction, nowIso, type Register } from '../register.ts';
import { listRates, readSettings, setRate } from '../settings/settings.ts';
import { hqSigningKey } from './keys.ts';
import { openDocument, sha256Of, signDocument } from './signed-docs.ts';

/**
 * Headquarters' dues rate and shares as a signed directive: headquarters sets the rate in its own
 * register (valid from a date), signs it, and each branch applies it — a rate of its own from that date,
 * as if entered there, with the directive named as the reason. The same directive applies once.
 */
const DirectiveSchema = z.object({
  format: z.literal('aqniet-directive'),
  version: z.literal(1),
  id: z.string().uuid(),
  kind: z.literal('dues_rate'),
  issuedAt: z.iso.datetime(),
  validFrom: z.iso.date(),
  rateBp: z.number().int().min(0).max(10_000),
  sharePpoBp: z.number().int().min(0).max(10_000),
  shareBranchBp: z.number().int().min(0).max(10_000),
  shareCentralBp: z.number().int().min(0).max(10_000),
});
export type Directive = z.output<typeof DirectiveSchema>;

/** Headquarters signs its rate valid from `validFrom` as a directive file. */
export async function writeDirective(reg: Register, input: { validFrom: string }) {
  if ((await readSettings(reg.db)).kind !== 'hq') refuse('keys.not_hq');
  const validFrom = parseDate(input.validFrom, 'validFrom');
  const rate = (await listRates(reg.db)).find((r) => r.validFrom === validFrom);
  if (!rate) refuse('directive.no_rate', { validFrom: formatDate(validFrom) });
  const directive: Directive = {
    format: 'aqniet-directive',
    version: 1,
    id: randomUUID(),
    kind: 'dues_rate',
    issuedAt: nowIso(reg),
    ...rate,
  };
  const bytes = await signDocument(reg, 'directive', directive);
  return {
    fileName: `dues-rate-${validFrom}.directive`,
    content: bytes.toString('base64'),
    bytes: bytes.length,
    directive,
  };
}

/** A branch applies headquarters' directive: checked, the rate set from its date, recorded once. */
export async function applyDirective(reg: Register, bytes: Uint8Array) {
  const settings = await readSettings(reg.db);
  if (settings.kind === 'hq') refuse('keys.is_hq');
  const parsed = DirectiveSchema.safeParse(openDocument(bytes, 'directive', await hqSigningKey(reg)));
  if (!parsed.success)
    refuse('signed.bad_payload', { detail: parsed.error.issues[0]?.path.join('.') || 'directive' });
  const d = parsed.data;
  const sha256 = sha256Of(bytes);
  // One transaction: the rate (the branch's own rules for rates, with the directive as the reason) and the
  // record that this directive is applied.
  return inTransaction(reg, async (trx) => {
    const known = await trx('directives').where({ sha256 }).orWhere({ id: d.id }).first('applied_at');
    if (known) return { status: 'duplicate' as const, directive: d, appliedAt: String(known.applied_at) };
    const percent = (bp: number) => bp / 100;
    const rate = await setRate(
      { ...reg, db: trx },
      {
        validFrom: d.validFrom,
        ratePercent: percent(d.rateBp),
        sharePpoPercent: percent(d.sharePpoBp),
        shareBranchPercent: percent(d.shareBranchBp),
        shareCentralPercent: percent(d.shareCentralBp),
        reason: `Распоряжение ЦС от ${formatDate(d.issuedAt.slice(0, 10))}`,
      },
    );
    const appliedAt = nowIso(reg);
    await trx('directives').insert({
      id: d.id,
      kind: d.kind,
      valid_from: d.validFrom,
      issued_at: d.issuedAt,
      payload: JSON.stringify(d),
      sha256,
      applied_at: appliedAt,
    });
    return { status: 'applied' as const, directive: d, appliedAt, rate };
  });
}

export async function listDirectives(reg: Register) {
  const rows: Array<{ payload: string; applied_at: string }> = await reg
    .db('directives')
    .orderBy('applied_at', 'desc');
  return rows.map((r) => ({ ...(JSON.parse(r.payload) as Directive), appliedAt: r.applied_at }));
}
