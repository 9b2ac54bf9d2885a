/**
 * The sandboxed preload: exposes exactly one object, `window.api`, with one method per operation the
 * contract gives the window (WINDOW_OPERATIONS; not the CLI's path-taking ones). A method takes the input
 * and, for a long operation, a function that receives its `{done, total}`. No ipcRenderer, no process,
 * nothing else crosses into the page. Bundled to out/main/preload.cjs.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { WINDOW_OPERATIONS } from '../shared/contract.ts';
import { IPC_CHANNEL, PROGRESS_CHANNEL } from './policy.ts';

type Progress = { done: number; total: number };
const listeners = new Map<number, (p: Progress) => void>();
let nextCall = 1;
ipcRenderer.on(PROGRESS_CHANNEL, (_event, callId: number, p: Progress) => {
  listeners.get(callId)?.({ done: p.done, total: p.total });
});

async function invoke(op: string, input: unknown, onProgress?: unknown) {
  if (typeof onProgress !== 'function') return ipcRenderer.invoke(IPC_CHANNEL, op, input);
  const callId = nextCall++;
  listeners.set(callId, onProgress as (p: Progress) => void);
  try {
    return await ipcRenderer.invoke(IPC_CHANNEL, op, input, callId);
  } finally {
    listeners.delete(callId);
  }
}

const api = Object.freeze(
  Object.fromEntries(
    WINDOW_OPERATIONS.map((op) => [
      op,
      (input: unknown, onProgress?: unknown) => invoke(op, input, onProgress),
    ]),
  ),
);

contextBridge.exposeInMainWorld('api', api);
