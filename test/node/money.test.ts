import { describe, expect, it } from 'vitest';
import { formatTiyn, parseTenge, tengeCellToTiyn } from '../../electron/core/money.ts';

describe('money in tiyn', () => {
  it.each([
    ['12 759 543,50', 1275954350],
    ['12759543.50', 1275954350],
    ['12 759 543', 1275954300],
    ['12\u00a0759\u00a0543,5', 1275954350],
    ['0,01', 1],
    ['146 082 833 тг.', 14608283300],
    ['305', 30500],
  ])('parses %s', (text, tiyn) => {
    expect(parseTenge(text)).toBe(tiyn);
  });

  it.each([
    ['12,759,543.50', 'money.invalid'],
    ['1.234,56', 'money.invalid'],
    ['12 75 543', 'money.invalid'],
    ['abc', 'money.invalid'],
    ['', 'money.invalid'],
    ['1 2', 'money.invalid'],
    ['12.345,67', 'money.invalid'],
    ['12,345', 'money.too_many_decimals'],
    ['0,123', 'money.too_many_decimals'],
    ['-5', 'money.out_of_range'],
  ])('refuses %s as %s, naming the text', (text, code) => {
    expect(() => parseTenge(text)).toThrow(expect.objectContaining({ code }));
  });

  it('takes spreadsheet numbers exactly to the tiyn and refuses a third decimal', () => {
    expect(tengeCellToTiyn(11788.71)).toBe(1178871);
    expect(tengeCellToTiyn(0.1 + 0.2)).toBe(30);
    expect(() => tengeCellToTiyn(1.234)).toThrow(/two decimals/);
  });

  it('formats the way the union prints amounts', () => {
    expect(formatTiyn(18125331600)).toBe('181 253 316,00');
    expect(formatTiyn(5)).toBe('0,05');
  });
});
