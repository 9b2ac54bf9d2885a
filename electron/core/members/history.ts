/**
 * A member's status and PPO are derived from the append-only event history, never set by hand. The
 * members table keeps the derived values for fast lists; `deriveState` is the only thing that computes
 * them, and a test checks that the stored values always equal a recomputation.
 *
 * A wrong event is never removed: an `annulled` event points to it (`annuls`), and from then on both are
 * left out of everything — status, reports, monthly counts, packages' summaries — as if the wrong event
 * had never happened. Only the last membership event can be annulled, so what remains is always a history
 * in order.
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
  'annulled',
] as const;
export type MemberEventKind = (typeof MEMBER_EVENT_KINDS)[number];

/** The events that change membership (and can be annulled); the others record facts beside it. */
export const MEMBERSHIP_KINDS: readonly MemberEventKind[] = [
  'admitted',
  'imported',
  'exited',
  'transferred_out',
  'transferred_in',
  'transferred_to_branch',
  'transferred_from_branch',
];

export interface MemberEvent {
  id?: string;
  seq: number;
  kind: MemberEventKind;
  orgId: string;
  eventDate: string;
  /** On an `annulled` event: the id of the event it annuls. */
  annuls?: string | null;
}

export interface MemberState {
  /** `annulled`: every admission of the person was annulled; the record stays, as a non-member. */
  status: 'active' | 'exited' | 'annulled';
  orgId: string;
  joinedOn: string;
  exitedOn: string | null;
}

/**
 * SQL: the condition that an event `alias` of `table` counts (is neither an annulment nor annulled). The
 * subquery is not correlated: SQLite builds the list of annulled ids once per statement, from a partial index.
 */
export function countsSql(alias = 'e', table = 'member_events'): string {
  return `${alias}.kind <> 'annulled' AND ${alias}.id NOT IN (SELECT annuls_event_id FROM ${table} WHERE annuls_event_id IS NOT NULL)`;
}

/** The events that count, in order: annulments and the events they annul left out. */
export function effectiveEvents<T extends MemberEvent>(events: T[]): T[] {
  const annulled = new Set(events.filter((e) => e.kind === 'annulled').map((e) => e.annuls));
  return [...events]
    .filter((e) => e.kind !== 'annulled' && !(e.id && annulled.has(e.id)))
    .sort((a, b) => a.seq - b.seq);
}

export function deriveState(events: MemberEvent[]): MemberState {
  const ordered = [...events].sort((a, b) => a.seq - b.seq);
  const counted = effectiveEvents(ordered);
  let state = null as MemberState | null;
  for (const e of counted) {
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
  if (state) return state;
  // Every admission annulled: the record stays (one IIN, one history) and a new admission re-enters it.
  const first = ordered.find((e) => MEMBERSHIP_KINDS.includes(e.kind));
  if (!first) throw new Error('a member history must begin with an admission');
  return { status: 'annulled', orgId: first.orgId, joinedOn: first.eventDate, exitedOn: null };
}
