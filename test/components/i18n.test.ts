import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/src/i18n/en.ts';
import { kk } from '../../renderer/src/i18n/kk.ts';
import { ru } from '../../renderer/src/i18n/ru.ts';

function keys(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return [prefix];
  return Object.entries(node).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function leaves(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(leaves);
  return Object.values(node as object).flatMap(leaves);
}

describe('translations', () => {
  it('Kazakh and English have every Russian key and no empty text', () => {
    expect(keys(kk)).toEqual(keys(ru));
    expect(keys(en)).toEqual(keys(ru));
    for (const text of [...leaves(kk), ...leaves(en)]) expect(text.trim()).not.toBe('');
  });

  it('Kazakh texts are translated, not copied from Russian', () => {
    const same = leaves(ru).filter((text, i) => leaves(kk)[i] === text);
    // words that are the same in both languages
    const shared = new Set(['Aqniet Register', 'Телефон', 'Файл', 'Филиал', 'филиал', 'тг.', '№']);
    expect(same.filter((w) => !shared.has(w))).toEqual([]);
    // a handful of shared words among hundreds of texts
    expect(same.length / leaves(ru).length).toBeLessThan(0.03);
  });

  it('has twelve month names in each language (Chromium may lack Kazakh locale data)', () => {
    expect([ru.months.length, kk.months.length, en.months.length]).toEqual([12, 12, 12]);
    expect(kk.months[0]).toBe('қаңтар');
  });
});

describe('refusals in Kazakh', () => {
  it('every refusal code the core can raise has a Kazakh sentence', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const { REFUSALS_KK } = await import('../../renderer/src/i18n/refusals-kk.ts');
    const { isRefusalCode } = await import('../../electron/shared/refusals/index.ts');
    const root = path.resolve(import.meta.dirname, '../../electron');
    const codes = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(p);
        else if (p.endsWith('.ts')) {
          const text = fs.readFileSync(p, 'utf8');
          // refuse('code', …), new RegisterError('code', …) and envelopes { code: 'code' }
          for (const m of text.matchAll(/(?:refuse|RegisterError)\(\s*'([a-z_]+\.[a-z_]+)'/g))
            codes.add(m[1]!);
          for (const m of text.matchAll(/code: '([a-z_]+\.[a-z_]+|internal)'/g)) codes.add(m[1]!);
        }
      }
    };
    walk(root);
    expect(codes.size).toBeGreaterThan(40);
    expect([...codes].filter((c) => !REFUSALS_KK[c] && !isRefusalCode(c)).sort()).toEqual([]);
  });
});

describe('the shared refusal sentences', () => {
  it('every code has a sentence in Russian, Kazakh and English naming the same values', async () => {
    const { REFUSALS, sentenceParams } = await import('../../electron/shared/refusals/index.ts');
    for (const [code, sentence] of Object.entries(REFUSALS)) {
      for (const text of [sentence.ru, sentence.kk, sentence.en]) expect(text.trim(), code).not.toBe('');
      expect(sentence.kk, code).not.toBe(sentence.ru);
      expect(sentenceParams(sentence.kk), code).toEqual(sentenceParams(sentence.ru));
      expect(sentenceParams(sentence.en), code).toEqual(sentenceParams(sentence.ru));
    }
  });

  it('words a refusal with its values and the field label in each language', async () => {
    const { wordRefusal } = await import('../../electron/shared/refusals/index.ts');
    const params = { field: 'transferredOn', value: '31.02.2025' };
    expect(wordRefusal('date.invalid', params, 'ru')).toBe(
      'Дата перевода: «31.02.2025» — не дата (ожидается ДД.ММ.ГГГГ или ГГГГ-ММ-ДД)',
    );
    expect(wordRefusal('date.invalid', params, 'kk')).toMatch(/^Ауыстыру күні: «31\.02\.2025»/);
    expect(wordRefusal('date.invalid', params, 'en')).toMatch(/^Transfer date: "31\.02\.2025"/);
  });
});
