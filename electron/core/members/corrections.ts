import type { ParsedInput } from '../../shared/contract.ts';
import { refuse } from '../errors.ts';
import { inTransaction, nowIso, today, type Register } from '../register.ts';
import { deriveState, effectiveEvents, MEMBERSHIP_KINDS, type MemberEvent } from './history.ts';
import {
  appendEvents,
  findMember,
  identityOrThrow,
  memberEvents,
  requireMember,
  type Member,
} from './members.ts';

/**
 * Corrections of a member: personal data put right, and the last membership event annulled. Neither
 * rewrites history: the old values stay in the audit log with the reason, and an annulled event stays in
 * the event history beside the annulment that cancels it.
 */

/** A text field that may be cleared: empty or null clears it, absent leaves it. */
const clearable = (v: string | null | undefined) => (v === undefined ? undefined : v?.trim() || null);

/**
 * Corrects surname, names, IIN, position, category, card and phone. A new IIN goes through every IIN check
 * again (check digit, the birth date and sex it encodes — which replace the stored ones — and that no other
 * person in the register has it).
 */
export async function correctMember(reg: Register, input: ParsedInput<'members.correct'>): Promise<Member> {
  return inTransaction(
    reg,
    async (trx) => {
      const member = await requireMember(trx, input.iin);
      const wanted: Record<string, string | null | undefined> = {
        surname: input.surname || undefined,
        given_name: input.givenName || undefined,
        patronymic: clearable(input.patronymic),
        position: clearable(input.position),
        category: input.category,
        phone: clearable(input.phone),
        card_no: clearable(input.cardNo),
      };
      if (input.newIin && input.newIin !== member.iin) {
        const facts = identityOrThrow(input.newIin, {});
        const other = await findMember(trx, input.newIin);
        if (other)
          refuse('member.iin_taken', { iin: input.newIin, name: `${other.surname} ${other.givenName}` });
        Object.assign(wanted, { iin: input.newIin, birth_date: facts.birthDate, sex: facts.sex });
      }
      const stored: Record<string, string | null> = {
        surname: member.surname,
        given_name: member.givenName,
        patronymic: member.patronymic,
        position: member.position,
        category: member.category,
        phone: member.phone,
        card_no: member.cardNo,
        iin: member.iin,
        birth_date: member.birthDate,
        sex: member.sex,
      };
      const patch = Object.fromEntries(
        Object.entries(wanted).filter(([k, v]) => v !== undefined && v !== stored[k]),
      );
      if (Object.keys(patch).length === 0) refuse('member.nothing_to_correct');
      const now = nowIso(reg);
      await trx('members')
        .where({ id: member.id })
        .update({ ...patch, updated_at: now });
      await appendEvents(
        trx,
        member.id,
        [{ kind: 'corrected', orgId: member.orgId, eventDate: today(reg), note: input.reason }],
        now,
      );
      return (await findMember(trx, (patch.iin as string | undefined) ?? input.iin))!;
    },
    { reason: input.reason },
  );
}

/**
 * Annuls the person's last membership event (admission, exit, transfer, readmission) with a reason: an
 * `annulled` event points to it and from then on it counts nowhere. A transfer inside the branch is its two
 * halves, annulled together. An annulment is never itself annulled: the event is entered again instead.
 */
export async function annulLastEvent(reg: Register, input: ParsedInput<'members.annul'>): Promise<Member> {
  return inTransaction(
    reg,
    async (trx) => {
      const member = await requireMember(trx, input.iin);
      const events = await memberEvents(trx, member.id);
      const membership = effectiveEvents(events).filter((e) => MEMBERSHIP_KINDS.includes(e.kind));
      const last = membership.at(-1);
      if (!last) refuse('member.nothing_to_annul', { iin: input.iin });
      const before = membership.at(-2);
      const targets =
        last.kind === 'transferred_in' && before?.kind === 'transferred_out' ? [before, last] : [last];
      const annulments: MemberEvent[] = targets.map((t, i) => ({
        seq: Number.MAX_SAFE_INTEGER - targets.length + i,
        kind: 'annulled',
        orgId: t.orgId,
        eventDate: today(reg),
        annuls: t.id,
      }));
      const after = deriveState([...events, ...annulments]);
      if (after.status === 'active') {
        const org: { code: string; status: string } = await trx('orgs')
          .where({ id: after.orgId })
          .first('code', 'status');
        if (org.status !== 'active') refuse('member.annul_org_closed', { org: org.code });
      }
      await appendEvents(
        trx,
        member.id,
        targets.map((t) => ({
          kind: 'annulled' as const,
          orgId: t.orgId,
          eventDate: today(reg),
          note: input.reason,
          annulsEventId: t.id,
        })),
        nowIso(reg),
      );
      return (await findMember(trx, input.iin))!;
    },
    { reason: input.reason },
  );
}
