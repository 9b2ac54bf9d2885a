import type { Envelope, Refusal } from '../shared/envelope.ts';

/**
 * The messages between a door (the main process, the web preview) and a core host (an Electron utility
 * process behind the window, a worker thread behind the web preview). Plain data only: they cross a
 * process or thread boundary by structured clone.
 */
export type CoreRole = 'writer' | 'reader';

/** What a new register is made as, when the file does not exist yet (File → New). */
export interface CreateRegister {
  kind: 'branch' | 'hq';
  code: string;
  name: string;
}

export type ToCore =
  | {
      type: 'open';
      file: string;
      role: CoreRole;
      /** The door keeps an OS key store (Electron's safeStorage): private keys are sealed through it. */
      vault: boolean;
      /** Where this host writes its log (`core.N.log`); none: the default of core/log.ts. */
      logDir?: string;
      /** Create the register with this profile when the file does not exist (the writer only). */
      create?: CreateRegister;
    }
  /** `window`: the call came from the window, whose texts are never read as paths. */
  | { type: 'call'; id: number; op: string; input: unknown; window?: boolean }
  | { type: 'vault'; id: number; ok: true; text: string }
  | { type: 'vault'; id: number; ok: false; message: string }
  | { type: 'close' };

export type FromCore =
  | { type: 'opened'; file: string }
  | { type: 'failed'; refusal: Refusal }
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'result'; id: number; envelope: Envelope<unknown> }
  | { type: 'vault'; id: number; action: 'seal' | 'open'; text: string }
  | { type: 'closed' };

/** Either end of a channel: a utility process's parentPort, a worker's parentPort, or their parent's handle. */
export interface Port<In, Out> {
  post(message: Out): void;
  listen(handler: (message: In) => void): void;
}
