import { problem, type Problem } from './problems.ts';
import { normalizeText, textProblem } from './text.ts';

/**
 * Codes are typed on two keyboard layouts: a Cyrillic `Р` looks exactly like a Latin `P`, so `Р026` and
 * `P026` would be two PPOs that no one can tell apart, and a search for one never finds the other.
 */
const LATIN = /\p{Script=Latin}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;

/** A code's letters in both scripts, or null when it uses one script (digits and signs are neutral). */
export function mixedScript(code: string): { latin: string; cyrillic: string } | null {
  const letters = [...code];
  const latin = letters.filter((c) => LATIN.test(c));
  const cyrillic = letters.filter((c) => CYRILLIC.test(c));
  if (latin.length === 0 || cyrillic.length === 0) return null;
  const unique = (list: string[]) => [...new Set(list)].join(' ');
  return { latin: unique(latin), cyrillic: unique(cyrillic) };
}

/** Cyrillic letters that look like Latin ones, in both cases. */
const LOOK_ALIKE: Record<string, string> = {
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  І: 'I',
  Ј: 'J',
  Ѕ: 'S',
  Ү: 'Y',
  Һ: 'H',
  Ԛ: 'Q',
  Ԝ: 'W',
};

/**
 * What a code looks like on paper: upper case, Cyrillic look-alikes as their Latin twins, zero as O.
 * Two different codes with one skeleton are refused (`р026` beside `P026`, or `p026` beside it).
 */
export function codeSkeleton(code: string): string {
  return [...code.toUpperCase()]
    .map((c) => LOOK_ALIKE[c] ?? c)
    .join('')
    .replace(/0/g, 'O');
}

/**
 * Everything a new code must satisfy: a text of at most 16 characters, one script. `others` are the
 * codes already in use; one that differs but looks the same is named in the refusal.
 */
export function codeProblem(value: string, field: string, others: Iterable<string> = []): Problem | null {
  const code = normalizeText(value, 'code');
  if (code === '') return problem('text.required', field);
  const text = textProblem(code, field, 'code');
  if (text) return text;
  const mixed = mixedScript(code);
  if (mixed) return problem('text.mixed_script', field, { value: code, ...mixed });
  const skeleton = codeSkeleton(code);
  for (const other of others) {
    if (other !== code && codeSkeleton(other) === skeleton)
      return problem('org.confusable_code', field, { value: code, existing: other });
  }
  return null;
}
