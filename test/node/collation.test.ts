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
});
