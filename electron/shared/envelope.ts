import type { RefusalParams } from './refusals/types.ts';

/**
 * What every door into the core (IPC, the web preview, the CLI's JSON) returns: a value, or a refusal with
 * a stable code, its parameters and sentences for people — never a stack trace.
 */
export interface Refusal {
  ok: false;
  code: string;
  message: string;
  messageRu: string;
  /** The refusal's values; the window words `code` with them in its UI language (shared/refusals). */
  params?: RefusalParams;
  /** The contract's name of the field the refusal is about. */
  field?: string;
  /** Where an unexpected error was written in the log. */
  logId?: string;
  details: Array<{
    row: number;
    column: string;
    message: string;
    messageRu: string;
    code?: string;
    params?: RefusalParams;
  }>;
}

export type Envelope<T> = { ok: true; value: T } | Refusal;
