import { RegisterError, refusal } from '../core/errors.ts';
import { logError } from '../core/log.ts';
import type { RefusalCode } from '../shared/refusals/index.ts';
import type { RefusalParams } from '../shared/refusals/types.ts';
import type { Refusal } from '../shared/envelope.ts';

/**
 * Refusals as envelopes for the doors (the main process, the web preview) without loading the core's
 * service: the main process bundle never loads the database driver, knex or the domain code.
 */
export function refused(code: RefusalCode, params: RefusalParams = {}): Refusal {
  return asEnvelope(refusal(code, params));
}

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

/** Something unexpected at the door: logged with its stack, said as `internal` with the log id. */
export function internal(err: unknown, context: Record<string, unknown> = {}): Refusal {
  if (err instanceof RegisterError) return asEnvelope(err);
  const logId = logError(err, context);
  return { ...asEnvelope(refusal('internal', { logId })), logId };
}
