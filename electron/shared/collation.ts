/**
 * Alphabetical order of names in Russian and Kazakh, written out instead of taken from Intl.Collator:
 * Debian's Chromium ships no Kazakh collation data (Intl.Collator('kk') silently becomes en-US), and the
 * printed membership list must come out in the same order in the window, the CLI and the PDF.
 *
 * Orders follow CLDR: Kazakh puts І between Ы and Ь and Ұ before Ү; Russian (root) puts І after И and Ү
 * before Ұ. In Russian Ё sorts with Е and only breaks ties (Kazakh has Ё as a letter after Е); lower case before upper case; spaces and punctuation before
 * digits, digits before Cyrillic, Cyrillic before Latin.
 */
export type UiLanguage = 'ru' | 'kk' | 'en';

const ALPHABETS: Record<'ru' | 'kk', string> = {
  kk: 'аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя',
  ru: 'аәбвгғдежзиійкқлмнңоөпрстуүұфхһцчшщъыьэюя',
};

interface CharKey {
  primary: number;
  secondary: number;
  tertiary: number;
}

function tables(language: 'ru' | 'kk'): Map<string, CharKey> {
  const map = new Map<string, CharKey>();
  [...ALPHABETS[language]].forEach((letter, index) => {
    const primary = 1000 + index;
    map.set(letter, { primary, secondary: 0, tertiary: 0 });
    map.set(letter.toUpperCase(), { primary, secondary: 0, tertiary: 1 });
  });
  if (!map.has('ё')) {
    const e = map.get('е')!.primary;
    map.set('ё', { primary: e, secondary: 1, tertiary: 0 });
    map.set('Ё', { primary: e, secondary: 1, tertiary: 1 });
  }
  return map;
}

const TABLES = { ru: tables('ru'), kk: tables('kk') };

function keyOf(table: Map<string, CharKey>, ch: string): CharKey {
  const known = table.get(ch);
  if (known) return known;
  const code = ch.codePointAt(0)!;
  if (ch >= '0' && ch <= '9') return { primary: 500 + code - 48, secondary: 0, tertiary: 0 };
  const lower = ch.toLowerCase();
  if (lower >= 'a' && lower <= 'z') {
    return { primary: 5000 + lower.charCodeAt(0), secondary: 0, tertiary: lower === ch ? 0 : 1 };
  }
  if (/\s/.test(ch)) return { primary: 10, secondary: 0, tertiary: 0 };
  if (/[\p{P}\p{S}]/u.test(ch)) return { primary: 20 + (code % 400), secondary: 0, tertiary: 0 };
  return { primary: 100000 + code, secondary: 0, tertiary: 0 };
}

