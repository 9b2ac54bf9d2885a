import { strFromU8, Unzip, UnzipInflate, unzipSync } from 'fflate';

/**
 * What a workbook holds, read from its ZIP directory and the first bytes of its sheets before the
 * workbook itself is loaded: the sheets in their order with their visibility, and for a sheet the number
 * of its last row (its `<dimension>`) and its XML's size. So a 3,000,000-row sheet is refused from a few
 * kilobytes, never loaded (exceljs loads a workbook whole; its streaming reader breaks Cyrillic letters
 * that fall on a chunk boundary, so it is not used).
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

/**
 * The last row a sheet declares (`<dimension ref="A1:K4112"/>`, written by Excel, LibreOffice and
 * exceljs), read from the first kilobytes of its XML, and the XML's size; null when it declares none.
 */
export function sheetExtent(
  bytes: Uint8Array,
  sheetPath: string,
): { lastRow: number | null; xmlBytes: number } {
  let head = '';
  let lastRow: number | null = null;
  let xmlBytes = 0;
  let done = false;
  const unzip = new Unzip((file) => {
    if (file.name !== sheetPath) return;
    xmlBytes = file.originalSize ?? 0;
    file.ondata = (err, chunk) => {
      if (err || done) return;
      head += strFromU8(chunk.subarray(0, 65536));
      const dim = /<dimension\b[^>]*ref="[A-Z]+\d+(?::[A-Z]+(\d+))?"/.exec(head);
      if (dim || head.includes('<sheetData') || head.length > 65536) {
        lastRow = dim ? Number(dim[1] ?? 1) : null;
        done = true;
        file.terminate();
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.push(bytes, true);
  return { lastRow, xmlBytes };
}
