/**
 * The grid's keys, as in Excel: what a key does with the amount being typed and where the cursor goes.
 * Left and right arrows leave the cell only when the caret is at that edge of the text, so a typo can
 * still be mended without the mouse.
 */
export type GridMove = { row: number; col: number } | null;
export type GridKeyAction = { kind: 'commit'; move: GridMove } | { kind: 'undo' } | { kind: 'none' };

export function gridKey(
  key: { key: string; shiftKey: boolean },
  at: { row: number; col: number; rows: number; cols: number },
  caret: { start: number | null; end: number | null; length: number },
): GridKeyAction {
  const to = (row: number, col: number): GridMove =>
    row < 0 || row >= at.rows || col < 0 || col >= at.cols ? null : { row, col };
  switch (key.key) {
    case 'Enter':
      return { kind: 'commit', move: to(at.row + (key.shiftKey ? -1 : 1), at.col) };
    case 'Tab':
      return { kind: 'commit', move: to(at.row, at.col + (key.shiftKey ? -1 : 1)) };
    case 'ArrowDown':
      return { kind: 'commit', move: to(at.row + 1, at.col) };
    case 'ArrowUp':
      return { kind: 'commit', move: to(at.row - 1, at.col) };
    case 'ArrowLeft':
      return caret.start === 0 && caret.end === 0
        ? { kind: 'commit', move: to(at.row, at.col - 1) }
        : { kind: 'none' };
    case 'ArrowRight':
      return caret.start === caret.length && caret.end === caret.length
        ? { kind: 'commit', move: to(at.row, at.col + 1) }
        : { kind: 'none' };
    case 'Escape':
      return { kind: 'undo' };
    default:
      return { kind: 'none' };
  }
}

/** The office's current month (Kazakhstan, UTC+5), `YYYY-MM`: the grid opens on its quarter. */
export function officeMonth(now = new Date()): string {
  const d = new Date(now.getTime() + 5 * 3600 * 1000);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function quarterOfMonth(month: string): string {
  const m = Number(month.slice(5, 7));
  return `${month.slice(0, 4)}-Q${Math.floor((m - 1) / 3) + 1}`;
}
