/**
 * Progress of a long operation (import, merge, package export, XLSX), for the window's determinate bar.
 * The core counts real units of work (rows checked and written, packages merged, rows written to a sheet);
 * the transport (the utility process, the web preview's worker) forwards each report as it likes.
 */
export interface Progress {
  done: number;
  total: number;
}

export type ProgressReporter = (p: Progress) => void;

/** What a transport may pass to `call` beside the input. */
export interface CallOptions {
  progress?: ProgressReporter;
  /**
   * The call came from the window: a text that the CLI may give as a file's path (a key, a recipient)
   * is taken as the text itself, never read from the disk.
   */
  window?: boolean;
}

/** Reports at most this often (ms), besides the first and the last report: a bar needs no more. */
const INTERVAL_MS = 50;

/**
 * Counts units of work and reports them, throttled. `total` may grow as phases reveal their size (a
 * package's rows are known once it is decrypted); `done` never passes `total`.
 */
export class ProgressCounter {
  done = 0;
  private last = 0;

  constructor(
    private readonly report: ProgressReporter | undefined,
    public total = 0,
  ) {}

  /** More work became known. */
  grow(units: number): void {
    this.total += units;
    this.emit(true);
  }

  step(units = 1): void {
    this.done = Math.min(this.total, this.done + units);
    this.emit(false);
  }

  /** Jumps to a known point (a phase that finished without counting its steps). */
  reach(done: number): void {
    this.done = Math.min(this.total, Math.max(this.done, done));
    this.emit(false);
  }

  finish(): void {
    this.done = this.total;
    this.emit(true);
  }

  private emit(force: boolean): void {
    if (!this.report) return;
    const now = Date.now();
    if (!force && this.done < this.total && now - this.last < INTERVAL_MS) return;
    this.last = now;
    this.report({ done: this.done, total: this.total });
  }
}

/** A counter for code that may or may not have been given a reporter. */
export function counter(report?: ProgressReporter, total = 0): ProgressCounter {
  return new ProgressCounter(report, total);
}
