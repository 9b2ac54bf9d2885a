import type { ParsedInput } from '../../shared/contract.ts';
import { searchWords } from '../../shared/collation.ts';
import type { Register } from '../register.ts';
import { refreshMemberKeys } from './list-keys.ts';
import { MEMBER_COLUMNS, memberFromRow, type Member, type MemberRow } from './members.ts';

type ListInput = ParsedInput<'members.list'>;

/**
 * Up to this many matches of the search index, a page is cut from the matches sorted on their own; above
 * it, they are dense enough that walking the list's index in order finds a page after a few thousand entries.
 */
const FEW = 2000;

/** A typed word as the trigrams the search index holds, ANDed (the index keeps no positions). */
function trigramQuery(words: string[]): string | null {
  const grams = new Set<string>();
  for (const word of words) {
    const chars = [...word];
    for (let i = 0; i + 3 <= chars.length; i++) grams.add(chars.slice(i, i + 3).join(''));
  }
  return grams.size ? [...grams].map((g) => `"${g.replaceAll('"', '""')}"`).join(' AND ') : null;
}

interface Filter {
  /** Conditions on `m` (members), all ANDed, and their bindings. */
  where: string[];
  bindings: unknown[];
  /** The FTS5 query that finds the candidates, when a word has three letters or more. */
  match: string | null;
  /** Whether there are words to search for. */
  words: boolean;
  /** Whether only the status and the words are asked (the narrow text index holds them all). */
  narrow: boolean;
  sort: 'sort_key_ru' | 'sort_key_kk';
}

async function filterOf(reg: Register, input: ListInput): Promise<Filter | null> {
  const where: string[] = [];
  const bindings: unknown[] = [];
  if (input.orgCode) {
    const org: { id: string } | undefined = await reg.db('orgs').where({ code: input.orgCode }).first('id');
    if (!org) return null;
    where.push('m.org_id = ?');
    bindings.push(org.id);
  }
  if (input.status) {
    where.push('m.status = ?');
    bindings.push(input.status);
  }
  if (input.category) {
    where.push('m.category = ?');
    bindings.push(input.category);
  }
  // Every typed word, folded as the stored text is, anywhere in it: «Сәуле Өмір» finds «Өмірзақова Сәуле».
  // The index only proposes rows; `instr` decides, so short words and the trigrams' false matches are exact.
  const words = searchWords(input.search ?? '');
  for (const word of words) {
    where.push('instr(m.search_text, ?) > 0');
    bindings.push(word);
  }
  return {
    where,
    bindings,
    match: trigramQuery(words),
    words: words.length > 0,
    narrow: !input.orgCode && !input.category,
    sort: input.language === 'kk' ? 'sort_key_kk' : 'sort_key_ru',
  };
}

const whereSql = (conditions: string[]) => (conditions.length ? `WHERE ${conditions.join(' AND ')}` : '');

/** The number of members the filter matches. */
async function countOf(reg: Register, f: Filter): Promise<number> {
  const rows: Array<{ n: number }> = f.match
    ? await reg.db.raw(
        `SELECT count(*) AS n FROM members_search s CROSS JOIN members m ON m.rowid = s.rowid
         ${whereSql(['members_search MATCH ?', ...f.where])}`,
        [f.match, ...f.bindings] as never,
      )
    : await reg.db.raw(
        // words too short for trigrams are tested against a copy of the text in an index: the narrow one
        // (status, text) unless the PPO or category is asked too, which the list index also holds
        `SELECT count(*) AS n FROM members m ${f.words ? `INDEXED BY ${f.narrow ? 'members_text' : `members_list_${f.sort.slice(-2)}`}` : ''}
         ${whereSql(f.where)}`,
        f.bindings as never,
      );
  return Number(rows[0]?.n ?? 0);
}

/**
 * The rowids of one page, in list order. Few matches of the search index: found first and sorted.
 * Otherwise the list's index (sort key, IIN, status, PPO, category, search text) is walked in order, its
 * own columns deciding every filter, so even the last page of 75,000 costs a walk of the index and no sort.
 */
