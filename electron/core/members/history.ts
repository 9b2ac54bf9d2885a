/**
 * A member's status and PPO are derived from the append-only event history, never set by hand. The
 * members table keeps the derived values for fast lists; `deriveState` is the only thing that computes
 * them, and a test checks that the stored values always equal a recomputation.
 */
export const MEMBER_EVENT_KINDS = [
  'admitted',
  'imported',
  'exited',
  'transferred_out',
  'transferred_in',
  'transferred_to_branch',
  'transferred_from_branch',
  'card_issued',
  'corrected',
] as const;
export type MemberEventKind = (typeof MEMBER_EVENT_KINDS)[number];

export interface MemberEvent {
  seq: number;
  kind: MemberEventKind;
  orgId: string;
  eventDate: string;
}

export interface MemberState {
  status: 'active' | 'exited';
  orgId: string;
  joinedOn: string;
  exitedOn: string | null;
}

export function deriveState(events: MemberEvent[]): MemberState {
  const ordered = [...events].sort((a, b) => a.seq - b.seq);
  let state = null as MemberState | null;
  for (const e of ordered) {
    switch (e.kind) {
      case 'admitted':
      case 'imported':
      case 'transferred_from_branch':
        state = { status: 'active', orgId: e.orgId, joinedOn: e.eventDate, exitedOn: null };
        break;
      case 'exited':
      case 'transferred_to_branch': // leaves this branch's register; the other branch admits the person
        if (state) state = { ...state, status: 'exited', exitedOn: e.eventDate };
        break;
      case 'transferred_in':
        if (state) state = { ...state, orgId: e.orgId };
        break;
      default:
        break;
    }
  }
  if (!state) throw new Error('a member history must begin with an admission');
  return state;
}
