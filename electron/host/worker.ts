/**
 * The web preview's core host: a worker thread (started by ./threads.ts), so the HTTP server answers while
 * the register works, as the window's main process does while its utility process works.
 */
import { parentPort } from 'node:worker_threads';
import type { FromCore, ToCore } from './protocol.ts';
import { serveCore } from './serve.ts';

if (!parentPort) throw new Error('electron/host/worker.ts runs as a worker thread');
const port = parentPort;
serveCore({
  post: (message: FromCore) => port.postMessage(message),
  listen: (handler) => port.on('message', (message: ToCore) => handler(message)),
});
