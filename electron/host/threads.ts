import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CoreChannel } from './client.ts';
import type { CoreRole, FromCore } from './protocol.ts';

const WORKER = path.join(import.meta.dirname, 'worker.ts');

/**
 * Core hosts as worker threads (the web preview, tests). The worker runs the TypeScript sources through
 * tsx, as `npm run web` itself runs.
 */
export const spawnWorker = (role: CoreRole): CoreChannel & { readonly worker: Worker } => {
  const worker = new Worker(WORKER, { execArgv: ['--import', 'tsx'], name: `core-${role}` });
  let asked = false;
  const channel = {
    worker,
    post: (message) => worker.postMessage(message),
    listen: (handler) => worker.on('message', (message: FromCore) => handler(message)),
    onExit: (handler) =>
      worker.on('exit', (code) => {
        if (!asked) handler(code);
      }),
    kill: () => {
      asked = true;
      void worker.terminate();
    },
  } satisfies CoreChannel & { worker: Worker };
  worker.on('error', () => {}); // an uncaught error ends the worker: reported through onExit
  return channel;
};
