import type { Envelope } from '../shared/envelope.ts';
import { SURFACE, type Access, type OperationName } from '../shared/contract.ts';
import type { ProgressReporter } from '../core/progress.ts';
import { refused } from '../host/envelopes.ts';
import { windowRefusal } from '../host/door.ts';
import { isTrustedAppUrl } from './policy.ts';

export { IPC_CHANNEL } from './policy.ts';

/** What the router hands on: the core (in its utility process) and the main process's native dialogs. */
export interface WindowDoor {
  call(op: string, input: unknown, progress?: ProgressReporter): Promise<Envelope<unknown>>;
  /** Asks for the file of a dialog operation (its input names the file, e.g. by a code); null when cancelled. */
  choose(op: OperationName, dialog: NonNullable<Access['dialog']>, input: object): Promise<string | null>;
}

/** The answer to a dialog operation whose dialog was cancelled: nothing was done, and nothing to say. */
export const CANCELLED = { cancelled: true } as const;

/**
 * The IPC door into the core: the sender frame must be a page of the app itself, the operation one the
 * contract gives the window (SURFACE), its input free of paths; a dialog operation gets its file from a
 * native dialog here, never from the page. The input is then checked against the operation's zod schema
 * by the core. Every answer is an envelope; errors never carry stack traces.
 */
export function createRouter(door: WindowDoor) {
  return async (
    senderUrl: string | undefined | null,
    op: unknown,
    input: unknown,
    progress?: ProgressReporter,
  ): Promise<Envelope<unknown>> => {
    if (!senderUrl || !isTrustedAppUrl(senderUrl)) return refused('ipc.untrusted_sender');
    if (typeof op !== 'string') return refused('input.unknown_operation', { op: '' });
    const notForWindow = windowRefusal(op, input, { dialogs: true });
    if (notForWindow) return notForWindow;
    const dialog = (SURFACE[op as OperationName] as Access).dialog;
    if (dialog) {
      const given = typeof input === 'object' && input !== null ? input : {};
      const chosen = await door.choose(op as OperationName, dialog, given);
      if (!chosen) return { ok: true, value: CANCELLED };
      return door.call(op, { ...given, [dialog.field]: chosen }, progress);
    }
    return door.call(op, input, progress);
  };
}
