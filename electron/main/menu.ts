import type * as Electron from 'electron';
import fs from 'node:fs';
import type { UiLanguage } from '../shared/collation.ts';
import { isNetworkPath } from '../core/db/open.ts';
import { writeConfig } from './config.ts';

/** The application menu in the UI language. Screens are reached through the page's hash routes. */
const LABELS: Record<UiLanguage, Record<string, string>> = {
  ru: {
    open: 'Открыть базу данных…',
    create: 'Создать базу данных…',
    pdf: 'Сохранить как PDF…',
    file: 'Файл',
    print: 'Печать…',
    quit: 'Выход',
    view: 'Вид',
    reload: 'Обновить',
    zoomIn: 'Крупнее',
    zoomOut: 'Мельче',
    help: 'Справка',
    about: 'О программе',
    updates: 'Проверить обновления',
    'update.disabled': 'Адрес обновлений не задан (Настройки).',
    'update.invalid-url': 'Адрес обновлений неверен: нужен https.',
    'update.offline': 'Нет связи с сервером обновлений; работа продолжается.',
    'update.up-to-date': 'Установлена последняя версия.',
    'update.available': 'Доступна новая версия; она будет установлена при следующем запуске.',
    'update.error': 'Не удалось проверить обновления.',
  },
  kk: {
    open: 'Дерекқорды ашу…',
    create: 'Дерекқор құру…',
    pdf: 'PDF ретінде сақтау…',
    file: 'Файл',
    print: 'Басып шығару…',
    quit: 'Шығу',
    view: 'Көрініс',
    reload: 'Жаңарту',
    zoomIn: 'Үлкейту',
    zoomOut: 'Кішірейту',
    help: 'Анықтама',
    about: 'Бағдарлама туралы',
    updates: 'Жаңартуларды тексеру',
    'update.disabled': 'Жаңарту мекенжайы берілмеген (Баптаулар).',
    'update.invalid-url': 'Жаңарту мекенжайы қате: https қажет.',
    'update.offline': 'Жаңарту серверімен байланыс жоқ; жұмыс жалғасады.',
    'update.up-to-date': 'Соңғы нұсқа орнатылған.',
    'update.available': 'Жаңа нұсқа бар; ол келесі іске қосқанда орнатылады.',
    'update.error': 'Жаңартуларды тексеру мүмкін болмады.',
  },
  en: {
    open: 'Open database…',
    create: 'New database…',
    pdf: 'Save as PDF…',
    file: 'File',
    print: 'Print…',
    quit: 'Quit',
    view: 'View',
    reload: 'Reload',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    help: 'Help',
    about: 'About',
    updates: 'Check for updates',
    'update.disabled': 'No update URL is set (Settings).',
    'update.invalid-url': 'The update URL is not valid: https is required.',
    'update.offline': 'The update server cannot be reached; work goes on.',
    'update.up-to-date': 'This is the latest version.',
    'update.available': 'A new version is available; it installs at the next start.',
    'update.error': 'Updates could not be checked.',
  },
};

type MenuElectron = Pick<typeof Electron, 'Menu' | 'app' | 'dialog'>;

/** Another register file (a second branch, headquarters): remembered in config.json, then a restart. */
async function chooseDatabase(
  electron: MenuElectron,
  window: Electron.BrowserWindow,
  mode: 'open' | 'create',
) {
  const filters = [{ name: 'Aqniet Register', extensions: ['sqlite'] }];
  const file =
    mode === 'open'
      ? (await electron.dialog.showOpenDialog(window, { filters, properties: ['openFile'] })).filePaths[0]
      : (await electron.dialog.showSaveDialog(window, { filters, defaultPath: 'register.sqlite' })).filePath;
  if (!file) return;
  if (isNetworkPath(file)) {
    electron.dialog.showErrorBox(
      'Aqniet Register',
      'База данных должна лежать на диске этого компьютера, а не в сетевой папке.',
    );
    return;
  }
  writeConfig(electron.app.getPath('userData'), { databaseFile: file });
  electron.app.relaunch();
  electron.app.exit(0);
}

async function saveAsPdf(electron: MenuElectron, window: Electron.BrowserWindow) {
  const { filePath } = await electron.dialog.showSaveDialog(window, {
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (!filePath) return;
  fs.writeFileSync(filePath, await window.webContents.printToPDF(PDF_OPTIONS));
}

/** The page's own @page rules (A4, margins, "page N of M" in the margin) decide the layout. */
export const PDF_OPTIONS = { pageSize: 'A4', printBackground: true, preferCSSPageSize: true } as const;

export function buildMenu(
  electron: MenuElectron,
  window: Electron.BrowserWindow,
  language: UiLanguage,
  checkUpdates: () => Promise<string> = async () => 'disabled',
): Electron.Menu {
  const l = LABELS[language];
  return electron.Menu.buildFromTemplate([
    {
      label: l.file,
      submenu: [
        { label: l.open, click: () => void chooseDatabase(electron, window, 'open') },
        { label: l.create, click: () => void chooseDatabase(electron, window, 'create') },
        { type: 'separator' },
        {
          label: l.print,
          accelerator: 'CmdOrCtrl+P',
          click: () => window.webContents.print({ silent: false }),
        },
        { label: l.pdf, click: () => void saveAsPdf(electron, window) },
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
          label: l.updates,
          click: () =>
            void checkUpdates().then((status) =>
              electron.dialog.showMessageBox(window, {
                title: 'Aqniet Register',
                message: l[`update.${status}`] ?? status,
              }),
            ),
        },
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
