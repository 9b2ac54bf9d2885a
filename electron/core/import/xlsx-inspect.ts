import { strFromU8, Unzip, UnzipInflate, unzipSync } from 'fflate';

/**
 * What a workbook holds, read from its ZIP directory and the first bytes of its sheets before the
 * workbook itself is loaded: the sheets in their order with their visibility, and for a sheet the number
 * of its last row (its `<dimension>`) and the rows it really holds, counted as a stream. So a 3,000,000-row
 * sheet is refused from a few kilobytes (or, when it lies about its size, from the count), never loaded
 * (exceljs loads a workbook whole; its streaming reader breaks Cyrillic letters that fall on a chunk
 * boundary, so it is not used).
 */
export interface SheetInfo {
  name: string;
  hidden: boolean;
  /** The sheet's XML inside the ZIP (`xl/worksheets/sheet1.xml`). */
  path: string | null;
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return m
    ? m[1]!
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
    : null;
}

/** The sheets of the workbook in order; throws when the bytes are not a workbook. */
export function workbookSheets(bytes: Uint8Array): SheetInfo[] {
  const files = unzipSync(bytes, {
    filter: (f) => f.name === 'xl/workbook.xml' || f.name === 'xl/_rels/workbook.xml.rels',
  });
  const workbook = files['xl/workbook.xml'];
  if (!workbook) throw new Error('no xl/workbook.xml');
  const rels = new Map<string, string>();
  const relsXml = files['xl/_rels/workbook.xml.rels'] ? strFromU8(files['xl/_rels/workbook.xml.rels']) : '';
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) rels.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  return [...strFromU8(workbook).matchAll(/<sheet\b[^>]*>/g)].map((m) => {
    const state = attr(m[0], 'state');
    const rid = attr(m[0], 'r:id');
    return {
      name: attr(m[0], 'name') ?? '',
      hidden: state === 'hidden' || state === 'veryHidden',
      path: rid ? (rels.get(rid) ?? null) : null,
    };
  });
}

/** A row's opening tag: `<row …>`, `<row/>`, or with a namespace prefix (`<x:row>`) as some generators write. */
const ROW_TAG = /<(?:[A-Za-z_][\w.-]*:)?row[\s>/]/g;

/**
 * The last row a sheet declares (`<dimension ref="A1:K4112"/>`, written by Excel, LibreOffice and
 * exceljs), read from the first kilobytes of its XML, and the rows it really holds: its XML inflated as a
 * stream and its `<row>` tags counted, chunk by chunk, nothing kept — up to `maxRows`, where it stops. A
 * sheet that declares two rows (or no size) and holds three million is refused before exceljs, which loads
 * a workbook whole, ever sees it. `xmlBytes` is the size the ZIP declares (which the file itself can lie
 * about; the count cannot).
 */
export function sheetExtent(
  bytes: Uint8Array,
  sheetPath: string,
  maxRows = Number.POSITIVE_INFINITY,
): { lastRow: number | null; xmlBytes: number; rows: number } {
  let head = '';
  let headDone = false;
  let lastRow: number | null = null;
  let xmlBytes = 0;
  let rows = 0;
  let tail = '';
  let done = false;
  const unzip = new Unzip((file) => {
    if (file.name !== sheetPath) return;
    xmlBytes = file.originalSize ?? 0;
    file.ondata = (err, chunk, final) => {
      if (err || done) return;
      // tags are ASCII: latin1 reads them at a fraction of UTF-8's cost, names are never looked at here
      const text = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
      if (!headDone) {
        head += text.slice(0, 65536);
        const dim = /<dimension\b[^>]*ref="[A-Z]+\d+(?::[A-Z]+(\d+))?"/.exec(head);
        if (dim || head.includes('<sheetData') || head.length > 65536) {
          lastRow = dim ? Number(dim[1] ?? 1) : null;
          headDone = true;
        }
      }
      // a tag split between two chunks is counted once: the tail kept of one chunk is counted with the next
      const scan = tail + text;
      tail = scan.slice(-16);
      rows += (scan.match(ROW_TAG)?.length ?? 0) - (tail.match(ROW_TAG)?.length ?? 0);
      if (final) rows += tail.match(ROW_TAG)?.length ?? 0;
      if ((lastRow !== null && lastRow > maxRows) || rows > maxRows || final) {
        done = true;
        if (!final) file.terminate();
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.push(bytes, true);
  return { lastRow, xmlBytes, rows };
}
