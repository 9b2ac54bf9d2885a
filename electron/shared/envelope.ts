/**
 * What every door into the core (IPC, the web preview, the CLI's JSON) returns: a value, or a refusal with
 * a stable code and sentences for people — never a stack trace.
 */
export interface Refusal {
  ok: false;
  code: string;
  message: string;
  messageRu: string;
  details: Array<{ row: number; column: string; message: string; messageRu: string }>;
}

export type Envelope<T> = { ok: true; value: T } | Refusal;
