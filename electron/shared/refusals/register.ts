import type { FieldLabel, Sentence } from './types.ts';

/** Refusals of the register domain, by code (see ./index.ts). */
export const REGISTER_REFUSALS = {
  // Another process (the window, the CLI, an import) held the register's write lock for the whole wait.
  'db.busy': {
    ru: 'Реестр занят другой операцией, повторите через минуту',
    kk: 'Тізілімде басқа операция орындалып жатыр, бір минуттан кейін қайталаңыз',
    en: 'The register is busy with another operation; try again in a minute',
  },
} satisfies Record<string, Sentence>;

/** Labels of the register domain's fields, by the contract's field name. */
export const REGISTER_FIELDS = {
  validFrom: { ru: 'Действует с', kk: 'Қолданылу басы', en: 'Valid from' },
} satisfies Record<string, FieldLabel>;
