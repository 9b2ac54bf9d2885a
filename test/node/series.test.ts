import { describe, expect, it } from 'vitest';
import { makeIin } from '../../electron/core/ids/iin.ts';
import { call } from '../../electron/core/service.ts';
import { addOrg, admit, freshRegister } from './helpers.ts';

describe('members month by month (the chart on the dashboard)', () => {
  it('agrees with the membership report as of each month end, with admissions and exits per month', async () => {
    const reg = await freshRegister('2025-03-15');
    await addOrg(reg, 'P001');
    const dates = ['2024-09-10', '2024-10-01', '2024-10-20', '2024-12-31', '2025-01-05', '2025-03-01'];
    const iins = dates.map((d, i) => makeIin('1980-01-0' + (i + 1), 'female', i + 1));
    for (const [i, d] of dates.entries())
      await admit(reg, iins[i]!, 'P001', {
        admittedOn: d,
        applicationDate: '2024-09-01',
        decision: { body: 'профком', number: String(i), date: '2024-09-05' },
      });
    await call(reg, 'members.exit', {
      iin: iins[0]!,
      reason: 'dismissal',
      decision: { body: 'профком', number: '9', date: '2025-01-20' },
    });
    const { series, perBranch } = await call(reg, 'reports.membershipSeries', { months: 8 });
    expect(perBranch).toEqual([]);
    expect(series.map((p) => p.month)).toEqual([
      '2024-08',
      '2024-09',
      '2024-10',
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
      '2025-03',
    ]);
    expect(series.map((p) => [p.admitted, p.exited])).toEqual([
      [0, 0],
      [1, 0],
      [2, 0],
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
      [1, 0],
    ]);
    const monthEnds = [
      '2024-08-31',
      '2024-09-30',
      '2024-10-31',
      '2024-11-30',
      '2024-12-31',
      '2025-01-31',
      '2025-02-28',
      '2025-03-15',
    ];
    for (const [i, date] of monthEnds.entries()) {
      const report = await call(reg, 'reports.membership', { date });
      expect(series[i]!.members, date).toBe(report.total.members);
    }
  });
});
