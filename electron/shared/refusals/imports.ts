import type { FieldLabel, Sentence } from './types.ts';

/** Refusals of the imports domain, by code (see ./index.ts). */
export const IMPORTS_REFUSALS = {} satisfies Record<string, Sentence>;

/** Labels of the imports domain's fields, by the contract's field name. */
export const IMPORTS_FIELDS = {} satisfies Record<string, FieldLabel>;
