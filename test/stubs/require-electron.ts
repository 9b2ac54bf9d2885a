/**
 * CommonJS packages (electron-updater) load `electron` with Node's own `require`, which vitest's alias does
 * not reach and which would try to download the Electron binary: this answers them with the same stub.
 * Import it first, in a process that loads the real package (test/node/updates-child.ts).
 */
import Module from 'node:module';
import * as electron from './electron.ts';

type Load = (request: string, parent: unknown, isMain: boolean) => unknown;
const loader = Module as unknown as { _load: Load };
const original = loader._load;
loader._load = function (request, parent, isMain) {
  return request === 'electron' ? electron : original.call(this, request, parent, isMain);
};
