import type { RowProblem } from '../errors.ts';

/**
 * The problems of an import, capped: the first 1,000 are kept to be shown, the rest only counted, so a
 * wrong 3,000,000-row file gives a readable list and a number instead of millions of lines (and nothing
 * per problem is held beyond the cap). Rows are read in order, so the row count needs no set.
 */
export const MAX_LISTED_PROBLEMS = 1000;

export class ProblemList {
  readonly listed: RowProblem[] = [];
  total = 0;
  rowCount = 0;
  private lastRow = -1;
  /** Columns of the current row that have a problem: one problem per cell is the one worth reading. */
  private cells = new Set<string>();

  constructor(private readonly cap = MAX_LISTED_PROBLEMS) {}

  push(p: RowProblem): void {
    this.total++;
    if (p.row !== this.lastRow) {
      this.rowCount++;
      this.lastRow = p.row;
      this.cells = new Set();
    }
    this.cells.add(p.column);
    if (this.listed.length < this.cap) this.listed.push(p);
  }

  has(row: number, column: string): boolean {
    return row === this.lastRow && this.cells.has(column);
  }
}
