import type { FieldLabel, Sentence } from './types.ts';

/** Refusals of the dues domain, by code (see ./index.ts). */
export const DUES_REFUSALS = {
  'dues.not_found': {
    ru: 'Поступление {id} не найдено',
    kk: '{id} түсімі табылмады',
    en: 'No remittance {id}',
  },
  // {quarter} comes first: the window words it whole («IV квартал 2026», «2026 жылғы IV тоқсан»).
  'dues.quarter_closed': {
    ru: '{quarter} закрыт; чтобы изменить его взносы, откройте его заново с указанием причины',
    kk: '{quarter} жабық; жарналарын өзгерту үшін оны себебін көрсетіп қайта ашыңыз',
    en: '{quarter} is closed; reopen it (with a reason) before changing its dues',
  },
  // corrections
  'dues.duplicate_document': {
    ru: 'У ППО {org} уже есть поступление за {month} по документу {docNo}',
    kk: '{org} БКҰ-да {month} үшін {docNo} құжаты бойынша түсім бұрыннан бар',
    en: 'PPO {org} already has a remittance for {month} with document {docNo}',
  },
  'dues.line_not_found': {
    ru: 'Строка ведомости {id} не найдена',
    kk: '{id} тізімдеме жолы табылмады',
    en: 'No payroll line {id}',
  },
  'dues.nothing_to_change': {
    ru: 'В исправлении нет изменений',
    kk: 'Түзетуде өзгеріс жоқ',
    en: 'The correction changes nothing',
  },
  'removed.not_found': {
    ru: 'Удалённая запись {id} не найдена',
    kk: 'Жойылған {id} жазбасы табылмады',
    en: 'No removed record {id}',
  },
  'removed.already_restored': {
    ru: 'Удалённая запись {id} уже восстановлена',
    kk: 'Жойылған {id} жазбасы бұрын қалпына келтірілген',
    en: 'Removed record {id} has already been restored',
  },
  'dues.implausible_payroll': {
    ru: 'Сумма {amount} ₸ за {month} (ППО {org}) больше чем втрое превышает ставку × ФОТ ({expected} ₸); проверьте сумму или подтвердите её',
    kk: '{month} үшін {amount} ₸ сомасы ({org} БКҰ) мөлшерлеме × ЕТҚ шамасынан ({expected} ₸) үш еседен астам көп; соманы тексеріңіз немесе растаңыз',
    en: '{amount} ₸ for {month} (PPO {org}) is more than 3 × rate × payroll ({expected} ₸); check the amount or confirm it',
  },
  'dues.implausible_median': {
    ru: 'Сумма {amount} ₸ за {month} (ППО {org}) больше чем в 10 раз превышает обычный месяц этой ППО (медиана {median} ₸); проверьте сумму или подтвердите её',
    kk: '{month} үшін {amount} ₸ сомасы ({org} БКҰ) осы БКҰ-ның әдеттегі айынан (медианасы {median} ₸) 10 еседен астам көп; соманы тексеріңіз немесе растаңыз',
    en: "{amount} ₸ for {month} (PPO {org}) is more than 10 × this PPO's usual month (median {median} ₸); check the amount or confirm it",
  },
  'quarter.not_ended': {
    ru: '{quarter} ещё не закончился (последний день — {lastDay}); закрыть его можно после окончания',
    kk: '{quarter} әлі аяқталған жоқ (соңғы күні — {lastDay}); оны аяқталғаннан кейін жабуға болады',
    en: '{quarter} has not ended yet (its last day is {lastDay}); it can be closed once it has ended',
  },
  'quarter.already_closed': {
    ru: '{quarter} уже закрыт',
    kk: '{quarter} бұрыннан жабық',
    en: '{quarter} is already closed',
  },
} satisfies Record<string, Sentence>;

/** The codes of a remittance that needs the accountant's confirmation (`confirmImplausible`). */
export const IMPLAUSIBLE_REMITTANCE_CODES = ['dues.implausible_payroll', 'dues.implausible_median'] as const;

/** Labels of the dues domain's fields, by the contract's field name. */
export const DUES_FIELDS = {
  month: { ru: 'Месяц', kk: 'Ай', en: 'Month' },
  monthsCovered: { ru: 'Месяцев', kk: 'Ай саны', en: 'Months covered' },
  membersCount: { ru: 'Членов', kk: 'Мүшелер', en: 'Members covered' },
  payroll: { ru: 'ФОТ', kk: 'Еңбекақы қоры', en: 'Payroll' },
  received: { ru: 'Поступило', kk: 'Түсті', en: 'Received' },
  docNo: { ru: '№ документа', kk: 'Құжат №', en: 'Document no.' },
  note: { ru: 'Примечание', kk: 'Ескертпе', en: 'Note' },
  fullName: { ru: 'ФИО', kk: 'Аты-жөні', en: 'Full name' },
  salary: { ru: 'Заработная плата', kk: 'Жалақы', en: 'Salary' },
  withheld: { ru: 'Удержано', kk: 'Ұсталды', en: 'Withheld' },
} satisfies Record<string, FieldLabel>;
