import type { FieldLabel, Sentence } from './types.ts';

/** Refusals of the dues domain, by code (see ./index.ts). */
export const DUES_REFUSALS = {} satisfies Record<string, Sentence>;

/** Labels of the dues domain's fields, by the contract's field name. */
export const DUES_FIELDS = {} satisfies Record<string, FieldLabel>;
