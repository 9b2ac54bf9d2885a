/**
 * The sandboxed preload: exposes exactly one object, `window.api`, with one method per contract operation.
 * No ipcRenderer, no process, nothing else crosses into the page. Bundled to out/main/preload.cjs.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { OPERATION_NAMES } from '../shared/contract.ts';
import { IPC_CHANNEL } from './policy.ts';

const api = Object.freeze(
  Object.fromEntries(
    OPERATION_NAMES.map((op) => [op, (input: unknown) => ipcRenderer.invoke(IPC_CHANNEL, op, input)]),
  ),
);

contextBridge.exposeInMainWorld('api', api);
