import type { Envelope } from '../shared/envelope.ts';
import { callSafely } from '../core/service.ts';
import type { Register } from '../core/register.ts';
import { isTrustedAppUrl } from './policy.ts';

export { IPC_CHANNEL } from './policy.ts';

/**
 * The IPC door into the core: the sender frame must be a page of the app itself, the operation one of the
 * contract's, its input valid for that operation's zod schema (checked inside `call`). Every answer is an
 * envelope; errors never carry stack traces.
 */
export function createRouter(reg: Register, log: (err: unknown) => void = (err) => console.error(err)) {
  return async (
    senderUrl: string | undefined | null,
    op: unknown,
    input: unknown,
  ): Promise<Envelope<unknown>> => {
    if (!senderUrl || !isTrustedAppUrl(senderUrl)) {
      return {
        ok: false,
        code: 'ipc.untrusted_sender',
        message: 'the request did not come from a page of the app',
        messageRu: 'Запрос пришёл не со страницы программы',
        details: [],
      };
    }
    if (typeof op !== 'string') {
      return {
        ok: false,
        code: 'input.unknown_operation',
        message: 'no operation named',
        messageRu: 'Не указана операция',
        details: [],
      };
    }
    return callSafely(reg, op, input, log);
  };
}
