import { problemRefusal } from './problems.ts';
import { cleanText, type TextKind } from './text.ts';

/**
 * The door every operation passes (`call` in service.ts, after the contract's zod schema): each text of
 * the input is normalised and checked by what the field is, so no operation can store a NUL, a direction
 * override or a 10,000-character name, whichever screen or command sent it. Paths, file contents, keys
 * and URLs are not text a person types into the register, and pass untouched.
 */
const KIND_OF_FIELD: Record<string, TextKind | 'skip'> = {
  code: 'code',
  orgCode: 'code',
  toOrgCode: 'code',
  mergedInto: 'code',
  fromBranch: 'code',
  toBranch: 'code',
  branch: 'code',
  branchCode: 'code',
  surname: 'name',
  givenName: 'name',
  patronymic: 'name',
  shortName: 'name',
  chairName: 'name',
  fullName: 'name',
  assignee: 'name',
  chair: 'name',
  name: 'orgName',
  branchName: 'orgName',
  cardNo: 'number',
  docNo: 'number',
  regNo: 'number',
  'decision.number': 'number',
  summary: 'long',
  outcome: 'long',
  note: 'long',
  file: 'skip',
  out: 'skip',
  content: 'skip',
  fileName: 'skip',
  recipient: 'skip',
  key: 'skip',
  keyId: 'skip',
  id: 'skip',
  remittanceId: 'skip',
  updateUrl: 'skip',
  backupsDir: 'skip',
  files: 'skip',
  packages: 'skip',
};

function kindOf(path: string[]): { kind: TextKind | 'skip'; field: string } {
  const names = path.filter((p) => !/^\d+$/.test(p));
  if (names.some((n) => KIND_OF_FIELD[n] === 'skip')) return { kind: 'skip', field: names.join('.') };
  const last = names[names.length - 1] ?? '';
  // a decision's fields are labelled as such («№ протокола»); elsewhere the field's own name
  const field = names[names.length - 2] === 'decision' ? `decision.${last}` : last;
  return { kind: KIND_OF_FIELD[field] ?? KIND_OF_FIELD[last] ?? 'line', field };
}

function walk(value: unknown, path: string[]): unknown {
  if (typeof value === 'string') {
    const { kind, field } = kindOf(path);
    if (kind === 'skip') return value;
    const cleaned = cleanText(value, field, kind);
    if (cleaned.problem) throw problemRefusal(cleaned.problem);
    return cleaned.value;
  }
  if (Array.isArray(value)) return value.map((v, i) => walk(v, [...path, String(i)]));
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, [...path, k])]));
  }
  return value;
}

/** The input with every text normalised, or the refusal of the first text that breaks a rule. */
export function cleanInputText<T>(input: T): T {
  return walk(input, []) as T;
}
