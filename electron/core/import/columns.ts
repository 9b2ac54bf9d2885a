import { refuse } from '../errors.ts';
import type { Cell, RawTable } from './read-table.ts';

export type ImportKind = 'orgs' | 'members' | 'dues' | 'appeals';

interface ColumnSpec {
  required: boolean;
  /** Russian (and Kazakh) header labels, compared after `normalizeHeader`. */
  labels: string[];
  /** What a person reads in an error message. */
  ru: string;
}

/** The columns of each import, keyed by the English key that is also accepted as a header. */
export const COLUMNS: Record<ImportKind, Record<string, ColumnSpec>> = {
  orgs: {
    code: { required: true, labels: ['код', 'код ппо'], ru: 'Код' },
    name: {
      required: true,
      labels: ['наименование', 'полное наименование', 'наименование ппо', 'атауы'],
      ru: 'Наименование',
    },
    short_name: {
      required: false,
      labels: ['краткое наименование', 'сокращенное наименование', 'қысқаша атауы'],
      ru: 'Краткое наименование',
    },
    bin: { required: false, labels: ['бин', 'бин работодателя', 'бсн'], ru: 'БИН' },
    sector: { required: false, labels: ['отрасль', 'сфера', 'сектор', 'сала'], ru: 'Отрасль' },
    headcount: {
      required: false,
      labels: ['численность работающих', 'численность работников', 'численность', 'қызметкерлер саны'],
      ru: 'Численность работающих',
    },
    chair: { required: false, labels: ['председатель', 'председатель ппо', 'төраға'], ru: 'Председатель' },
    phone: { required: false, labels: ['телефон'], ru: 'Телефон' },
    address: { required: false, labels: ['адрес', 'мекенжай'], ru: 'Адрес' },
  },
  members: {
    org_code: { required: true, labels: ['код ппо', 'ппо', 'бкұ коды'], ru: 'Код ППО' },
    surname: { required: true, labels: ['фамилия', 'тегі'], ru: 'Фамилия' },
    given_name: { required: true, labels: ['имя', 'аты'], ru: 'Имя' },
    patronymic: { required: false, labels: ['отчество', 'әкесінің аты'], ru: 'Отчество' },
    iin: { required: true, labels: ['иин', 'жсн'], ru: 'ИИН' },
    position: { required: false, labels: ['должность', 'лауазымы'], ru: 'Должность' },
    category: { required: true, labels: ['категория', 'категория персонала', 'санаты'], ru: 'Категория' },
    card_no: {
      required: false,
      labels: ['№ билета', 'номер билета', '№ членского билета', 'номер членского билета', 'билет №'],
      ru: '№ билета',
    },
    joined_on: {
      required: true,
      labels: ['дата вступления', 'дата приема', 'кірген күні'],
      ru: 'Дата вступления',
    },
    phone: { required: false, labels: ['телефон'], ru: 'Телефон' },
  },
  dues: {
    org_code: { required: true, labels: ['код ппо', 'ппо'], ru: 'Код ППО' },
    month: { required: true, labels: ['месяц', 'период', 'ай'], ru: 'Месяц' },
    members: {
      required: false,
      labels: ['количество членов', 'численность членов', 'членов', 'кол-во членов'],
      ru: 'Количество членов',
    },
    payroll: { required: false, labels: ['фонд оплаты труда', 'фот', 'фот членов'], ru: 'ФОТ' },
    received: {
      required: true,
      labels: ['поступило', 'сумма', 'сумма поступления', 'перечислено'],
      ru: 'Поступило',
    },
    received_on: { required: false, labels: ['дата поступления', 'дата'], ru: 'Дата поступления' },
    doc_no: {
      required: false,
      labels: ['№ документа', 'номер документа', '№ платежного поручения', '№ п/п документа'],
      ru: '№ документа',
    },
  },
  appeals: {
    reg_no: {
      required: true,
      labels: ['рег №', 'регистрационный номер', '№ регистрации', 'рег номер'],
      ru: 'Рег. №',
    },
    received_on: { required: true, labels: ['дата поступления', 'дата обращения'], ru: 'Дата поступления' },
    channel: {
      required: true,
      labels: ['форма обращения', 'канал', 'способ обращения'],
      ru: 'Форма обращения',
    },
    applicant: { required: true, labels: ['заявитель', 'фио заявителя'], ru: 'Заявитель' },
    member_iin: { required: false, labels: ['иин члена профсоюза', 'иин'], ru: 'ИИН члена профсоюза' },
    org_code: { required: false, labels: ['код ппо', 'ппо'], ru: 'Код ППО' },
    category: { required: true, labels: ['категория', 'перечень вопросов', 'вопрос'], ru: 'Категория' },
    summary: { required: false, labels: ['краткое содержание', 'содержание'], ru: 'Краткое содержание' },
    status: { required: true, labels: ['статус', 'состояние'], ru: 'Статус' },
    on_control: {
      required: false,
      labels: ['на контроле', 'взято на контроль', 'контроль'],
      ru: 'На контроле',
    },
    closed_on: { required: false, labels: ['дата закрытия'], ru: 'Дата закрытия' },
    economic_effect: {
      required: false,
      labels: ['экономический эффект', 'экономический эффект тг', 'экономический эффект в тг'],
      ru: 'Экономический эффект',
    },
    legal_kind: { required: false, labels: ['вид дела', 'вид правового дела'], ru: 'Вид дела' },
    legal_sum: {
      required: false,
      labels: ['выделенная сумма', 'сумма на адвоката', 'сумма медадвокат'],
      ru: 'Выделенная сумма',
    },
  },
};

