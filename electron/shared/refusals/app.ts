import type { FieldLabel, Sentence } from './types.ts';

/**
 * Refusals of the app's doors (the window's IPC, the web preview, the core's host process) rather than of a
 * domain: an unexpected error, a request the window may not make, the core not answering.
 */
export const APP_REFUSALS = {
  internal: {
    ru: 'Произошла внутренняя ошибка; подробности записаны в журнал под номером {logId}',
    kk: 'Ішкі қате орын алды; толығырақ журналға {logId} нөмірімен жазылды',
    en: 'An internal error occurred; the details were written to the log as {logId}',
  },
  'ipc.untrusted_sender': {
    ru: 'Запрос пришёл не со страницы программы',
    kk: 'Сұрау бағдарлама бетінен келмеді',
    en: 'The request did not come from a page of the app',
  },
  'ipc.not_for_window': {
    ru: 'Операция «{op}» недоступна из окна программы',
    kk: '«{op}» операциясы бағдарлама терезесінен қолжетімсіз',
    en: 'The operation "{op}" is not available from the window',
  },
  'ipc.path_from_window': {
    ru: '{field}: окно не передаёт пути к файлам; файл выбирается в диалоге',
    kk: '{field}: терезе файл жолдарын бермейді; файл диалогта таңдалады',
    en: '{field}: the window does not pass file paths; files are chosen in a dialog',
  },
  'input.unknown_operation': {
    ru: 'Неизвестная операция «{op}»',
    kk: 'Белгісіз операция: «{op}»',
    en: 'Unknown operation "{op}"',
  },
  'host.stopped': {
    ru: 'Реестр закрыт (программа завершает работу или открывает другую базу); повторите действие',
    kk: 'Тізілім жабық (бағдарлама жұмысын аяқтап жатыр немесе басқа дерекқорды ашып жатыр); әрекетті қайталаңыз',
    en: 'The register is closed (the app is quitting or opening another database); try again',
  },
  'host.crashed': {
    ru: 'Процесс реестра неожиданно завершился и перезапущен; подробности записаны в журнал под номером {logId}. Повторите действие',
    kk: 'Тізілім процесі күтпеген жерден тоқтап, қайта іске қосылды; толығырақ журналға {logId} нөмірімен жазылды. Әрекетті қайталаңыз',
    en: 'The register process stopped unexpectedly and was restarted; the details were written to the log as {logId}. Try again',
  },
  'dialog.unavailable': {
    ru: 'Выбор файла доступен только в программе, не в веб-просмотре',
    kk: 'Файлды таңдау веб-қарауда емес, тек бағдарламада қолжетімді',
    en: 'Choosing a file is only available in the app, not in the web preview',
  },
} satisfies Record<string, Sentence>;

/** Labels of the app's own fields, by the contract's field name. */
export const APP_FIELDS = {
  file: { ru: 'Файл', kk: 'Файл', en: 'File' },
  files: { ru: 'Файлы', kk: 'Файлдар', en: 'Files' },
  out: { ru: 'Куда сохранить', kk: 'Қайда сақтау', en: 'Save to' },
  backupsDir: { ru: 'Папка резервных копий', kk: 'Сақтық көшірмелер қалтасы', en: 'Backups folder' },
} satisfies Record<string, FieldLabel>;
