import type * as Electron from 'electron';
import type { UiLanguage } from '../shared/collation.ts';

/** The application menu in the UI language. Screens are reached through the page's hash routes. */
const LABELS: Record<UiLanguage, Record<string, string>> = {
  ru: {
    file: 'Файл',
    print: 'Печать…',
    quit: 'Выход',
    view: 'Вид',
    reload: 'Обновить',
    zoomIn: 'Крупнее',
    zoomOut: 'Мельче',
    help: 'Справка',
    about: 'О программе',
  },
  kk: {
    file: 'Файл',
    print: 'Басып шығару…',
    quit: 'Шығу',
    view: 'Көрініс',
    reload: 'Жаңарту',
    zoomIn: 'Үлкейту',
    zoomOut: 'Кішірейту',
    help: 'Анықтама',
    about: 'Бағдарлама туралы',
  },
  en: {
    file: 'File',
    print: 'Print…',
    quit: 'Quit',
    view: 'View',
    reload: 'Reload',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    help: 'Help',
    about: 'About',
  },
};

export function buildMenu(
  electron: Pick<typeof Electron, 'Menu' | 'app' | 'dialog'>,
  window: Electron.BrowserWindow,
  language: UiLanguage,
): Electron.Menu {
  const l = LABELS[language];
  return electron.Menu.buildFromTemplate([
    {
      label: l.file,
      submenu: [
        {
          label: l.print,
          accelerator: 'CmdOrCtrl+P',
          click: () => window.webContents.print({ silent: false }),
        },
        { type: 'separator' },
        { label: l.quit, role: 'quit' },
      ],
    },
    {
      label: l.view,
      submenu: [
        { label: l.reload, role: 'reload' },
        { label: l.zoomIn, role: 'zoomIn' },
        { label: l.zoomOut, role: 'zoomOut' },
      ],
    },
    {
      label: l.help,
      submenu: [
        {
          label: l.about,
          click: () =>
            void electron.dialog.showMessageBox(window, {
              title: 'Aqniet Register',
              message: `Aqniet Register ${electron.app.getVersion()}`,
            }),
        },
      ],
    },
  ]);
}
