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
} satisfies Record<string, FieldLabel>;
