import { describe, expect, it } from 'vitest';
import { officeDate } from '../../electron/core/dates.ts';
import { today } from '../../electron/core/register.ts';
import { call } from '../../electron/core/service.ts';
import { addOrg, admit, freshRegister } from './helpers.ts';

/**
 * The office's today is the date in Kazakhstan (UTC+5) at the register's clock, whatever time zone the
 * computer runs in: this file runs under TZ=UTC and TZ=Asia/Almaty (vitest.config.ts).
 */
describe(`today in the office (TZ=${process.env.TZ})`, () => {
  it('turns at 19:00 UTC, which is midnight in Astana', () => {
    expect(officeDate(new Date('2025-03-15T18:59:59Z'))).toBe('2025-03-15');
    expect(officeDate(new Date('2025-03-15T19:00:00Z'))).toBe('2025-03-16');
    expect(officeDate(new Date('2024-12-31T19:30:00Z'))).toBe('2025-01-01');
  });

  it('today(reg) reads the register’s clock, not the machine’s date', async () => {
    const reg = await freshRegister('2025-03-15');
    reg.clock = () => new Date('2025-03-15T20:00:00Z'); // 01:00 on the 16th in the office
    expect(today(reg)).toBe('2025-03-16');
  });

  it('an admission dated the office’s today is taken at 23:30 UTC, tomorrow is refused', async () => {
    const reg = await freshRegister('2025-03-15');
    await addOrg(reg);
    // 04:30 on the 16th in Astana, still the 15th in UTC
    reg.clock = () => new Date('2025-03-15T23:30:00Z');
    await expect(
      admit(reg, '850525446560', 'P001', {
        applicationDate: '2025-03-16',
        decision: { body: 'профком', number: '1', date: '2025-03-16' },
      }),
    ).resolves.toMatchObject({ joinedOn: '2025-03-16' });
    await expect(
      admit(reg, '900125389604', 'P001', {
        applicationDate: '2025-03-16',
        decision: { body: 'профком', number: '2', date: '2025-03-17' },
      }),
    ).rejects.toMatchObject({ code: 'date.in_future', field: 'admittedOn' });
  });

  it('the month of dues that has begun is the office’s month', async () => {
    const reg = await freshRegister('2025-03-15');
    await addOrg(reg);
    reg.clock = () => new Date('2025-03-31T20:00:00Z'); // 1 April in Astana
    await expect(
      call(reg, 'dues.record', { orgCode: 'P001', month: '2025-04', received: '100' }),
    ).resolves.toMatchObject({ month: '2025-04' });
    reg.clock = () => new Date('2025-03-31T18:00:00Z'); // still 31 March in Astana
    await expect(
      call(reg, 'dues.record', { orgCode: 'P001', month: '2025-04', received: '100', docNo: '2' }),
    ).rejects.toMatchObject({ code: 'date.month_in_future' });
  });
});
