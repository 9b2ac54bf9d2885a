import { logError, logWarn } from '../core/log.ts';
import type { ProgressReporter } from '../core/progress.ts';
import { internal, refused } from './envelopes.ts';
import { READ_OPERATIONS, type OperationName } from '../shared/contract.ts';
import type { Envelope, Refusal } from '../shared/envelope.ts';
import type { CoreRole, CreateRegister, FromCore, Port, ToCore } from './protocol.ts';

type CallMessage = Omit<Extract<ToCore, { type: 'call' }>, 'type' | 'id'>;

/** A started core host (a utility process, a worker thread), as its door sees it. */
export interface CoreChannel extends Port<FromCore, ToCore> {
  /** Called once if the host ends without having been asked to (a crash). */
  onExit(handler: (code: number | null) => void): void;
  /** Ends the host at once (after `closed`, or when it does not answer). */
  kill(): void;
}

export interface CoreHostOptions {
  file: string;
  /** Starts one host for a role: `utilityProcess.fork` in the app, `new Worker` in the web preview. */
  spawn(role: CoreRole): CoreChannel;
  /** The door's OS key store (safeStorage): private keys are sealed through it. None: plain key files. */
  vault?: { seal(text: string): string; open(sealed: string): string };
  logDir?: string;
  /** The profile of a register created when the file does not exist (File → New). */
  create?: CreateRegister;
}

export class CoreStartError extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

interface Pending {
  resolve(envelope: Envelope<unknown>): void;
  progress?: ProgressReporter;
  op: string;
}

/** One host process or thread, with the calls it has not answered yet. */
class Host {
  readonly pending = new Map<number, Pending>();
  private closedWaiters: Array<() => void> = [];
  exited = false;

  constructor(
    readonly role: CoreRole,
    readonly channel: CoreChannel,
    private readonly onVault: (message: Extract<FromCore, { type: 'vault' }>) => void,
    private readonly onCrash: (host: Host, code: number | null) => void,
  ) {
    channel.listen((message) => this.receive(message));
    channel.onExit((code) => {
      this.exited = true;
      // ended before it could answer `open` (it failed to load): a start failure with a log id
      this.openWaiter?.({
        type: 'failed',
        refusal: internal(new Error(`core ${role} ended with code ${code} while opening`), { role }),
      });
      this.openWaiter = null;
      this.closedWaiters.splice(0).forEach((done) => done());
      this.onCrash(this, code);
    });
  }

  private openWaiter: ((message: FromCore) => void) | null = null;

  open(message: Extract<ToCore, { type: 'open' }>): Promise<void> {
    return new Promise((resolve, reject) => {
      this.openWaiter = (answer) => {
        if (answer.type === 'opened') resolve();
        else if (answer.type === 'failed') reject(new CoreStartError(answer.refusal));
      };
      this.channel.post(message);
    });
  }

  private receive(message: FromCore): void {
    switch (message.type) {
      case 'opened':
      case 'failed':
        this.openWaiter?.(message);
        this.openWaiter = null;
        break;
      case 'progress':
        this.pending.get(message.id)?.progress?.({ done: message.done, total: message.total });
        break;
      case 'result': {
        const pending = this.pending.get(message.id);
        this.pending.delete(message.id);
        pending?.resolve(message.envelope);
        break;
      }
      case 'vault':
        this.onVault(message);
        break;
      case 'closed':
        this.closedWaiters.splice(0).forEach((done) => done());
        break;
    }
  }

  call(id: number, call: CallMessage, progress?: ProgressReporter): Promise<Envelope<unknown>> {
    return new Promise((resolve) => {
      this.pending.set(id, { resolve, progress, op: call.op });
      this.channel.post({ type: 'call', id, ...call });
    });
  }

  /** Waits for the calls it holds, closes its register, and ends. */
  async close(timeoutMs = 30_000): Promise<void> {
    if (this.exited) return;
    const closed = new Promise<void>((resolve) => this.closedWaiters.push(resolve));
    this.channel.post({ type: 'close' });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([closed, late]);
    clearTimeout(timer);
    this.exited = true;
    this.channel.kill();
  }
}

/**
 * The door's side of the core: a writer host that owns the register and a reader host beside it for the
 * contract's pure reads (READ_OPERATIONS), each with its own connection to the file. Calls are relayed as
 * messages, progress of long operations comes back as `{done, total}`, the OS key store answers the
 * writer's requests. A host that crashes is reported (the refusal `host.crashed` with a log id) and
 * started again; `close()` stops taking calls, lets the ones under way finish, and closes the register.
 */
