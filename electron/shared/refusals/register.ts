import type { FieldLabel, Sentence } from './types.ts';

/** Refusals of the register domain, by code (see ./index.ts). */
export const REGISTER_REFUSALS = {
  // Another process (the window, the CLI, an import) held the register's write lock for the whole wait.
  'db.busy': {
    ru: 'Реестр занят другой операцией, повторите через минуту',
    kk: 'Тізілімде басқа операция орындалып жатыр, бір минуттан кейін қайталаңыз',
    en: 'The register is busy with another operation; try again in a minute',
  },
  // rates and shares
  'rate.in_force': {
    ru: 'Ставка, действующая с {validFrom}, уже применяется; её можно только заменить новой, с более поздней даты',
    kk: '{validFrom} бастап қолданылатын мөлшерлеме қазір қолданыста; оны тек кейінгі күннен бастап жаңасымен алмастыруға болады',
    en: 'The rate valid from {validFrom} is already in force; it can only be replaced by a newer one',
  },
  'rate.shares_sum': {
    ru: 'Доли ППО, филиала и Центрального совета должны в сумме составлять 100 %',
    kk: 'БКҰ, филиал және Орталық кеңес үлестерінің қосындысы 100 % болуы керек',
    en: 'The shares of PPO, branch and central council must add up to 100 %',
  },
  'rate.not_found': {
    ru: 'Нет ставки, действующей с {validFrom}',
    kk: '{validFrom} бастап қолданылатын мөлшерлеме жоқ',
    en: 'No rate valid from {validFrom}',
  },
} satisfies Record<string, Sentence>;

/** Labels of the register domain's fields, by the contract's field name. */
export const REGISTER_FIELDS = {
  validFrom: { ru: 'Действует с', kk: 'Қолданылу басы', en: 'Valid from' },
  ratePercent: { ru: 'Ставка, %', kk: 'Мөлшерлеме, %', en: 'Rate, %' },
  sharePpoPercent: { ru: 'Доля ППО, %', kk: 'БКҰ үлесі, %', en: 'PPO share, %' },
  shareBranchPercent: { ru: 'Доля филиала, %', kk: 'Филиал үлесі, %', en: 'Branch share, %' },
  shareCentralPercent: { ru: 'Доля ЦС, %', kk: 'ОК үлесі, %', en: 'Central council share, %' },
} satisfies Record<string, FieldLabel>;
