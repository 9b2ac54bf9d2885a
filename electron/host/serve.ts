import fs from 'node:fs';
import { dailyBackup } from '../core/backups/operations.ts';
import { connect, isNetworkPath } from '../core/db/open.ts';
import { closeRegister, initRegister, openRegister } from '../core/db/init.ts';
import { logError, logInfo, openLog } from '../core/log.ts';
import type { KeyVault, Register } from '../core/register.ts';
import { callSafely, refusalEnvelope } from '../core/service.ts';
import type { CoreRole, CreateRegister, FromCore, Port, ToCore } from './protocol.ts';

/**
 * A core host: one open register answering the contract's calls that arrive as messages. It runs in an
 * Electron utility process behind the window (utility.ts) and in a worker thread behind the web preview
 * (worker.ts), so the synchronous SQLite driver never runs on the thread that draws the window or
 * answers HTTP. The writer opens (creating or migrating) the register; a reader opens the same file on a
 * read-only connection, which WAL lets read while the writer's transaction is open: a 100,000-member
 * import blocks its own thread for seconds, and the reads the window makes meanwhile go to the reader.
 */
export function serveCore(port: Port<ToCore, FromCore>): void {
  let reg: Register | null = null;
  /** Calls that arrive while the register opens wait for it (a restarted host is sent both at once). */
  let opening: Promise<void> = Promise.resolve();
  let closing = false;
  const running = new Set<Promise<void>>();
  const vaultAnswers = new Map<number, { resolve(text: string): void; reject(err: Error): void }>();
  let nextVaultId = 1;

  /** Private keys are sealed by the door's OS key store; each seal or open is a round trip to it. */
  const vault: KeyVault = {
    seal: (text) => askVault('seal', text),
    open: (text) => askVault('open', text),
  };
  function askVault(action: 'seal' | 'open', text: string): Promise<string> {
    const id = nextVaultId++;
    return new Promise((resolve, reject) => {
      vaultAnswers.set(id, { resolve, reject });
      port.post({ type: 'vault', id, action, text });
    });
  }

  async function open(message: Extract<ToCore, { type: 'open' }>): Promise<void> {
    // the writer and the reader are two processes: each rotates its own file
    if (message.logDir)
      await openLog({ dir: message.logDir, process: message.role === 'writer' ? 'core' : 'core-reader' });
    try {
      reg =
        message.role === 'writer' ? await openWriter(message.file, message.create) : openReader(message.file);
      if (message.vault) reg.vault = vault;
      logInfo('core opened', { role: message.role });
      port.post({ type: 'opened', file: reg.file });
    } catch (err) {
      port.post({ type: 'failed', refusal: refusalEnvelope(err, { what: 'open', role: message.role }) });
    }
  }

  function call(id: number, op: string, input: unknown, window?: boolean): void {
    const work = (async () => {
      await opening;
      const envelope = reg
        ? await callSafely(reg, op, input, logError, {
            progress: ({ done, total }) => port.post({ type: 'progress', id, done, total }),
            window,
          })
        : refusalEnvelope(new Error('the core host has no open register'), { op });
      port.post({ type: 'result', id, envelope });
    })();
    running.add(work);
    void work.finally(() => running.delete(work));
  }

  /** Shutdown: the calls already taken finish (the door stops sending new ones), then the file is closed. */
  async function close(): Promise<void> {
    closing = true;
    while (running.size) await Promise.allSettled([...running]);
    if (reg) await closeRegister(reg);
    reg = null;
    logInfo('core closed');
    port.post({ type: 'closed' });
  }

  port.listen((message) => {
    switch (message.type) {
      case 'open':
        opening = open(message);
        break;
      case 'call':
        if (closing) break; // the door refuses calls once it asked to close; none should arrive
        call(message.id, message.op, message.input, message.window);
        break;
      case 'vault': {
        const answer = vaultAnswers.get(message.id);
        vaultAnswers.delete(message.id);
        if (message.ok) answer?.resolve(message.text);
        else answer?.reject(new Error(`key store: ${message.message}`));
        break;
      }
      case 'close':
        void close().catch((err: unknown) => {
          logError(err, { what: 'core close' });
          port.post({ type: 'closed' });
        });
        break;
    }
  });
}

async function openWriter(file: string, create?: CreateRegister): Promise<Register> {
  // a network path is refused by openRegister with its sentence; a missing file is created when asked
  const reg =
    isNetworkPath(file) || fs.existsSync(file) || !create
      ? await openRegister(file)
      : await initRegister(file, create);
  // once a day on the first start; a failed copy is logged, and the register still opens
  await dailyBackup(reg).catch((err: unknown) => logError(err, { what: 'daily backup' }));
  return reg;
}

/** The reader never migrates or writes: the writer opened (and brought up to date) the file first. */
function openReader(file: string): Register {
  return { db: connect(file, { readOnly: true }), file, clock: () => new Date() };
}

export type { CoreRole };
