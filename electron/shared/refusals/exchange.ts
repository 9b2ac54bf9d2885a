import type { FieldLabel, Sentence } from './types.ts';

/** Refusals of the exchange domain, by code (see ./index.ts). */
export const EXCHANGE_REFUSALS = {} satisfies Record<string, Sentence>;

/** Labels of the exchange domain's fields, by the contract's field name. */
export const EXCHANGE_FIELDS = {
  revokedAt: { ru: 'Дата отзыва', kk: 'Кері қайтарылған күні', en: 'Revocation date' },
} satisfies Record<string, FieldLabel>;
