import type { Envelope } from '../shared/envelope.ts';
import { refusalEnvelope, callSafely } from '../core/service.ts';
import { refusal } from '../core/errors.ts';
import { logError } from '../core/log.ts';
import type { Register } from '../core/register.ts';
import { isTrustedAppUrl } from './policy.ts';

export { IPC_CHANNEL } from './policy.ts';

/**
 * The IPC door into the core: the sender frame must be a page of the app itself, the operation one of the
 * contract's, its input valid for that operation's zod schema (checked inside `call`). Every answer is an
 * envelope; errors never carry stack traces.
 */
export function createRouter(
  reg: Register,
  log: (err: unknown, context: Record<string, unknown>) => string = logError,
) {
  return async (
    senderUrl: string | undefined | null,
    op: unknown,
    input: unknown,
  ): Promise<Envelope<unknown>> => {
    if (!senderUrl || !isTrustedAppUrl(senderUrl)) return refusalEnvelope(refusal('ipc.untrusted_sender'));
    if (typeof op !== 'string') return refusalEnvelope(refusal('input.unknown_operation', { op: '' }));
    return callSafely(reg, op, input, log);
  };
}
