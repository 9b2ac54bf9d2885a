import type { FieldLabel, Sentence } from './types.ts';

/** Refusals of the orgs domain, by code (see ./index.ts). */
export const ORGS_REFUSALS = {
  'org.not_found': {
    ru: 'Нет ППО с кодом {code}',
    kk: '{code} коды бар БКҰ жоқ',
    en: 'There is no primary organization with code {code}',
  },
  'org.not_closed': {
    ru: 'ППО {code} не закрыта',
    kk: '{code} БКҰ жабылмаған',
    en: 'Primary organization {code} is not closed',
  },
  'org.closed': {
    ru: 'ППО {code} закрыта с {closedOn}',
    kk: '{code} БКҰ {closedOn} бастап жабық',
    en: 'primary organization {code} is closed since {closedOn}',
  },
  'org.duplicate_code': {
    ru: 'ППО с кодом {code} уже есть',
    kk: '{code} коды бар БКҰ бұрыннан бар',
    en: 'a primary organization with code {code} already exists',
  },
  'org.confusable_code': {
    ru: '{field}: «{value}» выглядит так же, как код уже существующей ППО {existing}, но набран другими буквами; используйте код {existing} или другой код',
    kk: '{field}: «{value}» бұрыннан бар {existing} БКҰ кодына ұқсайды, бірақ басқа әріптермен терілген; {existing} кодын немесе басқа кодты пайдаланыңыз',
    en: '{field}: "{value}" looks the same as the existing PPO code {existing} but is typed with other letters; use {existing} or another code',
  },
  'org.has_members': {
    ru: 'В ППО {code} ещё {count} действующих членов; сначала переведите их или оформите выход',
    kk: '{code} БКҰ-да әлі {count} мүше тұр; алдымен оларды ауыстырыңыз немесе шығуын ресімдеңіз',
    en: 'primary organization {code} still has {count} active members; transfer them or record their exit first',
  },
  'org.invalid_bin': {
    ru: '{field}: {bin} — неверный БИН (нужны 12 цифр с правильным контрольным разрядом)',
    kk: '{field}: {bin} — қате БСН (бақылау разряды дұрыс 12 цифр қажет)',
    en: '{field}: {bin} is not a valid BIN (12 digits with a correct check digit)',
  },
  'org.merge_target_required': {
    ru: 'Для присоединённой ППО укажите код ППО, к которой она присоединена',
    kk: 'Қосылған БКҰ үшін ол қосылған БКҰ-ның кодын көрсетіңіз',
    en: 'a merged PPO needs the code of the PPO it joined',
  },
  'org.merge_into_self': {
    ru: 'ППО не может быть присоединена к самой себе',
    kk: 'БКҰ өзіне-өзі қосыла алмайды',
    en: 'a PPO cannot be merged into itself',
  },
  'org.closed_before_registered': {
    ru: 'Дата закрытия ППО ({closedOn}) раньше даты её регистрации ({registeredOn})',
    kk: 'БКҰ-ның жабылған күні ({closedOn}) тіркелген күнінен ({registeredOn}) бұрын',
    en: 'the closing date ({closedOn}) is before the registration date ({registeredOn})',
  },
} satisfies Record<string, Sentence>;

/** Labels of the orgs domain's fields, by the contract's field name. */
export const ORGS_FIELDS = {
  registeredOn: { ru: 'Дата регистрации', kk: 'Тіркелген күні', en: 'Registration date' },
  closedOn: { ru: 'Дата закрытия', kk: 'Жабылған күні', en: 'Closing date' },
  // the PPO as the history of changes names its fields
  code: { ru: 'Код', kk: 'Коды', en: 'Code' },
  name: { ru: 'Наименование', kk: 'Атауы', en: 'Name' },
  shortName: { ru: 'Краткое наименование', kk: 'Қысқаша атауы', en: 'Short name' },
  bin: { ru: 'БИН', kk: 'БСН', en: 'BIN' },
  sector: { ru: 'Отрасль', kk: 'Саласы', en: 'Sector' },
  address: { ru: 'Адрес', kk: 'Мекенжайы', en: 'Address' },
  chairName: { ru: 'Председатель', kk: 'Төраға', en: 'Chair' },
  chairPhone: { ru: 'Телефон председателя', kk: 'Төрағаның телефоны', en: "Chair's phone" },
  headcount: { ru: 'Работающих', kk: 'Жұмыскерлер саны', en: 'Headcount' },
  closeReason: { ru: 'Причина закрытия', kk: 'Жабылу себебі', en: 'Reason for closing' },
  mergedInto: { ru: 'Присоединена к', kk: 'Қосылған БКҰ', en: 'Merged into' },
  toOrgCode: { ru: 'ППО, куда переводится', kk: 'Ауыстырылатын БКҰ', en: 'PPO transferred to' },
} satisfies Record<string, FieldLabel>;
