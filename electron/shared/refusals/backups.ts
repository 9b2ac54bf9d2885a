import type { FieldLabel, Sentence } from './types.ts';

/** Refusals of backups, by code (see ./index.ts). */
export const BACKUPS_REFUSALS = {
  'backup.not_found': {
    ru: 'Резервной копии «{id}» нет в папке резервных копий этого реестра',
    kk: 'Осы тізілімнің сақтық көшірмелер қалтасында «{id}» көшірмесі жоқ',
    en: 'There is no backup "{id}" in this register\'s backups folder',
  },
  'backup.damaged': {
    ru: 'Резервная копия «{id}» повреждена (проверка целостности: {problem}); она не используется',
    kk: '«{id}» сақтық көшірмесі бүлінген (тұтастықты тексеру: {problem}); ол пайдаланылмайды',
    en: 'Backup "{id}" is damaged (integrity check: {problem}); it is not used',
  },
  'backup.not_a_register': {
    ru: 'Файл «{id}» — не реестр Aqniet Register',
    kk: '«{id}» файлы Aqniet Register тізілімі емес',
    en: 'File "{id}" is not an Aqniet Register register',
  },
  'backup.newer_version': {
    ru: 'Резервная копия «{id}» сделана более новой версией программы (схема {version}, эта знает {known}); обновите программу',
    kk: '«{id}» сақтық көшірмесі бағдарламаның жаңа нұсқасымен жасалған (схема {version}, бұл нұсқа {known} біледі); бағдарламаны жаңартыңыз',
    en: 'Backup "{id}" was made by a newer version of the app (schema {version}, this one knows {known}); update the app',
  },
  'backup.register_in_use': {
    ru: 'Реестр открыт в другой программе (другое окно или командная строка); закройте её и повторите восстановление',
    kk: 'Тізілім басқа бағдарламада ашық (басқа терезе немесе пәрмен жолы); оны жауып, қалпына келтіруді қайталаңыз',
    en: 'The register is open in another program (another window or the command line); close it and restore again',
  },
  'backup.no_folder': {
    ru: 'Папки {folder} нет; выберите существующую папку',
    kk: '{folder} қалтасы жоқ; бар қалтаны таңдаңыз',
    en: 'Folder {folder} does not exist; choose an existing folder',
  },
} satisfies Record<string, Sentence>;

/** Labels of the fields the register-wide journal shows for imports and restores. */
export const BACKUPS_FIELDS = {
  file: { ru: 'Файл', kk: 'Файл', en: 'File' },
  sha256: { ru: 'SHA-256', kk: 'SHA-256', en: 'SHA-256' },
  rows: { ru: 'Строк', kk: 'Жолдар', en: 'Rows' },
  created: { ru: 'Добавлено', kk: 'Қосылды', en: 'Added' },
  updated: { ru: 'Изменено', kk: 'Өзгертілді', en: 'Changed' },
  unchanged: { ru: 'Без изменений', kk: 'Өзгеріссіз', en: 'Unchanged' },
  backup: { ru: 'Резервная копия', kk: 'Сақтық көшірме', en: 'Backup' },
  savedAs: {
    ru: 'Прежний реестр сохранён как',
    kk: 'Бұрынғы тізілім сақталды',
    en: 'Previous register saved as',
  },
} satisfies Record<string, FieldLabel>;
