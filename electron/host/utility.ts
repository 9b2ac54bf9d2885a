/**
 * The window's core host: Electron's utility process (bundled to out/main/core.js, started by the main
 * process with `utilityProcess.fork`). The main process only relays the contract's calls to it; the
 * register, its SQLite connection and every long operation live here. It needs nothing from `electron`:
 * Electron gives a utility process `process.parentPort`.
 */
import type { FromCore, ToCore } from './protocol.ts';
import { serveCore } from './serve.ts';

interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!parentPort) throw new Error('electron/host/utility.ts runs in an Electron utility process');
serveCore({
  post: (message: FromCore) => parentPort.postMessage(message),
  listen: (handler) => parentPort.on('message', (event) => handler(event.data as ToCore)),
});
