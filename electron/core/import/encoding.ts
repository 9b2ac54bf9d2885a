import iconv from 'iconv-lite';
import { refuse } from '../errors.ts';

/**
 * How offices' text files arrive, and how each is read — never guessed into mojibake:
 * - UTF-8, with or without a BOM (Excel's «CSV UTF-8», LibreOffice, every web export);
 * - UTF-16 with a BOM (Excel's «Текст Юникод»);
 * - Windows-1251 (Excel's «CSV (разделители — точка с запятой)» in a Russian locale), only when the
 *   whole file is not UTF-8 and reads as plausible Russian text.
 * A UTF-8 file with a stray byte (one `0xA0` pasted from a web page) is refused naming its line: read as
 * Windows-1251 it would turn every Kazakh letter of the file into «УЁРјС–». UTF-16 without a BOM is
 * refused with a sentence (its byte order cannot be known for sure).
 */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1251';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/** Where UTF-8 breaks: the number of valid multi-byte sequences, of invalid bytes, and the first one. */
function scanUtf8(bytes: Uint8Array): { multibyte: number; invalid: number; firstInvalid: number } {
  let multibyte = 0;
  let invalid = 0;
  let firstInvalid = -1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = need > 0 && i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    // the overlong and surrogate ranges a strict decoder refuses
    if (ok && need === 2 && b === 0xe0 && bytes[i + 1]! < 0xa0) ok = false;
    if (ok && need === 2 && b === 0xed && bytes[i + 1]! > 0x9f) ok = false;
    if (ok && need === 3 && b === 0xf0 && bytes[i + 1]! < 0x90) ok = false;
    if (ok && need === 3 && b === 0xf4 && bytes[i + 1]! > 0x8f) ok = false;
    if (ok) {
      multibyte++;
      i += need + 1;
    } else {
      invalid++;
      if (firstInvalid < 0) firstInvalid = i;
      i++;
    }
  }
  return { multibyte, invalid, firstInvalid };
}

/** UTF-16 without a BOM: a text of mostly ASCII or Cyrillic has a zero (or 0x04) in every other byte. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096));
  if (sample.length < 8) return false;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenZero++;
    if (sample[i + 1] === 0) oddZero++;
  }
  const pairs = Math.floor(sample.length / 2);
  return Math.max(evenZero, oddZero) / pairs > 0.3;
}

const CYRILLIC = /[\u0400-\u04ff]/;
const LATIN = /[a-z]/i;

/**
 * Does a Windows-1251 reading look like Russian? Its non-ASCII characters are mostly Cyrillic letters and
 * the punctuation Russian text uses, and no word mixes Latin and Cyrillic letters (a Latin-1 «Müller»
 * read as Windows-1251 becomes «Mьller»).
 */
export function plausibleRussian(text: string): boolean {
  let high = 0;
  let usual = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    high++;
    if (CYRILLIC.test(ch) || '«»№–—“”„…\u00a0'.includes(ch)) usual++;
  }
  if (high === 0 || usual / high < 0.9) return false;
  const words = text.match(/[\p{L}]+/gu) ?? [];
  const mixed = words.filter((w) => LATIN.test(w) && CYRILLIC.test(w)).length;
  return mixed <= Math.max(0, words.length * 0.001);
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function decodeStrict(bytes: Uint8Array, label: string): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The text of a file by the rules above, or the refusal that says why it cannot be read. */
export function decodeText(buffer: Uint8Array, file = ''): DecodedText {
  const bytes = buffer;
  const refuseStray = (body: Uint8Array, start: number) => {
    const { firstInvalid } = scanUtf8(body);
    const offset = start + Math.max(0, firstInvalid);
    refuse('import.stray_byte', {
      file,
      line: lineOf(bytes, offset),
      byte: bytes[offset]!.toString(16).toUpperCase().padStart(2, '0'),
    });
  };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = decodeStrict(bytes.subarray(3), 'utf-8');
    if (text === null) refuseStray(bytes.subarray(3), 3);
    return { text: text!, encoding: 'utf-8-bom' };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const text = decodeStrict(bytes.subarray(2), encoding);
    if (text === null) refuse('import.unknown_encoding', { file });
    return { text: text!, encoding };
  }
  if (looksLikeUtf16(bytes)) refuse('import.utf16_no_bom', { file });
  const utf8 = decodeStrict(bytes, 'utf-8');
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const scan = scanUtf8(bytes);
  // a file of UTF-8 letters with a few broken bytes is a UTF-8 file with a mistake, not another encoding
  if (scan.multibyte >= scan.invalid) refuseStray(bytes, 0);
  const cp1251 = iconv.decode(Buffer.from(bytes), 'win1251');
  if (!plausibleRussian(cp1251)) refuse('import.unknown_encoding', { file });
  return { text: cp1251, encoding: 'windows-1251' };
}
