import { describe, expect, it } from 'vitest';
import { compareNames, comparePeople, personSortKey } from '../../electron/shared/collation.ts';
import { KAZAKH, RUSSIAN } from '../../electron/core/demo/names.ts';

const LETTERS = 'А Ә Б В Г Ғ Д Е Ж З И Й К Қ Л М Н Ң О Ө П Р С Т У Ұ Ү Ф Х Һ Ц Ч Ш Щ Ъ Ы І Ь Э Ю Я'.split(
  ' ',
);

describe('names in the alphabet of the UI language', () => {
  it('puts Kazakh letters where the Kazakh alphabet has them', () => {
    const sorted = [...LETTERS].reverse().sort((a, b) => compareNames(a, b, 'kk'));
    expect(sorted.join('')).toBe('АӘБВГҒДЕЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ');
  });

  it('puts І after И and Ү before Ұ in Russian order', () => {
    const sorted = [...LETTERS].reverse().sort((a, b) => compareNames(a, b, 'ru'));
    expect(sorted.join('')).toBe('АӘБВГҒДЕЖЗИІЙКҚЛМНҢОӨПРСТУҮҰФХҺЦЧШЩЪЫЬЭЮЯ');
  });

  it('sorts Ё with Е, lower case first, shorter first', () => {
    const names = ['Ёлкина', 'Елкина', 'Ельцова', 'елкина', 'Ким', 'Ким Анна', 'Кимова'];
    expect([...names].sort((a, b) => compareNames(a, b, 'ru'))).toEqual([
      'елкина',
      'Елкина',
      'Ёлкина',
      'Ельцова',
      'Ким',
      'Ким Анна',
      'Кимова',
    ]);
  });

  it('agrees with ICU (as shipped with Node) on every pair of demo names, in both languages', () => {
    const people = [
      ...KAZAKH.surnames,
      ...RUSSIAN.surnames,
      ...KAZAKH.female,
      ...KAZAKH.male,
      ...RUSSIAN.female,
    ].flatMap((s) => [s, `${s}а`]);
    for (const lang of ['kk', 'ru'] as const) {
      const icu = new Intl.Collator(lang);
      const ours = [...people].sort((a, b) => compareNames(a, b, lang));
      expect(ours).toEqual([...people].sort(icu.compare));
    }
  });

  it('orders people by surname, then given name, then patronymic', () => {
    const list = [
      { surname: 'Іздібаева', givenName: 'Әсел' },
      { surname: 'Ыбыраева', givenName: 'Айгүл' },
      { surname: 'Ибраева', givenName: 'Гүлнар' },
      { surname: 'Ибраева', givenName: 'Ақмарал' },
    ];
    expect(list.sort((a, b) => comparePeople(a, b, 'kk')).map((p) => `${p.surname} ${p.givenName}`)).toEqual([
      'Ибраева Ақмарал',
      'Ибраева Гүлнар',
      'Ыбыраева Айгүл',
      'Іздібаева Әсел',
    ]);
  });

  it('stored sort keys order people exactly as the comparator does, in both languages', () => {
    const surnames = [
      'Ёлкина',
      'Елкина',
      'Ким',
      'Кимова',
      'Іздібаева',
      'Ыбыраева',
      'Ибраева',
      'Үсенова',
      'Ұлықпанова',
      'ким',
      'Ким-Ли',
      'Әлиева',
      'Ким0',
      'Ким1',
      'Ким9',
      "Ким'Ли",
      'Ким Ли',
      'Ким.Ли',
      'Kim',
      'Kima',
    ];
    const given = ['Анна', 'Борис', 'Әсел', 'Ёлка', 'Елка'];
    const people = surnames.flatMap((surname, i) =>
      given.map((givenName, j) => ({ surname, givenName, patronymic: (i + j) % 3 ? 'Петровна' : null })),
    );
    for (const lang of ['ru', 'kk'] as const) {
      const byComparator = [...people].sort((a, b) => comparePeople(a, b, lang));
      const byKey = [...people].sort((a, b) =>
        personSortKey(a, lang) < personSortKey(b, lang)
          ? -1
          : personSortKey(a, lang) > personSortKey(b, lang)
            ? 1
            : 0,
      );
      expect(byKey.map((p) => `${p.surname} ${p.givenName} ${p.patronymic}`)).toEqual(
        byComparator.map((p) => `${p.surname} ${p.givenName} ${p.patronymic}`),
      );
    }
  });

  it('stored sort keys agree with the comparator on names with every kind of character (random pairs)', () => {
    // letters of both alphabets in both cases, Ё, Latin, digits, hyphen, apostrophe, space, other scripts
    const chars = [..."аәбеёжиійкқоөуұүыьяАӘЕЁИІКҚӨҰҮЯabzABZ019-' ·Ωあ"];
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const word = () => Array.from({ length: 1 + random(6) }, () => chars[random(chars.length)]!).join('');
    // each random name next to a variant that differs only in case or Е/Ё: the secondary and tertiary levels
    const variant = (text: string) =>
      text.replace(/[еЕёЁаА]/, (c) => ({ е: 'ё', Е: 'Ё', ё: 'Е', Ё: 'е', а: 'А', А: 'а' })[c]!);
    const people = Array.from({ length: 300 }, () => ({
      surname: word(),
      givenName: random(4) ? word() : '',
      patronymic: random(3) ? word() : null,
    })).flatMap((p) => [p, { ...p, surname: variant(p.surname) }, { ...p, givenName: variant(p.givenName) }]);
    for (const lang of ['ru', 'kk'] as const) {
      for (let i = 0; i + 1 < people.length; i++) {
        const [a, b] = [people[i]!, people[i + 1]!];
        const [ka, kb] = [personSortKey(a, lang), personSortKey(b, lang)];
        const byKey = ka < kb ? -1 : ka > kb ? 1 : 0;
        expect([a, b, byKey]).toEqual([a, b, comparePeople(a, b, lang)]);
      }
    }
  });
});
