import type { FieldLabel, Sentence } from './types.ts';

/** Refusals of backups and the history of changes, by code (see ./index.ts). */
export const BACKUPS_REFUSALS = {
  'history.unknown_kind': {
    ru: 'Неизвестный вид записи «{kind}»: член профсоюза, ППО, поступление или обращение',
    kk: '«{kind}» — белгісіз жазба түрі: кәсіподақ мүшесі, БКҰ, түсім немесе өтініш',
    en: 'Unknown kind of record "{kind}": member, org, remittance or appeal',
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
