import { RegisterError, refusal } from './errors.ts';
import { logError } from './log.ts';
import type { Refusal } from '../shared/envelope.ts';
import type { RefusalCode } from '../shared/refusals/index.ts';
import type { RefusalParams } from '../shared/refusals/types.ts';

/**
 * Refusals as envelopes, in one place for the core's service and the doors (main process, web preview,
 * core hosts). Light on purpose: the main process bundle loads this without the driver, knex or the domain.
 */
function asEnvelope(err: RegisterError): Refusal {
  return {
    ok: false,
    code: err.code,
    message: err.message,
    messageRu: err.messageRu,
    params: err.params,
    ...(err.field ? { field: err.field } : {}),
    details: err.details,
  };
}

/** A refusal by its code, as an envelope. */
export function refused(code: RefusalCode, params: RefusalParams = {}): Refusal {
  return asEnvelope(refusal(code, params));
}

/** A thrown refusal as an envelope; anything else logged with its stack, as `internal` with the log id. */
export function refusalEnvelope(
  err: unknown,
  context: Record<string, unknown> = {},
  log: (err: unknown, context: Record<string, unknown>) => string = logError,
): Refusal {
  if (err instanceof RegisterError) return asEnvelope(err);
  const logId = log(err, context);
  return { ...asEnvelope(refusal('internal', { logId })), logId, details: [] };
}
