/**
 * Updates: electron-updater's `generic` provider pointed at the URL headquarters sets in Settings (none by
 * default). A check never blocks work: offline, a bad URL or a broken feed only yields a status to show.
 */
export type UpdateStatus = 'disabled' | 'invalid-url' | 'offline' | 'up-to-date' | 'available' | 'error';

/** Only an https URL (or http on this computer, for a test feed) may serve updates. */
export function updateFeedUrl(setting: string | null | undefined): string | null {
  if (!setting?.trim()) return null;
  let url: URL;
  try {
    url = new URL(setting.trim());
  } catch {
    return null;
  }
  const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) return null;
  if (url.username || url.password) return null;
  return url.toString();
}

/** The part of electron-updater's AppUpdater this uses (a stub in tests). */
export interface Updater {
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<{ isUpdateAvailable?: boolean } | null>;
  autoDownload: boolean;
}

const OFFLINE = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|net::ERR_/;

export async function checkForUpdates(
  updater: Updater,
  setting: string | null | undefined,
): Promise<UpdateStatus> {
  if (!setting?.trim()) return 'disabled';
  const url = updateFeedUrl(setting);
  if (!url) return 'invalid-url';
  try {
    updater.autoDownload = false;
    updater.setFeedURL({ provider: 'generic', url });
    const result = await updater.checkForUpdates();
    return result?.isUpdateAvailable ? 'available' : 'up-to-date';
  } catch (err) {
    return OFFLINE.test(String((err as Error)?.message ?? err)) ? 'offline' : 'error';
  }
}
