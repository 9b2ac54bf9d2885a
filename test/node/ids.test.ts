import { describe, expect, it } from 'vitest';
import { binProblem, checkDigit, decodeIin, iinProblem, makeIin } from '../../electron/core/ids/iin.ts';

describe('IIN and BIN check digit', () => {
  it.each([
    ['850525446560', null],
    ['900125389604', null],
    ['850525446561', 'checksum'],
    ['85052544656', 'format'],
    ['85052544656a', 'format'],
    ['851325446560', 'checksum'],
  ])('IIN %s → %s', (iin, problem) => {
    expect(iinProblem(iin)).toBe(problem);
  });

  it('uses the second weights when the first sum gives 10, and refuses a second 10', () => {
    // Search the space for the two cases instead of trusting hand arithmetic.
    const first = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    const second = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];
    let secondUsed = 0;
    let impossible = 0;
    for (let n = 0; n < 20000; n++) {
      const s = `8505254${String(n).padStart(4, '0')}`;
      const d = [...s].map(Number);
      const a = d.reduce((acc, x, i) => acc + x * first[i]!, 0) % 11;
      const b = d.reduce((acc, x, i) => acc + x * second[i]!, 0) % 11;
      if (a === 10 && b !== 10) {
        secondUsed++;
        expect(checkDigit(s)).toBe(b);
        expect(iinProblem(`${s}${b}`)).toBeNull();
      }
      if (a === 10 && b === 10) {
        impossible++;
        expect(checkDigit(s)).toBeNull();
        for (let c = 0; c <= 9; c++) expect(iinProblem(`${s}${c}`)).toBe('checksum');
      }
    }
    expect(secondUsed).toBeGreaterThan(0);
    expect(impossible).toBeGreaterThan(0);
  });

  it('derives birth date and sex from the 7th digit', () => {
    expect(decodeIin('850525446560')).toEqual({ birthDate: '1985-05-25', sex: 'female' });
    expect(decodeIin(makeIin('2003-01-31', 'male', 12))).toEqual({ birthDate: '2003-01-31', sex: 'male' });
    expect(decodeIin(makeIin('1899-12-01', 'female', 3))).toEqual({ birthDate: '1899-12-01', sex: 'female' });
  });

  it('refuses an IIN whose digits do not encode a real date', () => {
    const noSuchDay = '850230' + '4' + '4656';
    const check = checkDigit(noSuchDay);
    if (check !== null) expect(iinProblem(noSuchDay + check)).toBe('birth_date');
    const centuryZero = '850525' + '0' + '4656';
    const c2 = checkDigit(centuryZero);
    if (c2 !== null) expect(iinProblem(centuryZero + c2)).toBe('birth_date');
  });

  it('checks BINs with the same digit rule but no birth date', () => {
    expect(binProblem('050540464008')).toBeNull();
    expect(binProblem('050540464009')).toBe('checksum');
    expect(binProblem('0505404640')).toBe('format');
  });
});
