import { refused } from './envelopes.ts';
import { SURFACE, contract, type Access, type OperationName } from '../shared/contract.ts';
import type { Refusal } from '../shared/envelope.ts';

/**
 * The window's door, the same for the IPC router and the web preview: an operation the contract does not
 * give the window is refused by name, a path in the input is refused by its field. What passes is a call
 * the core may run for the window (`window: true`: its texts are never read as paths).
 */
export function windowRefusal(op: string, input: unknown, options: { dialogs: boolean }): Refusal | null {
  if (!Object.hasOwn(contract, op)) return refused('input.unknown_operation', { op });
  const access: Access = SURFACE[op as OperationName];
  if (access.door === 'main') return refused('ipc.not_for_window', { op });
  if (access.door === 'dialog' && !options.dialogs) return refused('dialog.unavailable');
  const fields = [...(access.paths ?? []), ...(access.dialog ? [access.dialog.field] : [])];
  if (input && typeof input === 'object') {
    for (const field of fields) {
      const value = (input as Record<string, unknown>)[field];
      // an empty path is no path: "back to the default" (backups beside the database)
      if (Object.hasOwn(input, field) && value !== undefined && value !== '') {
        return { ...refused('ipc.path_from_window', { field }), field };
      }
    }
  }
  return null;
}
