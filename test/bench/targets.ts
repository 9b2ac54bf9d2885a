/**
 * The target table (issue 13, «The engine»): each figure measured in the same run as what it is
 * compared with — a ratio to the sqlite3 tool on the same rows, or a median of repeated runs — so a busy
 * machine slows both sides and the verdict still means something.
 */
export interface Target {
  figure: string;
  /** What was measured, as printed. */
  value: string;
  /** The target, as printed. */
  target: string;
  /** null: not measured here (the line says why). */
  met: boolean | null;
}

const rows: Target[] = [];

export function target(figure: string, value: string, targetText: string, met: boolean | null): void {
  rows.push({ figure, value, target: targetText, met });
}

export function notMeasured(figure: string, targetText: string, why: string): void {
  rows.push({ figure, value: why, target: targetText, met: null });
}

/** The table as Markdown (it goes into notes and issue comments as it is). */
export function targetTable(): string {
  const lines = [
    '| figure | measured | target | met |',
    '|---|---|---|---|',
    ...rows.map(
      (r) => `| ${r.figure} | ${r.value} | ${r.target} | ${r.met === null ? '—' : r.met ? 'yes' : 'no'} |`,
    ),
  ];
  return lines.join('\n');
}

export function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Wall time and this process's CPU time (user + system) of `work`, in ms. */
export async function timedCpu<T>(work: () => Promise<T>): Promise<{ ms: number; cpuMs: number; result: T }> {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const result = await work();
  const used = process.cpuUsage(cpu);
  return {
    ms: Number(process.hrtime.bigint() - start) / 1e6,
    cpuMs: (used.user + used.system) / 1000,
    result,
  };
}