export class CoreHost {
  private writer!: Host;
  private reader: Host | null = null;
  private nextId = 1;
  private stopping = false;
  /** Set while the writer replaces the file (a restore): the reader is closed until it is done. */
  private restoring: Promise<void> | null = null;

  private constructor(private readonly options: CoreHostOptions) {}

  static async start(options: CoreHostOptions): Promise<CoreHost> {
    const host = new CoreHost(options);
    // both load their code at once; the reader opens the file only once the writer has migrated it
    const reader = host.spawnHost('reader');
    try {
      await host.startWriter();
    } catch (err) {
      reader.exited = true;
      reader.channel.kill();
      throw err;
    }
    await host.startReader(reader);
    return host;
  }

  get file(): string {
    return this.options.file;
  }

  private spawnHost(role: CoreRole): Host {
    return new Host(
      role,
      this.options.spawn(role),
      (m) => this.answerVault(m, role),
      (host, code) => this.crashed(host, code),
    );
  }

  private async startWriter(): Promise<void> {
    this.writer = this.spawnHost('writer');
    try {
      await this.writer.open({
        type: 'open',
        file: this.options.file,
        role: 'writer',
        vault: Boolean(this.options.vault),
        logDir: this.options.logDir,
        create: this.options.create,
      });
    } catch (err) {
      this.writer.exited = true;
      this.writer.channel.kill();
      throw err;
    }
  }

  private async startReader(reader = this.spawnHost('reader')): Promise<void> {
    try {
      await reader.open({
        type: 'open',
        file: this.options.file,
        role: 'reader',
        vault: false,
        logDir: this.options.logDir,
      });
      this.reader = reader;
    } catch (err) {
      // without a reader every call goes to the writer: slower during long work, still correct
      logError(err, { what: 'core reader' });
      reader.exited = true;
      reader.channel.kill();
    }
  }

  private answerVault(message: Extract<FromCore, { type: 'vault' }>, role: CoreRole): void {
    const host = role === 'writer' ? this.writer : this.reader;
    const vault = this.options.vault;
    try {
      if (!vault) throw new Error('no key store');
      const text = message.action === 'seal' ? vault.seal(message.text) : vault.open(message.text);
      host?.channel.post({ type: 'vault', id: message.id, ok: true, text });
    } catch (err) {
      host?.channel.post({
        type: 'vault',
        id: message.id,
        ok: false,
        message: err instanceof Error ? err.message : String(err),
      });
    }
  }

  private crashed(host: Host, code: number | null): void {
    if (this.stopping || (host !== this.writer && host !== this.reader)) return;
    const logId = logError(new Error(`core ${host.role} ended with code ${code}`), { what: 'core host' });
    for (const [, pending] of host.pending) {
      pending.resolve(refused('host.crashed', { logId }));
    }
    host.pending.clear();
    logWarn('core host restarting', { role: host.role });
    if (host === this.writer) {
      void this.startWriter().catch((err: unknown) => logError(err, { what: 'core restart' }));
    } else {
      this.reader = null;
      void this.startReader();
    }
  }

  /**
   * One contract call; `progress` receives the long operations' `{done, total}`; `window`: it came from
   * the window (its texts are never read as paths).
   */
  async call(
    op: string,
    input: unknown,
    options: { progress?: ProgressReporter; window?: boolean } = {},
  ): Promise<Envelope<unknown>> {
    if (this.stopping) return refused('host.stopped');
    const message: CallMessage = { op, input, window: options.window };
    if (op === 'backups.restore') return this.restore(message);
    if (this.restoring) await this.restoring;
    const host = READ_OPERATIONS.has(op as OperationName) && this.reader ? this.reader : this.writer;
    return host.call(this.nextId++, message, options.progress);
  }

  /** The file is replaced: no other connection may hold it (Windows would refuse to remove its WAL). */
  private async restore(message: CallMessage): Promise<Envelope<unknown>> {
    let done!: () => void;
    const previous = this.restoring;
    this.restoring = new Promise((resolve) => (done = resolve));
    try {
      await previous;
      const reader = this.reader;
      this.reader = null;
      await reader?.close();
      return await this.writer.call(this.nextId++, message);
    } finally {
      await this.startReader();
      this.restoring = null;
      done();
    }
  }

  /** Stops taking calls, lets those under way finish, closes the register (reader first), ends the hosts. */
  async close(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    await this.reader?.close();
    await this.writer.close();
  }
}
