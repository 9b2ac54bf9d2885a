import { isRealDate, isoDate, type IsoDate } from '../dates.ts';

/**
 * IIN (individual) and BIN (business) identification numbers of Kazakhstan share one check digit:
 * weights 1..11 over the first 11 digits, sum mod 11; if that is 10, weights 3..11,1,2; a second 10 means
 * the number cannot be valid.
 */
const FIRST = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

export function checkDigit(first11: string): number | null {
  // a plain loop: every member of an import or a package is checked two or three times
  let a = 0;
  let b = 0;
  for (let i = 0; i < 11; i++) {
    const digit = first11.charCodeAt(i) - 48;
    a += digit * FIRST[i]!;
    b += digit * SECOND[i]!;
  }
  if (a % 11 !== 10) return a % 11;
  return b % 11 === 10 ? null : b % 11;
}

export type IdProblem = 'format' | 'checksum' | 'birth_date';

function checksumProblem(id: string): IdProblem | null {
  if (!/^\d{12}$/.test(id)) return 'format';
  return checkDigit(id.slice(0, 11)) === Number(id[11]) ? null : 'checksum';
}

export interface IinFacts {
  birthDate: IsoDate;
  sex: 'male' | 'female';
}

/** The 7th digit encodes century and sex: 1/2 → 1800s, 3/4 → 1900s, 5/6 → 2000s; odd male, even female. */
export function decodeIin(iin: string): IinFacts | null {
  if (!/^\d{12}$/.test(iin)) return null;
  const code = Number(iin[6]);
  if (code < 1 || code > 6) return null;
  const century = 1800 + Math.floor((code - 1) / 2) * 100;
  const year = century + Number(iin.slice(0, 2));
  const month = Number(iin.slice(2, 4));
  const day = Number(iin.slice(4, 6));
  if (!isRealDate(year, month, day)) return null;
  return { birthDate: isoDate(year, month, day), sex: code % 2 === 1 ? 'male' : 'female' };
}

export function iinProblem(iin: string): IdProblem | null {
  const problem = checksumProblem(iin);
  if (problem) return problem;
  return decodeIin(iin) ? null : 'birth_date';
}

export function binProblem(bin: string): IdProblem | null {
  return checksumProblem(bin);
}

export const ID_PROBLEM_TEXT: Record<IdProblem, { en: string; ru: string }> = {
  format: { en: 'must be exactly 12 digits', ru: 'должен состоять ровно из 12 цифр' },
  checksum: { en: 'has a wrong check digit', ru: 'не проходит проверку контрольного разряда' },
  birth_date: {
    en: 'does not encode a real birth date and sex',
    ru: 'не содержит правильной даты рождения и пола',
  },
};

/** Makes a valid IIN for a birth date and sex (demo data and tests); `serial` picks one of many. */
export function makeIin(birthDate: IsoDate, sex: 'male' | 'female', serial: number): string {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const centuryIndex = Math.floor((y - 1800) / 100);
  const code = centuryIndex * 2 + (sex === 'male' ? 1 : 2);
  for (let s = serial; ; s++) {
    const first11 =
      String(y % 100).padStart(2, '0') +
      String(m).padStart(2, '0') +
      String(d).padStart(2, '0') +
      String(code) +
      String(s % 10000).padStart(4, '0');
    const check = checkDigit(first11);
    if (check !== null) return first11 + String(check);
  }
}

/** Makes a valid BIN: YYMM of registration, a legal-entity type digit, then a serial. */
export function makeBin(yearMonth: string, serial: number): string {
  const [y, m] = yearMonth.split('-');
  for (let s = serial; ; s++) {
    const first11 = y!.slice(2) + m + '4' + '0' + String(s % 100000).padStart(5, '0');
    const check = checkDigit(first11);
    if (check !== null) return first11 + String(check);
  }
}
