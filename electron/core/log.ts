import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import pino, { type Logger } from 'pino';
import pinoRoll from 'pino-roll';
import type { SonicBoom } from 'sonic-boom';

/**
 * The register's log: one rotating file per process kind (`main`, `core`, `cli`, `web`) in the `logs`
 * folder of the user-data folder, as JSON lines (pino). Every unexpected error is written here with its
 * stack and a short id; a person only ever sees the id (in the refusal's `logId`), never the stack.
 *
 * It works without Electron: the utility process, the CLI, the web preview and the tests open it the same
 * way. Until `openLog` is called (a unit test calling the core directly), records go to stderr.
 */
export type LogProcess = 'main' | 'core' | 'core-reader' | 'cli' | 'web';

/** The user-data folder Electron uses for the app (productName «Aqniet Register»), computed without it. */
export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = env.HOME ?? env.USERPROFILE ?? os.homedir();
  const base =
    platform === 'win32'
      ? (env.APPDATA ?? path.join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? path.join(home, '.config'));
  return path.join(base, 'Aqniet Register');
}

/** Where the log files are: `AQNIET_LOG_DIR` (tests), or `logs` in the user-data folder. */
export function logDir(userData?: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.AQNIET_LOG_DIR ?? path.join(userData ?? appDataDir(env), 'logs');
}

/** Each file up to 5 MB; the current one and the 9 before it are kept. */
export const LOG_ROTATION = { size: '5m', keep: 9 } as const;

let logger: Logger = pino({ base: { process: 'unopened' } }, pino.destination(2));
/** sonic-boom keeps the path it writes in `file` (pino-roll moves it on each roll); its types omit it. */
let opened: (SonicBoom & { file: string }) | null = null;

/** Opens this process's log file (once); returns its path. */
export async function openLog(options: {
  dir: string;
  process: LogProcess;
  rotation?: { size: string; keep: number };
}): Promise<string> {
  if (opened) return opened.file;
  const rotation = options.rotation ?? LOG_ROTATION;
  const stream = await pinoRoll({
    file: path.join(options.dir, options.process),
    extension: '.log',
    size: rotation.size,
    limit: { count: rotation.keep },
    mkdir: true,
    // A crash right after an error must not lose the line that explains it.
    sync: true,
  });
  logger = pino(
    { base: { process: options.process, pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime },
    stream,
  );
  opened = stream as SonicBoom & { file: string };
  return opened.file;
}

/** An id a person can read out over the phone: 8 characters, no 0/O or 1/I to confuse. */
export function newLogId(): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  return [...randomBytes(8)].map((b) => alphabet[b % alphabet.length]).join('');
}

/** Writes an unexpected error with its stack and returns the id the refusal shows. */
export function logError(err: unknown, context: Record<string, unknown> = {}): string {
  const logId = newLogId();
  const error = err instanceof Error ? err : new Error(String(err));
  logger.error({ logId, err: error, ...context }, error.message);
  return logId;
}

export function logInfo(message: string, context: Record<string, unknown> = {}): void {
  logger.info(context, message);
}

export function logWarn(message: string, context: Record<string, unknown> = {}): void {
  logger.warn(context, message);
}

/** The file being written now, or null while records go to stderr. */
export function currentLogFile(): string | null {
  return opened?.file ?? null;
}

export function closeLog(): void {
  if (!opened) return;
  opened.flushSync();
  opened.end();
  opened = null;
  logger = pino({ base: { process: 'closed' } }, pino.destination(2));
}
