import { RegisterError } from '../core/errors.ts';
import { logError } from '../core/log.ts';
import { CoreStartError } from '../host/client.ts';
import type { UiLanguage } from '../shared/collation.ts';
import { isRefusalCode, wordRefusal } from '../shared/refusals/index.ts';

/**
 * Why the app could not start, in the UI language: a refusal (a database of a newer version, a network
 * folder, not a register) in its own words — thrown here or answered by the core's utility process —;
 * anything else is logged and named by its log id.
 */
export function startupFailure(err: unknown, language: UiLanguage): string {
  if (err instanceof CoreStartError) {
    const { code, params, message, messageRu } = err.refusal;
    if (isRefusalCode(code)) return wordRefusal(code, params ?? {}, language);
    return language === 'en' ? message : messageRu;
  }
  if (err instanceof RegisterError) {
    if (isRefusalCode(err.code)) return wordRefusal(err.code, err.params, language);
    return language === 'en' ? err.message : err.messageRu;
  }
  return wordRefusal('internal', { logId: logError(err, { what: 'start' }) }, language);
}
