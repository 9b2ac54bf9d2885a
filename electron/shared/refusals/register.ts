import type { FieldLabel, Sentence } from './types.ts';

/** Refusals of the register domain, by code (see ./index.ts). */
export const REGISTER_REFUSALS = {} satisfies Record<string, Sentence>;

/** Labels of the register domain's fields, by the contract's field name. */
export const REGISTER_FIELDS = {
  validFrom: { ru: 'Действует с', kk: 'Қолданылу басы', en: 'Valid from' },
} satisfies Record<string, FieldLabel>;