export function compareNames(a: string, b: string, language: UiLanguage = 'ru'): number {
  const table = TABLES[language === 'kk' ? 'kk' : 'ru'];
  const ka = [...a.normalize('NFC')].map((c) => keyOf(table, c));
  const kb = [...b.normalize('NFC')].map((c) => keyOf(table, c));
  for (const level of ['primary', 'secondary', 'tertiary'] as const) {
    const n = Math.min(ka.length, kb.length);
    for (let i = 0; i < n; i++) {
      const diff = ka[i]![level] - kb[i]![level];
      if (diff !== 0) return diff < 0 ? -1 : 1;
    }
    if (level === 'primary' && ka.length !== kb.length) return ka.length < kb.length ? -1 : 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface PersonName {
  surname: string;
  givenName: string;
  patronymic?: string | null;
}

export function fullName(p: PersonName): string {
  return [p.surname, p.givenName, p.patronymic].filter(Boolean).join(' ');
}

/** Surname first, then given name, then patronymic: the order of every list the union prints. */
export function comparePeople(a: PersonName, b: PersonName, language: UiLanguage = 'ru'): number {
  return (
    compareNames(a.surname, b.surname, language) ||
    compareNames(a.givenName, b.givenName, language) ||
    compareNames(a.patronymic ?? '', b.patronymic ?? '', language)
  );
}

/**
 * A text key whose plain binary order (SQLite's default, JavaScript's `<`) is the order of `comparePeople`:
 * per field, primary weights then a level mark, secondary, tertiary; fields joined by a mark that sorts
 * below every weight, so "Ким" comes before "Кимова" and a surname is compared in full before the given
 * name. Stored in the database so long lists sort and page in SQL.
 *
 * Kept short because every member row stores two and two list indexes hold them (import, merge and every
 * page read pay for each byte): a Cyrillic letter's primary weight is one byte, the secondary and tertiary
 * weights (0 or 1 for names) one byte each, and their trailing zeros are left out — a level that ends early
 * meets the next mark, which sorts below every weight, exactly where the full level would have had a zero
 * against a non-zero, so the order does not change. «Смирнова Марина Андреевна» takes 34 bytes, not 146.
 */
const FIELD_MARK = '\u0001';
const LEVEL_MARK = '\u0002';
/** The first primary weight of the alphabets' letters (`tables` above) and the one-byte code it gets. */
const LETTER_FIRST = 1000;
const LETTER_CODE = 0x30;
const LETTER_CODES = 0x7f - LETTER_CODE; // single UTF-8 bytes up to 0x7E

/**
 * A primary weight as an order-preserving code that no other code begins: letters one character, weights
 * below them (spaces, punctuation, digits) a lead 0x03–0x0A and one character, above them (Latin, other
 * scripts) a lead 0x7F and one character.
 */
function primaryCode(weight: number): string {
  const letter = weight - LETTER_FIRST;
  if (letter >= 0 && letter < LETTER_CODES) return String.fromCharCode(LETTER_CODE + letter);
  if (letter < 0) return String.fromCharCode(0x03 + (weight >> 7), 0x80 + (weight & 0x7f));
  // Above the letters, up to the surrogate range; the rare weights beyond share the last code.
  return String.fromCharCode(0x7f, 0x100 + Math.min(letter - LETTER_CODES, 0xd6ff));
}

/** Secondary and tertiary weights (0 or 1 for every letter the tables know) as one character each. */
function levelCode(weight: number): string {
  return String.fromCharCode(0x03 + Math.min(weight, 0x7b));
}

function fieldKey(text: string, table: Map<string, CharKey>): string {
  let primary = '';
  let secondary = '';
  let tertiary = '';
  // trailing zero weights are dropped: these count the characters up to the last non-zero one
  let secondaryEnd = 0;
  let tertiaryEnd = 0;
  for (const ch of text.normalize('NFC')) {
    const key = keyOf(table, ch);
    primary += primaryCode(key.primary);
    secondary += levelCode(key.secondary);
    tertiary += levelCode(key.tertiary);
    if (key.secondary !== 0) secondaryEnd = secondary.length;
    if (key.tertiary !== 0) tertiaryEnd = tertiary.length;
  }
  return (
    primary + LEVEL_MARK + secondary.slice(0, secondaryEnd) + LEVEL_MARK + tertiary.slice(0, tertiaryEnd)
  );
}

export function personSortKey(p: PersonName, language: UiLanguage = 'ru'): string {
  const table = TABLES[language === 'kk' ? 'kk' : 'ru'];
  return [p.surname, p.givenName, p.patronymic ?? ''].map((f) => fieldKey(f, table)).join(FIELD_MARK);
}

/**
 * Kazakh letters as people type them on a Russian keyboard (and Ё as Е): a search folds both the stored
 * text and what was typed, so «Сауле» finds «Сәуле» and «Өмірзақова» is found by «омирзакова».
 */
const SEARCH_FOLD: Record<string, string> = {
  ә: 'а',
  ғ: 'г',
  қ: 'к',
  ң: 'н',
  ө: 'о',
  ұ: 'у',
  ү: 'у',
  һ: 'х',
  і: 'и',
  ё: 'е',
};

/** Text as search compares it: NFC, lower case in every alphabet, Kazakh letters folded, spaces single. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[әғқңөұүһіё]/g, (c) => SEARCH_FOLD[c]!)
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a typed search, folded; a row matches when it contains every word, in any order. */
export function searchWords(query: string): string[] {
  return foldForSearch(query).split(' ').filter(Boolean);
}

/** Whether folded `text` contains every word of `query` (the renderer's filter of loaded rows). */
export function matchesSearch(text: string, query: string): boolean {
  const folded = foldForSearch(text);
  return searchWords(query).every((w) => folded.includes(w));
}

/** The folded text a member search matches against: full name, IIN and card number. */
export function personSearchText(p: PersonName & { iin: string; cardNo?: string | null }): string {
  return foldForSearch([fullName(p), p.iin, p.cardNo ?? ''].join(' '));
}

/** The folded text a PPO search matches against: code, name, short name and BIN. */
export function orgSearchText(o: {
  code: string;
  name: string;
  shortName?: string | null;
  bin?: string | null;
}): string {
  return foldForSearch([o.code, o.name, o.shortName ?? '', o.bin ?? ''].join(' '));
}
