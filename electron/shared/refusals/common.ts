import type { FieldLabel, Sentence } from './types.ts';

/** Refusals that belong to no one domain: input, dates, money, counts, text, the register file. */
export const COMMON_REFUSALS = {
  'date.invalid': {
    ru: '{field}: «{value}» — не дата (ожидается ДД.ММ.ГГГГ или ГГГГ-ММ-ДД)',
    kk: '{field}: «{value}» — күн емес (КК.АА.ЖЖЖЖ немесе ЖЖЖЖ-АА-КК күтіледі)',
    en: '{field}: "{value}" is not a date (expected dd.mm.yyyy or YYYY-MM-DD)',
  },
  'date.invalid_month': {
    ru: '{field}: «{value}» — не месяц (ожидается ГГГГ-ММ или ММ.ГГГГ)',
    kk: '{field}: «{value}» — ай емес (ЖЖЖЖ-АА немесе АА.ЖЖЖЖ күтіледі)',
    en: '{field}: "{value}" is not a month (expected YYYY-MM or mm.yyyy)',
  },
  'date.in_future': {
    ru: '{field}: {date} — эта дата ещё не наступила (сегодня {today})',
    kk: '{field}: {date} — бұл күн әлі келген жоқ (бүгін {today})',
    en: '{field}: {date} is in the future (today is {today})',
  },
  'date.month_in_future': {
    ru: '{field}: {month} — этот месяц ещё не начался (сегодня {today})',
    kk: '{field}: {month} — бұл ай әлі басталған жоқ (бүгін {today})',
    en: '{field}: {month} has not begun yet (today is {today})',
  },
  'money.invalid': {
    ru: '{field}: «{value}» — не сумма в тенге (ожидается, например, 12 759 543,50)',
    kk: '{field}: «{value}» — теңгедегі сома емес (мысалы, 12 759 543,50 күтіледі)',
    en: '{field}: "{value}" is not an amount in tenge (expected e.g. 12 759 543,50)',
  },
  'money.too_many_decimals': {
    ru: '{field}: в сумме «{value}» больше двух знаков после запятой',
    kk: '{field}: «{value}» сомасында үтірден кейін екі таңбадан көп',
    en: '{field}: "{value}" has more than two decimals',
  },
  'money.out_of_range': {
    ru: '{field}: сумма «{value}» вне допустимого диапазона (от 0 до {max} ₸)',
    kk: '{field}: «{value}» сомасы рұқсат етілген шектен тыс (0 – {max} ₸ аралығында болуы керек)',
    en: '{field}: "{value}" is outside the allowed range (0 to {max} ₸)',
  },
  'money.not_tiyn': {
    ru: '{field}: «{value}» — не сумма в тиынах (ожидается целое число)',
    kk: '{field}: «{value}» — тиынмен берілген сома емес (бүтін сан күтіледі)',
    en: '{field}: "{value}" is not an amount in tiyn (a whole number is expected)',
  },
  'count.invalid': {
    ru: '{field}: «{value}» — не целое число (ожидается, например, 120)',
    kk: '{field}: «{value}» — бүтін сан емес (мысалы, 120 күтіледі)',
    en: '{field}: "{value}" is not a whole number (expected e.g. 120)',
  },
  'count.out_of_range': {
    ru: '{field}: {value} — вне допустимого диапазона (от {min} до {max})',
    kk: '{field}: {value} — рұқсат етілген шектен тыс ({min} – {max} аралығында болуы керек)',
    en: '{field}: {value} is outside the allowed range ({min} to {max})',
  },
  'text.required': {
    ru: '{field}: не заполнено',
    kk: '{field}: толтырылмаған',
    en: '{field}: is empty',
  },
  'text.too_long': {
    ru: '{field}: не длиннее {max} символов (сейчас {length})',
    kk: '{field}: {max} таңбадан аспауы керек (қазір {length})',
    en: '{field}: at most {max} characters (this has {length})',
  },
  'text.control_char': {
    ru: '{field}: содержит управляющий символ {char} (позиция {position}); удалите его',
    kk: '{field}: {char} басқару таңбасы бар ({position}-орын); оны өшіріңіз',
    en: '{field}: contains the control character {char} (position {position}); remove it',
  },
  'text.bidi_char': {
    ru: '{field}: содержит невидимый символ смены направления текста {char} (позиция {position}); удалите его',
    kk: '{field}: мәтін бағытын өзгертетін көрінбейтін {char} таңбасы бар ({position}-орын); оны өшіріңіз',
    en: '{field}: contains the invisible text-direction character {char} (position {position}); remove it',
  },
  'text.broken_char': {
    ru: '{field}: содержит символ «�» (позиция {position}) — признак испорченной кодировки; исправьте текст',
    kk: '{field}: «�» таңбасы бар ({position}-орын) — бұл кодтаудың бұзылғанын білдіреді; мәтінді түзетіңіз',
    en: '{field}: contains "�" (position {position}), a sign of a broken encoding; correct the text',
  },
  'text.mixed_script': {
    ru: '{field}: в «{value}» смешаны латинские и кириллические буквы (кириллица: {cyrillic}; латиница: {latin}); наберите код в одной раскладке',
    kk: '{field}: «{value}» ішінде латын және кирилл әріптері араласқан (кирилл: {cyrillic}; латын: {latin}); кодты бір пернетақта тілінде теріңіз',
    en: '{field}: "{value}" mixes Latin and Cyrillic letters (Cyrillic: {cyrillic}; Latin: {latin}); type the code in one keyboard layout',
  },
  'input.not_in_list': {
    ru: '{field}: «{value}» — недопустимое значение',
    kk: '{field}: «{value}» — рұқсат етілмеген мән',
    en: '{field}: "{value}" is not one of the allowed values',
  },
  'db.unique': {
    ru: 'Такая запись уже есть ({what}); ничего не записано',
    kk: 'Мұндай жазба бұрыннан бар ({what}); ештеңе жазылмады',
    en: 'such a record already exists ({what}); nothing was written',
  },
} satisfies Record<string, Sentence>;

/** Labels of fields that many operations share. */
export const COMMON_FIELDS = {
  date: { ru: 'Дата', kk: 'Күні', en: 'Date' },
  amount: { ru: 'Сумма', kk: 'Сома', en: 'Amount' },
  search: { ru: 'Поиск', kk: 'Іздеу', en: 'Search' },
} satisfies Record<string, FieldLabel>;
