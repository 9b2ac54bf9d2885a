/**
 * Electron's entry point (out/main/main.js). Everything it does is in app.ts, which receives the real
 * `electron` module here and a stub in the smoke test.
 */
import path from 'node:path';
import * as electron from 'electron';
import { registerSchemes, startApp } from './app.ts';

const { app, dialog } = electron;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerSchemes(electron);
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(
    async () => {
      const here = import.meta.dirname;
      const running = await startApp(electron, {
        rendererDir: path.join(here, '../renderer'),
        preload: path.join(here, 'preload.cjs'),
      });
      app.on('second-instance', () => {
        if (running.window.isMinimized()) running.window.restore();
        running.window.focus();
      });
    },
    (err: unknown) => {
      dialog.showErrorBox('Aqniet Register', err instanceof Error ? err.message : String(err));
      app.quit();
    },
  );
}
