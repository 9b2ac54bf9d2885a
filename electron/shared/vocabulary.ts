/**
 * The closed lists of the domain (DOMAIN.md) with their Russian and Kazakh names. Stored values are the
 * English keys; people see and type the labels.
 */
export interface Term {
  ru: string;
  kk: string;
  en: string;
}

/** A stored key as people read it in the UI language (the key itself when the list does not know it). */
export function termLabel(
  terms: Record<string, Term>,
  key: string | null | undefined,
  language: 'ru' | 'kk' | 'en',
): string {
  if (!key) return '';
  return terms[key]?.[language] ?? key;
}

function keys<K extends string>(record: Record<K, Term>): [K, ...K[]] {
  return Object.keys(record) as [K, ...K[]];
}

export const SECTORS = {
  healthcare: { ru: 'здравоохранение', kk: 'денсаулық сақтау', en: 'healthcare' },
  social: { ru: 'социальное обслуживание', kk: 'әлеуметтік қызмет көрсету', en: 'social services' },
  education_medical: { ru: 'медицинское образование', kk: 'медициналық білім беру', en: 'medical education' },
  other: { ru: 'прочее', kk: 'басқа', en: 'other' },
} satisfies Record<string, Term>;
export type Sector = keyof typeof SECTORS;
export const SECTOR_KEYS = keys(SECTORS);

export const STAFF_CATEGORIES = {
  physician: { ru: 'врач', kk: 'дәрігер', en: 'physician' },
  nursing: { ru: 'средний медперсонал', kk: 'орта медициналық персонал', en: 'nursing staff' },
  junior: { ru: 'младший медперсонал', kk: 'кіші медициналық персонал', en: 'junior staff' },
  other: { ru: 'прочий персонал', kk: 'басқа персонал', en: 'other staff' },
  student: { ru: 'студент', kk: 'студент', en: 'student' },
  pensioner: { ru: 'пенсионер', kk: 'зейнеткер', en: 'pensioner' },
} satisfies Record<string, Term>;
export type StaffCategory = keyof typeof STAFF_CATEGORIES;
export const STAFF_CATEGORY_KEYS = keys(STAFF_CATEGORIES);

export const EXIT_REASONS = {
  own_will: { ru: 'по собственному желанию', kk: 'өз қалауы бойынша', en: 'of own will' },
  retirement: { ru: 'выход на пенсию', kk: 'зейнетке шығу', en: 'retirement' },
  dismissal: { ru: 'увольнение с работы', kk: 'жұмыстан босату', en: 'dismissal from employer' },
  death: { ru: 'смерть', kk: 'қайтыс болу', en: 'death' },
  expulsion: { ru: 'исключение из профсоюза', kk: 'кәсіподақтан шығару', en: 'expulsion' },
} satisfies Record<string, Term>;
export type ExitReason = keyof typeof EXIT_REASONS;
export const EXIT_REASON_KEYS = keys(EXIT_REASONS);

export const APPEAL_CATEGORIES = {
  wages: { ru: 'Оплата труда', kk: 'Еңбекке ақы төлеу', en: 'Wages' },
  safety: { ru: 'Охрана труда', kk: 'Еңбекті қорғау', en: 'Occupational safety' },
  legal: { ru: 'Правовые вопросы', kk: 'Құқықтық мәселелер', en: 'Legal questions' },
  recreation: {
    ru: 'Санаторно-курортное обслуживание и отдых',
    kk: 'Санаторий-курорттық қызмет көрсету және демалыс',
    en: 'Sanatorium treatment and recreation',
  },
  aid: { ru: 'Оказание материальной помощи', kk: 'Материалдық көмек көрсету', en: 'Material aid' },
  other: { ru: 'Прочие вопросы', kk: 'Басқа мәселелер', en: 'Other questions' },
} satisfies Record<string, Term>;
export type AppealCategory = keyof typeof APPEAL_CATEGORIES;
export const APPEAL_CATEGORY_KEYS = keys(APPEAL_CATEGORIES);

