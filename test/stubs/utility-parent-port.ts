/**
 * Loaded (`node --import`) into the child process that stands in for an Electron utility process: gives
 * it `process.parentPort` as Electron does — `postMessage(message)` and `message` events carrying
 * `{ data }` — over Node's IPC channel. Plain JavaScript with types only, so Node 24 runs it as it is.
 */
import { EventEmitter } from 'node:events';

const port = new EventEmitter() as EventEmitter & { postMessage(message: unknown): void };
port.postMessage = (message: unknown) => process.send!(message);
process.on('message', (data) => port.emit('message', { data, ports: [] }));
// the parent's handle ends the child (kill); Node's IPC channel alone would keep it alive after that
process.on('disconnect', () => process.exit(0));
(process as unknown as { parentPort: typeof port }).parentPort = port;
