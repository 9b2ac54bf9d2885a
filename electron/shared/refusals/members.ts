import type { FieldLabel, Sentence } from './types.ts';

/** Refusals of the members domain, by code (see ./index.ts). */
export const MEMBERS_REFUSALS = {} satisfies Record<string, Sentence>;

/** Labels of the members domain's fields, by the contract's field name. */
export const MEMBERS_FIELDS = {
  birthDate: { ru: 'Дата рождения', kk: 'Туған күні', en: 'Birth date' },
  applicationDate: { ru: 'Дата заявления', kk: 'Өтініш күні', en: 'Application date' },
  admittedOn: { ru: 'Дата вступления', kk: 'Кәсіподаққа кірген күні', en: 'Admission date' },
  exitedOn: { ru: 'Дата выхода', kk: 'Шыққан күні', en: 'Exit date' },
  transferredOn: { ru: 'Дата перевода', kk: 'Ауыстыру күні', en: 'Transfer date' },
  issuedOn: { ru: 'Дата выдачи билета', kk: 'Билет берілген күні', en: 'Card issue date' },
  'decision.date': { ru: 'Дата решения', kk: 'Шешім күні', en: 'Decision date' },
} satisfies Record<string, FieldLabel>;
