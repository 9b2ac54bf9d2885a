/**
 * Electron's entry point (out/main/main.js). Everything it does is in app.ts, which receives the real
 * `electron` module here and a stub in the smoke test.
 */
import path from 'node:path';
import * as electron from 'electron';
import { registerSchemes, startApp, startLanguage } from './app.ts';
import { label } from './labels.ts';
import { startupFailure } from './startup.ts';

const { app, dialog } = electron;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerSchemes(electron);
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(async () => {
      const here = import.meta.dirname;
      const running = await startApp(electron, {
        rendererDir: path.join(here, '../renderer'),
        preload: path.join(here, 'preload.cjs'),
        core: path.join(here, 'core.js'),
      });
      app.on('second-instance', () => {
        if (running.window.isMinimized()) running.window.restore();
        running.window.focus();
      });
    })
    .catch((err: unknown) => {
      // the whole start, not only whenReady: a register that cannot be opened ends here, said in words
      const language = startLanguage(electron);
      dialog.showErrorBox(label(language, 'start.failed'), startupFailure(err, language));
      app.exit(1);
    });
}
