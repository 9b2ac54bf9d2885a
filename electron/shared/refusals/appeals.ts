import type { FieldLabel, Sentence } from './types.ts';

/** Refusals of the appeals domain, by code (see ./index.ts). */
export const APPEALS_REFUSALS = {} satisfies Record<string, Sentence>;

/** Labels of the appeals domain's fields, by the contract's field name. */
export const APPEALS_FIELDS = {
  receivedOn: { ru: 'Дата поступления', kk: 'Түскен күні', en: 'Date received' },
  dueOn: { ru: 'Срок рассмотрения', kk: 'Қарау мерзімі', en: 'Due date' },
} satisfies Record<string, FieldLabel>;
