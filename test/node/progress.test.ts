import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProgressCounter, type Progress } from '../../electron/core/progress.ts';
import { call } from '../../electron/core/service.ts';
import { MEMBER_HEADER, memberRows, writeCsv } from '../bench/data.ts';
import { addOrg, count, freshRegister, tempDir } from './helpers.ts';

/** What a progress bar would show: every report in order. */
function recorder() {
  const seen: Progress[] = [];
  return { seen, progress: (p: Progress) => seen.push({ ...p }) };
}

function expectBar(seen: Progress[]) {
  expect(seen.length).toBeGreaterThan(1);
  for (let i = 1; i < seen.length; i++) {
    expect(seen[i]!.done).toBeGreaterThanOrEqual(seen[i - 1]!.done);
    expect(seen[i]!.done).toBeLessThanOrEqual(seen[i]!.total);
  }
  const last = seen.at(-1)!;
  expect(last.done).toBe(last.total);
}

describe('progress of long operations', () => {
  it('an import reports rows checked, then rows written, ending at done = total', async () => {
    const reg = await freshRegister();
    for (const code of ['P001', 'P002', 'P003']) await addOrg(reg, code);
    const file = path.join(tempDir(), 'members.csv');
    writeCsv(file, MEMBER_HEADER, memberRows(3000, 3));
    const bar = recorder();
    await call(reg, 'import.run', { kind: 'members', file }, { progress: bar.progress });
    expect(await count(reg, 'members')).toBe(3000);
    expectBar(bar.seen);
    // checking 3,000 rows and writing 3,000 members: the bar counts both, and shows a point in between
    expect(bar.seen.at(-1)!.total).toBeGreaterThanOrEqual(6000);
    expect(bar.seen.some((p) => p.done > 0 && p.done < p.total)).toBe(true);
  });

  it('an XLSX of the members reports each row written', async () => {
    const reg = await freshRegister();
    await addOrg(reg, 'P001');
    const file = path.join(tempDir(), 'members.csv');
    writeCsv(file, MEMBER_HEADER, memberRows(500, 1));
    await call(reg, 'import.run', { kind: 'members', file });
    const bar = recorder();
    await call(reg, 'xlsx.export', { kind: 'members' }, { progress: bar.progress });
    expectBar(bar.seen);
    expect(bar.seen.at(-1)).toEqual({ done: 500, total: 500 });
  });

  it('operations without a reporter, and reports throttled to what a bar needs', () => {
    const seen: Progress[] = [];
    const counter = new ProgressCounter((p) => seen.push(p), 100_000);
    for (let i = 0; i < 100_000; i++) counter.step();
    counter.finish();
    expect(seen.length).toBeLessThan(100);
    expect(seen.at(-1)).toEqual({ done: 100_000, total: 100_000 });
    const silent = new ProgressCounter(undefined, 3);
    silent.step(5);
    expect(silent.done).toBe(3);
  });
});