export function normalizeHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[.,:;()"«»]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface MappedRow {
  row: number;
  values: Record<string, Cell>;
}

export interface MappedTable {
  headerRow: number;
  columns: string[];
  ignored: string[];
  rows: MappedRow[];
}

function keyFor(kind: ImportKind, header: string): string | null {
  const norm = normalizeHeader(header);
  for (const [key, spec] of Object.entries(COLUMNS[kind])) {
    if (norm === key || spec.labels.includes(norm)) return key;
  }
  return null;
}

/**
 * Finds the header row (journals often have a title and an empty row above it) and maps each data row's
 * cells to column keys. Columns the import does not know (a running number, notes) are ignored and listed.
 */
export function mapColumns(kind: ImportKind, table: RawTable): MappedTable {
  const isBlank = (c: Cell) => c === null || (typeof c === 'string' && c.trim() === '');
  const candidates = table.rows.slice(0, 20);
  const header = candidates.find(
    (r) => r.cells.filter((c) => typeof c === 'string' && keyFor(kind, c)).length >= 2,
  );
  if (!header) {
    const required = Object.values(COLUMNS[kind]).filter((s) => s.required);
    refuse('import.no_header', { columns: required.map((s) => s.ru).join(', ') });
  }
  const keys = header.cells.map((c) => (typeof c === 'string' ? keyFor(kind, c) : null));
  const seen = new Set<string>();
  keys.forEach((k, i) => {
    if (!k) return;
    if (seen.has(k)) keys[i] = null; // the first of two same-named columns wins (e.g. two "ИИН" columns)
    seen.add(k);
  });
  const missing = Object.entries(COLUMNS[kind]).filter(([k, s]) => s.required && !seen.has(k));
  if (missing.length > 0)
    refuse('import.missing_columns', { row: header.row, columns: missing.map(([, s]) => s.ru).join(', ') });
  const rows = table.rows
    .filter((r) => r.row > header.row && !r.cells.every(isBlank))
    .map((r) => {
      const values: Record<string, Cell> = {};
      keys.forEach((k, i) => {
        if (k) values[k] = r.cells[i] ?? null;
      });
      return { row: r.row, values };
    });
  return {
    headerRow: header.row,
    columns: keys.filter((k): k is string => k !== null),
    ignored: header.cells.filter((c, i) => !keys[i] && typeof c === 'string' && c.trim() !== '').map(String),
    rows,
  };
}