export const APPEAL_CHANNELS = {
  written: { ru: 'письменно', kk: 'жазбаша', en: 'in writing' },
  personal: { ru: 'личный приём', kk: 'жеке қабылдау', en: 'personal visit' },
  phone: { ru: 'телефон', kk: 'телефон', en: 'phone' },
  email: { ru: 'электронная почта', kk: 'электрондық пошта', en: 'e-mail' },
  messenger: { ru: 'мессенджер', kk: 'мессенджер', en: 'messenger' },
  social: { ru: 'социальные сети', kk: 'әлеуметтік желілер', en: 'social media' },
} satisfies Record<string, Term>;
export type AppealChannel = keyof typeof APPEAL_CHANNELS;
export const APPEAL_CHANNEL_KEYS = keys(APPEAL_CHANNELS);

export const APPEAL_STATUSES = {
  registered: { ru: 'зарегистрировано', kk: 'тіркелді', en: 'registered' },
  in_progress: { ru: 'на рассмотрении', kk: 'қаралуда', en: 'in progress' },
  closed: { ru: 'закрыто', kk: 'жабылды', en: 'closed' },
} satisfies Record<string, Term>;
export type AppealStatus = keyof typeof APPEAL_STATUSES;
export const APPEAL_STATUS_KEYS = keys(APPEAL_STATUSES);

export const LEGAL_KINDS = {
  criminal: { ru: 'уголовное', kk: 'қылмыстық', en: 'criminal' },
  administrative: { ru: 'административное', kk: 'әкімшілік', en: 'administrative' },
  civil: { ru: 'гражданское', kk: 'азаматтық', en: 'civil' },
  labour: { ru: 'трудовой спор', kk: 'еңбек дауы', en: 'labour dispute' },
} satisfies Record<string, Term>;
export type LegalKind = keyof typeof LEGAL_KINDS;
export const LEGAL_KIND_KEYS = keys(LEGAL_KINDS);

export const ORG_CLOSE_REASONS = {
  liquidated: { ru: 'ликвидирована', kk: 'таратылды', en: 'liquidated' },
  merged: { ru: 'присоединена к другой ППО', kk: 'басқа БКҰ-ға қосылды', en: 'merged into another PPO' },
} satisfies Record<string, Term>;
export type OrgCloseReason = keyof typeof ORG_CLOSE_REASONS;
export const ORG_CLOSE_REASON_KEYS = keys(ORG_CLOSE_REASONS);

/** Keywords as the union's own table words its rows («По вопросам оплаты труда», …). */
export const APPEAL_CATEGORY_WORDS: Array<[RegExp, AppealCategory]> = [
  [/оплат[аы] труда|заработн|еңбекке ақы/, 'wages'],
  [/охран[аы] труда|еңбекті қорғау/, 'safety'],
  [/правов|құқық/, 'legal'],
  [/санатор|отдых|оздоров|демалыс/, 'recreation'],
  [/материальн|материалдық/, 'aid'],
  [/проч|друг|басқа/, 'other'],
];

/** The order matters: "электронная почта" is e-mail, plain "почта" is a letter. */
export const CHANNEL_WORDS: Array<[RegExp, AppealChannel]> = [
  [/электрон|e-?mail|эл\.? ?почт/, 'email'],
  [/whatsapp|telegram|viber|мессенджер/, 'messenger'],
  [/соц.*сет|instagram|facebook|vk|әлеуметтік/, 'social'],
  [/телефон|горяч|звон/, 'phone'],
  [/личн|прием|приём|устн|жеке/, 'personal'],
  [/письм|почт|заявлен|жазбаша/, 'written'],
];

const normalize = (text: string) => text.toLowerCase().replace(/ё/g, 'е').trim();
const labelIndex = new WeakMap<object, Map<string, string>>();

/** The key of a term typed as its key, its Russian or Kazakh label, or a recognised wording; else null. */
export function matchTerm<K extends string>(
  terms: Record<K, Term>,
  text: string,
  words: Array<[RegExp, K]> = [],
): K | null {
  let index = labelIndex.get(terms);
  if (!index) {
    index = new Map();
    for (const [key, term] of Object.entries(terms) as Array<[K, Term]>) {
      for (const label of [key, term.ru, term.kk]) index.set(normalize(label), key);
    }
    labelIndex.set(terms, index);
  }
  const norm = normalize(text);
  const exact = index.get(norm);
  if (exact) return exact as K;
  for (const [pattern, key] of words) if (pattern.test(norm)) return key;
  return null;
}
