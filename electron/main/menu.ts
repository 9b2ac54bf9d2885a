import type * as Electron from 'electron';
import type { UiLanguage } from '../shared/collation.ts';
import { label } from './labels.ts';

/** What the menu's items do; app.ts implements them (a test calls them through the built menu). */
export interface MenuActions {
  openDatabase(): void;
  createDatabase(): void;
  print(): void;
  saveAsPdf(): void;
  checkUpdates(): void;
  openLogs(): void;
  about(): void;
}

/** The page's own @page rules (A4, margins, "page N of M" in the margin) decide the layout. */
export const PDF_OPTIONS = { pageSize: 'A4', printBackground: true, preferCSSPageSize: true } as const;

/** The application menu in the UI language. Screens are reached through the page's hash routes. */
export function buildMenu(
  electron: Pick<typeof Electron, 'Menu'>,
  language: UiLanguage,
  actions: MenuActions,
): Electron.Menu {
  const l = (key: Parameters<typeof label>[1]) => label(language, key);
  return electron.Menu.buildFromTemplate([
    {
      label: l('file'),
      submenu: [
        { label: l('open'), click: () => actions.openDatabase() },
        { label: l('create'), click: () => actions.createDatabase() },
        { type: 'separator' },
        { label: l('print'), accelerator: 'CmdOrCtrl+P', click: () => actions.print() },
        { label: l('pdf'), click: () => actions.saveAsPdf() },
        { type: 'separator' },
        { label: l('quit'), role: 'quit' },
      ],
    },
    {
      label: l('view'),
      submenu: [
        { label: l('reload'), role: 'reload' },
        { label: l('zoomIn'), role: 'zoomIn' },
        { label: l('zoomOut'), role: 'zoomOut' },
      ],
    },
    {
      label: l('help'),
      submenu: [
        { label: l('updates'), click: () => actions.checkUpdates() },
        { label: l('logs'), click: () => actions.openLogs() },
        { type: 'separator' },
        { label: l('about'), click: () => actions.about() },
      ],
    },
  ]);
}
