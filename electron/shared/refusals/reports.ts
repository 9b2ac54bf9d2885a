import type { FieldLabel, Sentence } from './types.ts';

/** Refusals of the reports domain, by code (see ./index.ts): periods and the scope of a report. */
export const REPORTS_REFUSALS = {
  'period.missing': {
    ru: 'Укажите период отчёта: год (и квартал) или даты «с» и «по»',
    kk: 'Есеп кезеңін көрсетіңіз: жыл (және тоқсан) немесе «бастап» және «дейін» күндері',
    en: "Give the report's period: a year (and quarter), or the dates from and to",
  },
  'period.both': {
    ru: 'Укажите или год (и квартал), или даты «с» и «по» — не всё вместе',
    kk: 'Не жылды (және тоқсанды), не «бастап» және «дейін» күндерін көрсетіңіз — бәрін бірге емес',
    en: 'Give either a year (and quarter) or the dates from and to, not both',
  },
  'period.incomplete': {
    ru: 'Для периода нужны обе даты: «с» и «по»',
    kk: 'Кезең үшін екі күн де керек: «бастап» және «дейін»',
    en: 'A range needs both dates, from and to',
  },
  'period.reversed': {
    ru: 'Период с {from} по {to}: дата «по» раньше даты «с»',
    kk: '{from} бастап {to} дейінгі кезең: «дейін» күні «бастап» күнінен ерте',
    en: 'The range {from} to {to} ends before it begins',
  },
  'period.too_long': {
    ru: 'Период длиннее {years} лет — проверьте даты',
    kk: 'Кезең {years} жылдан ұзақ — күндерді тексеріңіз',
    en: 'The range is longer than {years} years: check the dates',
  },
  'report.branch_scope': {
    ru: 'В этой базе только филиал {own}; отчёт по филиалу {branch} строится в базе ЦС',
    kk: 'Бұл базада тек {own} филиалы бар; {branch} филиалы бойынша есеп Орталық кеңестің базасында жасалады',
    en: 'This register holds only branch {own}; a report for branch {branch} is made at headquarters',
  },
  'report.unknown_branch': {
    ru: 'Филиал {branch} в ЦС не известен: нет ни его ключа, ни принятых пакетов',
    kk: '{branch} филиалы Орталық кеңеске белгісіз: оның кілті де, қабылданған пакеттері де жоқ',
    en: 'Headquarters does not know branch {branch}: neither its key nor any package of it',
  },
  'report.branch_required': {
    ru: 'Укажите филиал: в ЦС у каждого филиала свои коды ППО (например, KRG/P001)',
    kk: 'Филиалды көрсетіңіз: Орталық кеңесте әр филиалдың өз БКҰ кодтары бар (мысалы, KRG/P001)',
    en: 'Name the branch: at headquarters each branch has its own PPO codes (e.g. KRG/P001)',
  },
  'report.hq_only': {
    ru: 'Этот отчёт строится в базе Центрального совета по пакетам филиалов',
    kk: 'Бұл есеп Орталық кеңестің базасында филиалдардың пакеттері бойынша жасалады',
    en: "This report is made at headquarters, from the branches' packages",
  },
} satisfies Record<string, Sentence>;

/** Labels of the reports domain's fields, by the contract's field name. */
export const REPORTS_FIELDS = {
  from: { ru: 'Дата «с»', kk: '«Бастап» күні', en: 'From' },
  to: { ru: 'Дата «по»', kk: '«Дейін» күні', en: 'To' },
} satisfies Record<string, FieldLabel>;