async function pageRowids(
  reg: Register,
  f: Filter,
  total: number,
  limit: number,
  offset: number,
): Promise<number[]> {
  const order = `ORDER BY m.${f.sort}, m.iin LIMIT ? OFFSET ?`;
  const index = `INDEXED BY members_list_${f.sort.slice(-2)}`;
  let sql: string;
  let bindings: unknown[];
  if (f.match && total <= FEW) {
    sql = `SELECT m.rowid AS r FROM members_search s CROSS JOIN members m ON m.rowid = s.rowid
           ${whereSql(['members_search MATCH ?', ...f.where])} ${order}`;
    bindings = [f.match, ...f.bindings];
  } else if (f.match) {
    sql = `SELECT m.rowid AS r FROM members m ${index}
           ${whereSql(['m.rowid IN (SELECT rowid FROM members_search WHERE members_search MATCH ?)', ...f.where])} ${order}`;
    bindings = [f.match, ...f.bindings];
  } else {
    sql = `SELECT m.rowid AS r FROM members m ${index} ${whereSql(f.where)} ${order}`;
    bindings = f.bindings;
  }
  const rows: Array<{ r: number }> = await reg.db.raw(sql, [...bindings, limit, offset] as never);
  return rows.map((row) => Number(row.r));
}

/** The members of these rowids, in the same order. */
async function membersOf(reg: Register, rowids: number[]): Promise<Member[]> {
  if (rowids.length === 0) return [];
  const rows: Array<MemberRow & { r: number }> = await reg.db.raw(
    `SELECT m.rowid AS r, ${MEMBER_COLUMNS.map((c) => c.replace('members.', 'm.')).join(', ')}, o.code AS org_code
     FROM members m JOIN orgs o ON o.id = m.org_id WHERE m.rowid IN (SELECT value FROM json_each(?))`,
    [JSON.stringify(rowids)],
  );
  const byRowid = new Map(rows.map((row) => [Number(row.r), row]));
  return rowids.map((r) => memberFromRow(byRowid.get(r)!));
}

/**
 * A page of a branch's member list, sorted in the alphabet of the UI language over stored sort keys: a
 * keystroke or a jump to the end of 75,000 members costs one index lookup and one page of rows.
 */
export async function listBranchMembers(
  reg: Register,
  input: ListInput,
): Promise<{ total: number; rows: Member[] }> {
  await refreshMemberKeys(reg.db);
  const f = await filterOf(reg, input);
  if (!f) return { total: 0, rows: [] };
  const total = await countOf(reg, f);
  const offset = input.offset ?? 0;
  if (total === 0 || offset >= total) return { total, rows: [] };
  const rowids = await pageRowids(reg, f, total, input.limit ?? -1, offset);
  return { total, rows: await membersOf(reg, rowids) };
}

/**
 * Every member the filter matches, in list order, page after page (the XLSX export): each page starts
 * after the last key of the one before (keyset), so the whole register is one walk of the list's index.
 */
export async function* branchMemberPages(
  reg: Register,
  input: Omit<ListInput, 'limit' | 'offset'>,
  pageSize: number,
): AsyncGenerator<Member[]> {
  await refreshMemberKeys(reg.db);
  const f = await filterOf(reg, input);
  if (!f) return;
  let after: [string, string] | null = null;
  for (;;) {
    const where = after ? [`(m.${f.sort}, m.iin) > (?, ?)`, ...f.where] : f.where;
    const keyBindings = after ?? [];
    const rows: Array<{ r: number; k: string; iin: string }> = f.match
      ? await reg.db.raw(
          `SELECT m.rowid AS r, m.${f.sort} AS k, m.iin FROM members m INDEXED BY members_list_${f.sort.slice(-2)}
           ${whereSql(['m.rowid IN (SELECT rowid FROM members_search WHERE members_search MATCH ?)', ...where])}
           ORDER BY m.${f.sort}, m.iin LIMIT ?`,
          [f.match, ...keyBindings, ...f.bindings, pageSize] as never,
        )
      : await reg.db.raw(
          `SELECT m.rowid AS r, m.${f.sort} AS k, m.iin FROM members m INDEXED BY members_list_${f.sort.slice(-2)}
           ${whereSql(where)} ORDER BY m.${f.sort}, m.iin LIMIT ?`,
          [...keyBindings, ...f.bindings, pageSize] as never,
        );
    if (rows.length)
      yield await membersOf(
        reg,
        rows.map((row) => Number(row.r)),
      );
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1]!;
    after = [last.k, last.iin];
  }
}
