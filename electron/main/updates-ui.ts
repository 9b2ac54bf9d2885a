import type * as Electron from 'electron';
import type { UiLanguage } from '../shared/collation.ts';
import { logError, logInfo } from '../core/log.ts';
import { label } from './labels.ts';
import { UpdateFlow, loadAutoUpdater, type UpdateCheck, type Updater } from './updates.ts';

type UpdateElectron = Pick<typeof Electron, 'dialog'>;

/**
 * The update flow in the window: the download's progress on the window's taskbar button, then a question
 * with «Перезапустить и установить» / «Позже». `language` is read when something is said, so it follows
 * the UI language the user picks.
 */
export function updateFlow(
  electron: UpdateElectron,
  window: () => Electron.BrowserWindow,
  language: () => UiLanguage,
  beforeInstall: () => Promise<void>,
  load: () => Promise<Updater> = loadAutoUpdater,
): UpdateFlow {
  return new UpdateFlow(
    load,
    {
      progress: (p) => window().setProgressBar(p ? p.percent / 100 : -1),
      askToInstall: async (version) => {
        const l = language();
        const { response } = await electron.dialog.showMessageBox(window(), {
          type: 'info',
          title: 'Aqniet Register',
          message: label(l, 'update.ready', { version }),
          detail: label(l, 'update.laterNote'),
          buttons: [label(l, 'update.install'), label(l, 'update.later')],
          defaultId: 0,
          cancelId: 1,
        });
        return response === 0 ? 'install' : 'later';
      },
      failed: (err) => {
        logError(err, { what: 'update download' });
        void electron.dialog.showMessageBox(window(), {
          type: 'warning',
          title: 'Aqniet Register',
          message: label(language(), 'update.failed'),
        });
      },
    },
    beforeInstall,
  );
}

/** What the menu's «Проверить обновления» says for a check's outcome. */
export function updateMessage(language: UiLanguage, check: UpdateCheck): string {
  if (check.reason) logInfo('update check failed', { status: check.status, reason: check.reason });
  return label(language, `update.${check.status}`, { version: check.version ?? '' });
}
