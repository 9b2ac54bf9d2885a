import { z } from 'zod';
import { refuse } from '../errors.ts';
import { inTransaction, nowIso, type Register } from '../register.ts';
import { readSettings } from '../settings/settings.ts';
import { activeInTwoBranches } from './hq-views.ts';
import { hqSigningKey } from './keys.ts';
import { openDocument, signDocument } from './signed-docs.ts';

/**
 * Headquarters' receipt for an accepted package, signed with its key: which branch, package number and
 * period, the manifest's and the file's hashes, when it was accepted, and the branch's people headquarters
 * sees active in another branch as well. The branch imports it: its export history then says «принят ЦС»
 * with the date, and a receipt for another branch, for a package it never wrote, or with a signature that
 * is not headquarters' is refused.
 */
const ReceiptSchema = z.object({
  format: z.literal('aqniet-receipt'),
  version: z.literal(1),
  branch: z.string().regex(/^[A-Z0-9_-]{2,16}$/),
  period: z.string().regex(/^\d{4}-Q[1-4]$/),
  seq: z.number().int().positive(),
  manifestSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  packageSha256: z.string().regex(/^[0-9a-f]{64}$/),
  acceptedAt: z.iso.datetime(),
  alsoActiveElsewhere: z
    .array(z.object({ iin: z.string().regex(/^\d{12}$/), branches: z.array(z.string().max(16)).max(40) }))
    .max(100_000),
});
export type Receipt = z.output<typeof ReceiptSchema>;

/** The receipt for branch's accepted package `seq` (its latest by default), as a signed file. */
export async function writeReceipt(reg: Register, input: { branch: string; seq?: number }) {
  if ((await readSettings(reg.db)).kind !== 'hq') refuse('keys.not_hq');
  const q = reg.db('package_imports').where({ branch_code: input.branch }).orderBy('seq', 'desc');
  if (input.seq) q.where({ seq: input.seq });
  const accepted: Record<string, string | number | null> | undefined = await q.first();
  if (!accepted)
    refuse('receipt.no_import', { branch: input.branch, seq: input.seq ? ` № ${input.seq}` : '' });
  const elsewhere = (await activeInTwoBranches(reg))
    .filter((d) => d.branches.includes(input.branch))
    .map((d) => ({ iin: d.iin, branches: d.branches.filter((b) => b !== input.branch) }));
  const receipt: Receipt = {
    format: 'aqniet-receipt',
    version: 1,
    branch: input.branch,
    period: String(accepted.period),
    seq: Number(accepted.seq),
    manifestSha256: (accepted.manifest_sha256 as string | null) ?? null,
    packageSha256: String(accepted.package_sha256),
    acceptedAt: String(accepted.imported_at),
    alsoActiveElsewhere: elsewhere,
  };
  const bytes = await signDocument(reg, 'receipt', receipt);
  const fileName = `${receipt.branch}-${receipt.period.replace('-', '')}-${receipt.seq}.receipt`;
  return { fileName, content: bytes.toString('base64'), bytes: bytes.length, receipt };
}

/** A branch takes headquarters' receipt: checked, matched to the package it wrote, and recorded. */
export async function importReceipt(reg: Register, bytes: Uint8Array) {
  const settings = await readSettings(reg.db);
  if (settings.kind === 'hq') refuse('keys.is_hq');
  const parsed = ReceiptSchema.safeParse(openDocument(bytes, 'receipt', await hqSigningKey(reg)));
  if (!parsed.success)
    refuse('signed.bad_payload', { detail: parsed.error.issues[0]?.path.join('.') || 'receipt' });
  const receipt = parsed.data;
  if (receipt.branch !== settings.branchCode)
    refuse('receipt.other_branch', { branch: receipt.branch, own: settings.branchCode });
  const exported: { id: number } | undefined = await reg
    .db('package_exports')
    .where({ seq: receipt.seq, period: receipt.period, package_sha256: receipt.packageSha256 })
    .first('id');
  if (!exported) refuse('receipt.unknown_package', { seq: receipt.seq, period: receipt.period });
  await inTransaction(reg, async (trx) => {
    await trx('package_exports')
      .where({ id: exported.id })
      .update({
        accepted_at: receipt.acceptedAt,
        receipt: JSON.stringify({ ...receipt, importedAt: nowIso(reg) }),
      });
  });
  return receipt;
}
