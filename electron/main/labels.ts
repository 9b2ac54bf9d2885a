import type { UiLanguage } from '../shared/collation.ts';

/**
 * What the main process itself says — the menu, its dialogs, the update flow, start-up failures — in the
 * UI language (the window's own texts are in renderer/src/i18n). `{name}` marks a value filled in.
 */
const RU = {
  file: 'Файл',
  open: 'Открыть базу данных…',
  create: 'Создать базу данных…',
  print: 'Печать…',
  pdf: 'Сохранить как PDF…',
  quit: 'Выход',
  view: 'Вид',
  reload: 'Обновить',
  zoomIn: 'Крупнее',
  zoomOut: 'Мельче',
  help: 'Справка',
  updates: 'Проверить обновления',
  logs: 'Открыть папку журналов',
  about: 'О программе',
  'update.disabled': 'Адрес обновлений не задан (Настройки).',
  'update.invalid-url': 'Адрес обновлений неверен: нужен https.',
  'update.offline': 'Нет связи с сервером обновлений; работа продолжается.',
  'update.up-to-date': 'Установлена последняя версия.',
  'update.available': 'Найдена версия {version}; она загружается, работа продолжается.',
  'update.downloading': 'Обновление уже загружается.',
  'update.error': 'Не удалось проверить обновления.',
  'update.ready': 'Обновление {version} загружено.',
  'update.install': 'Перезапустить и установить',
  'update.later': 'Позже',
  'update.laterNote': 'Обновление будет установлено, когда вы закроете программу.',
  'update.failed': 'Не удалось загрузить обновление; работа продолжается.',
  'db.networkPath': 'База данных должна лежать на диске этого компьютера, а не в сетевой папке.',
  'start.failed': 'Программа не может открыть реестр.',
} as const;

export type LabelKey = keyof typeof RU;

const KK: Record<LabelKey, string> = {
  file: 'Файл',
  open: 'Дерекқорды ашу…',
  create: 'Дерекқор құру…',
  print: 'Басып шығару…',
  pdf: 'PDF ретінде сақтау…',
  quit: 'Шығу',
  view: 'Көрініс',
  reload: 'Жаңарту',
  zoomIn: 'Үлкейту',
  zoomOut: 'Кішірейту',
  help: 'Анықтама',
  updates: 'Жаңартуларды тексеру',
  logs: 'Журналдар қалтасын ашу',
  about: 'Бағдарлама туралы',
  'update.disabled': 'Жаңарту мекенжайы берілмеген (Баптаулар).',
  'update.invalid-url': 'Жаңарту мекенжайы қате: https қажет.',
  'update.offline': 'Жаңарту серверімен байланыс жоқ; жұмыс жалғасады.',
  'update.up-to-date': 'Соңғы нұсқа орнатылған.',
  'update.available': '{version} нұсқасы табылды; ол жүктелуде, жұмыс жалғасады.',
  'update.downloading': 'Жаңарту жүктеліп жатыр.',
  'update.error': 'Жаңартуларды тексеру мүмкін болмады.',
  'update.ready': '{version} жаңартуы жүктелді.',
  'update.install': 'Қайта іске қосып, орнату',
  'update.later': 'Кейінірек',
  'update.laterNote': 'Жаңарту бағдарламаны жапқан кезде орнатылады.',
  'update.failed': 'Жаңартуды жүктеу мүмкін болмады; жұмыс жалғасады.',
  'db.networkPath': 'Дерекқор осы компьютердің дискісінде болуы керек, желілік қалтада емес.',
  'start.failed': 'Бағдарлама тізілімді аша алмайды.',
};

const EN: Record<LabelKey, string> = {
  file: 'File',
  open: 'Open database…',
  create: 'New database…',
  print: 'Print…',
  pdf: 'Save as PDF…',
  quit: 'Quit',
  view: 'View',
  reload: 'Reload',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  help: 'Help',
  updates: 'Check for updates',
  logs: 'Open the logs folder',
  about: 'About',
  'update.disabled': 'No update URL is set (Settings).',
  'update.invalid-url': 'The update URL is not valid: https is required.',
  'update.offline': 'The update server cannot be reached; work goes on.',
  'update.up-to-date': 'This is the latest version.',
  'update.available': 'Version {version} was found; it is downloading while you work.',
  'update.downloading': 'The update is already downloading.',
  'update.error': 'Updates could not be checked.',
  'update.ready': 'The update {version} has been downloaded.',
  'update.install': 'Restart and install',
  'update.later': 'Later',
  'update.laterNote': 'The update will be installed when you close the app.',
  'update.failed': 'The update could not be downloaded; work goes on.',
  'db.networkPath': 'The database must be on a disk of this computer, not in a network folder.',
  'start.failed': 'The app cannot open the register.',
};

export const LABELS: Record<UiLanguage, Record<LabelKey, string>> = { ru: RU, kk: KK, en: EN };

export function label(language: UiLanguage, key: LabelKey, values: Record<string, string> = {}): string {
  return LABELS[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The UI language before any register is open (start-up failures): the system's, Russian by default. */
export function systemLanguage(locale: string | undefined): UiLanguage {
  const l = (locale ?? '').toLowerCase();
  return l.startsWith('kk') ? 'kk' : l.startsWith('en') ? 'en' : 'ru';
}
