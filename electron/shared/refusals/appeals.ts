import type { FieldLabel, Sentence } from './types.ts';

/** Refusals of the appeals domain, by code (see ./index.ts). */
export const APPEALS_REFUSALS = {
  'appeal.not_found': {
    ru: 'Обращение № {regNo} за {year} год не найдено',
    kk: '{year} жылғы № {regNo} өтініш табылмады',
    en: 'No appeal {regNo} of {year}',
  },
  // corrections
  'appeal.closed_edit': {
    ru: 'Обращение № {regNo} закрыто; чтобы изменить его, откройте его заново с указанием причины',
    kk: '№ {regNo} өтініш жабық; оны өзгерту үшін себебін көрсетіп қайта ашыңыз',
    en: 'Appeal {regNo} is closed; reopen it (with a reason) to change it',
  },
  'appeal.not_closed': {
    ru: 'Обращение № {regNo} не закрыто',
    kk: '№ {regNo} өтініш жабылмаған',
    en: 'Appeal {regNo} is not closed',
  },
  'appeal.number_removed': {
    ru: 'Номер {regNo} за {year} год был у обращения, удалённого как ошибочное; номера не используются повторно',
    kk: '{year} жылғы {regNo} нөмірі қате деп алып тасталған өтініште болған; нөмірлер қайта берілмейді',
    en: 'Number {regNo} of {year} belonged to an appeal removed as a mistake; numbers are not reused',
  },
  'appeal.closed_before_received': {
    ru: 'Дата закрытия {closedOn} раньше даты поступления обращения ({receivedOn})',
    kk: 'Жабылған күні ({closedOn}) өтініш түскен күннен ({receivedOn}) бұрын',
    en: 'closing date {closedOn} is before the date the appeal was received ({receivedOn})',
  },
  'appeal.closed_without_date': {
    ru: 'Для закрытого обращения нужна дата закрытия',
    kk: 'Жабылған өтініш үшін жабылған күні қажет',
    en: 'a closed appeal needs its closing date',
  },
  'appeal.duplicate_reg_no': {
    ru: 'Обращение № {regNo} за {year} год уже зарегистрировано',
    kk: '{year} жылғы № {regNo} өтініш бұрыннан тіркелген',
    en: 'appeal {regNo} of {year} already exists',
  },
  'appeal.member_not_found': {
    ru: 'Нет члена профсоюза с ИИН {iin}',
    kk: 'ЖСН {iin} бар кәсіподақ мүшесі жоқ',
    en: 'no member with IIN {iin}',
  },
  'appeal.year_change': {
    ru: 'Дата поступления не может перенести обращение в другой год',
    kk: 'Түскен күні өтінішті басқа жылға ауыстыра алмайды',
    en: 'the received date cannot move an appeal to another year',
  },
} satisfies Record<string, Sentence>;

/** Labels of the appeals domain's fields, by the contract's field name. */
export const APPEALS_FIELDS = {
  receivedOn: { ru: 'Дата поступления', kk: 'Түскен күні', en: 'Date received' },
  dueOn: { ru: 'Срок рассмотрения', kk: 'Қарау мерзімі', en: 'Due date' },
  // the appeal as the history of changes names its fields
  regNo: { ru: 'Рег. №', kk: 'Тіркеу №', en: 'Reg. no.' },
  year: { ru: 'Год', kk: 'Жыл', en: 'Year' },
  channel: { ru: 'Канал', kk: 'Арна', en: 'Channel' },
  applicant: { ru: 'Заявитель', kk: 'Өтініш беруші', en: 'Applicant' },
  applicantKind: { ru: 'Вид обращения', kk: 'Өтініш түрі', en: 'Kind of appeal' },
  signatories: { ru: 'Подписавших', kk: 'Қол қойғандар', en: 'Signatories' },
  memberIin: { ru: 'ИИН члена профсоюза', kk: 'Мүшенің ЖСН', en: "Member's IIN" },
  summary: { ru: 'Содержание', kk: 'Мазмұны', en: 'Summary' },
  assignee: { ru: 'Исполнитель', kk: 'Орындаушы', en: 'Assignee' },
  onControl: { ru: 'На контроле', kk: 'Бақылауда', en: 'On control' },
  outcome: { ru: 'Результат', kk: 'Нәтижесі', en: 'Outcome' },
  economicEffect: { ru: 'Экономический эффект', kk: 'Экономикалық тиімділік', en: 'Economic effect' },
  legalKind: { ru: 'Вид дела', kk: 'Іс түрі', en: 'Kind of case' },
  legalSum: { ru: 'Сумма на юристов', kk: 'Заңгерлерге бөлінген сома', en: 'Sum for lawyers' },
} satisfies Record<string, FieldLabel>;
