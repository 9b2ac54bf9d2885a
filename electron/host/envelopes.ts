import { refusalEnvelope } from '../core/envelopes.ts';
import type { Refusal } from '../shared/envelope.ts';

export { refused } from '../core/envelopes.ts';

/** Something unexpected at the door: logged with its stack, said as `internal` with the log id. */
export function internal(err: unknown, context: Record<string, unknown> = {}): Refusal {
  return refusalEnvelope(err, context);
}
