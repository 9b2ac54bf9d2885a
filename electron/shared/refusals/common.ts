import type { FieldLabel, Sentence } from './types.ts';

/** Refusals that belong to no one domain: input, dates, money, text, the register file. */
export const COMMON_REFUSALS = {
  'date.invalid': {
    ru: '{field}: «{value}» — не дата (ожидается ДД.ММ.ГГГГ или ГГГГ-ММ-ДД)',
    kk: '{field}: «{value}» — күн емес (КК.АА.ЖЖЖЖ немесе ЖЖЖЖ-АА-КК күтіледі)',
    en: '{field}: "{value}" is not a date (expected dd.mm.yyyy or YYYY-MM-DD)',
  },
  'money.invalid': {
    ru: '{field}: «{value}» — не сумма в тенге (ожидается, например, 12 759 543,50)',
    kk: '{field}: «{value}» — теңгедегі сома емес (мысалы, 12 759 543,50 күтіледі)',
    en: '{field}: "{value}" is not an amount in tenge (expected e.g. 12 759 543,50)',
  },
} satisfies Record<string, Sentence>;

/** Labels of fields that many operations share. */
export const COMMON_FIELDS = {
  date: { ru: 'Дата', kk: 'Күні', en: 'Date' },
  amount: { ru: 'Сумма', kk: 'Сома', en: 'Amount' },
} satisfies Record<string, FieldLabel>;
