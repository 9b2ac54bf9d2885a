import type { FieldLabel, Sentence } from './types.ts';

/** Refusals of the imports domain, by code (see ./index.ts). */
export const IMPORTS_REFUSALS = {
  'import.invalid_rows': {
    ru: '{file}: ошибок — {problems} (строк с ошибками — {rows}); ничего не импортировано',
    kk: '{file}: қателер — {problems} (қатесі бар жолдар — {rows}); ештеңе жүктелмеді',
    en: '{file}: {problems} problem(s) in {rows} row(s); nothing was imported',
  },
  'import.problems_capped': {
    ru: 'показаны первые {shown} ошибок из {problems}',
    kk: '{problems} қатенің алғашқы {shown} қатесі көрсетілді',
    en: 'the first {shown} of {problems} problems are shown',
  },
  'import.conflicts': {
    ru: '{file}: записей, которые уже есть в реестре с другими данными, — {count}; ничего не изменено. Проверьте список; чтобы записать поверх них данные файла, повторите импорт с --update (в окне — «Обновить существующие записи»)',
    kk: '{file}: тізілімде басқа деректермен бұрыннан бар жазбалар — {count}; ештеңе өзгертілмеді. Тізімді тексеріңіз; олардың орнына файл деректерін жазу үшін импортты --update арқылы қайталаңыз (терезеде — «Бар жазбаларды жаңарту»)',
    en: '{file}: {count} record(s) already in the register differ from the file; nothing was changed. Check the list; to write the file over them, import again with --update (in the window: "Update existing records")',
  },
  'import.conflict_field': {
    ru: '{key}: в реестре «{stored}», в файле «{incoming}»',
    kk: '{key}: тізілімде «{stored}», файлда «{incoming}»',
    en: '{key}: the register has "{stored}", the file "{incoming}"',
  },
  'import.repeated_key': {
    ru: '{field}: {value} уже встречается в строке {firstRow}',
    kk: '{field}: {value} {firstRow}-жолда бұрыннан бар',
    en: '{field}: {value} repeats row {firstRow}',
  },
  'import.not_in_list': {
    ru: '{field}: «{value}» — недопустимое значение (допустимо: {allowed})',
    kk: '{field}: «{value}» — рұқсат етілмеген мән (рұқсат етілгені: {allowed})',
    en: '{field}: "{value}" is not one of the allowed values ({allowed})',
  },
  'import.not_yes_no': {
    ru: '{field}: «{value}» — ожидается «да» или «нет»',
    kk: '{field}: «{value}» — «иә» немесе «жоқ» күтіледі',
    en: '{field}: "{value}" — expected yes or no',
  },
  'import.file_not_found': {
    ru: 'Файл {file} не найден',
    kk: '{file} файлы табылмады',
    en: 'file {file} does not exist',
  },
  'import.not_a_file': {
    ru: '{file} — это папка, а не файл; выберите файл .csv или .xlsx',
    kk: '{file} — бұл файл емес, қалта; .csv немесе .xlsx файлын таңдаңыз',
    en: '{file} is a folder, not a file; choose a .csv or .xlsx file',
  },
  'import.empty_file': {
    ru: 'Файл {file} пуст',
    kk: '{file} файлы бос',
    en: 'file {file} is empty',
  },
  'import.too_large': {
    ru: 'Файл {file} слишком большой ({size} МБ); импортировать можно файлы до {limit} МБ — разделите его на части',
    kk: '{file} файлы тым үлкен ({size} МБ); {limit} МБ-қа дейінгі файлдарды жүктеуге болады — оны бөліктерге бөліңіз',
    en: 'file {file} is too large ({size} MB); files up to {limit} MB can be imported — split it',
  },
  'import.too_many_rows': {
    ru: 'В файле {file} больше {limit} строк; разделите его на части',
    kk: '{file} файлында {limit} жолдан көп; оны бөліктерге бөліңіз',
    en: 'file {file} has more than {limit} rows; split it',
  },
  'import.stray_byte': {
    ru: 'Строка {line}: байт 0x{byte} — не текст UTF-8, хотя остальной файл в UTF-8; ничего не импортировано — исправьте эту строку или сохраните файл заново в UTF-8',
    kk: '{line}-жол: 0x{byte} байты UTF-8 мәтіні емес, ал файлдың қалғаны UTF-8 кодтауында; ештеңе жүктелмеді — осы жолды түзетіңіз немесе файлды UTF-8 кодтауында қайта сақтаңыз',
    en: 'line {line}: byte 0x{byte} is not UTF-8 text although the rest of the file is UTF-8; nothing was imported — fix that line or save the file again as UTF-8',
  },
  'import.unknown_encoding': {
    ru: 'Файл {file} не в UTF-8 и не похож на русский текст в Windows-1251; сохраните его в UTF-8 (в Excel: «CSV UTF-8»)',
    kk: '{file} файлы UTF-8 кодтауында емес және Windows-1251 кодтауындағы орысша мәтінге ұқсамайды; оны UTF-8 кодтауында сақтаңыз (Excel-де: «CSV UTF-8»)',
    en: 'file {file} is not UTF-8 and does not read as Russian text in Windows-1251; save it as UTF-8 (in Excel: "CSV UTF-8")',
  },
  'import.utf16_no_bom': {
    ru: 'Файл {file} похож на текст UTF-16 без метки порядка байтов (BOM); сохраните его в UTF-8 или в UTF-16 с BOM',
    kk: '{file} файлы байт тәртібі белгісі (BOM) жоқ UTF-16 мәтініне ұқсайды; оны UTF-8 немесе BOM бар UTF-16 кодтауында сақтаңыз',
    en: 'file {file} looks like UTF-16 text without a byte order mark (BOM); save it as UTF-8 or as UTF-16 with a BOM',
  },
  'import.bad_csv': {
    ru: 'CSV-файл {file} не удаётся прочитать около строки {line}: проверьте кавычки и разделители',
    kk: '{file} CSV файлын {line}-жол маңында оқу мүмкін емес: тырнақшалар мен бөлгіштерді тексеріңіз',
    en: 'the CSV file {file} cannot be read near line {line}: check its quotes and separators',
  },
  'import.bad_xlsx': {
    ru: 'Файл {file} не является читаемой книгой Excel (XLSX)',
    kk: '{file} файлы оқылатын Excel (XLSX) кітабы емес',
    en: 'file {file} is not a readable XLSX workbook',
  },
  'import.no_visible_sheet': {
    ru: 'В книге {file} нет видимых листов',
    kk: '{file} кітабында көрінетін парақ жоқ',
    en: 'the workbook {file} has no visible sheet',
  },
  'import.no_header': {
    ru: 'В первых 20 строках не найдена строка заголовков с нужными столбцами ({columns})',
    kk: 'Алғашқы 20 жолда қажетті бағандары ({columns}) бар тақырып жолы табылмады',
    en: 'no header row with the columns ({columns}) was found in the first 20 rows',
  },
  'import.missing_columns': {
    ru: 'В строке заголовков (строка {row}) нет столбцов: {columns}',
    kk: 'Тақырып жолында ({row}-жол) мына бағандар жоқ: {columns}',
    en: 'the header row (row {row}) lacks the columns: {columns}',
  },
  'import.unknown_format': {
    ru: '{file}: импортировать можно только файлы .csv и .xlsx',
    kk: '{file}: тек .csv және .xlsx файлдарын жүктеуге болады',
    en: '{file}: only .csv and .xlsx files can be imported',
  },
} satisfies Record<string, Sentence>;

/** Labels of the imports domain's fields, by the contract's field name. */
export const IMPORTS_FIELDS = {} satisfies Record<string, FieldLabel>;
