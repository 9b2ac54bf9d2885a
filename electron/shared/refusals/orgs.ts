import type { FieldLabel, Sentence } from './types.ts';

/** Refusals of the orgs domain, by code (see ./index.ts). */
export const ORGS_REFUSALS = {} satisfies Record<string, Sentence>;

/** Labels of the orgs domain's fields, by the contract's field name. */
export const ORGS_FIELDS = {
  registeredOn: { ru: 'Дата регистрации', kk: 'Тіркелген күні', en: 'Registration date' },
  closedOn: { ru: 'Дата закрытия', kk: 'Жабылған күні', en: 'Closing date' },
} satisfies Record<string, FieldLabel>;
