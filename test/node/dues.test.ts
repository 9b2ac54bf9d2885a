import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/service.ts';
import { addOrg, admit, count, freshRegister } from './helpers.ts';

describe('dues', () => {
  it('sums several remittances a month, computes completeness against rate × payroll and splits shares to the tiyn', async () => {
    const reg = await freshRegister('2025-03-15');
    await addOrg(reg, 'P001');
    await call(reg, 'rates.set', {
      validFrom: '2025-01-01',
      ratePercent: '1',
      sharePpoPercent: '60',
      shareBranchPercent: '25',
      shareCentralPercent: '15',
    });
    await call(reg, 'dues.record', {
      orgCode: 'P001',
      month: '2025-01',
      payroll: '10 000 000,00',
      received: '60 000,01',
      docNo: '1',
    });
    await call(reg, 'dues.record', {
      orgCode: 'P001',
      month: '2025-01',
      payroll: '0',
      received: '37 000',
      docNo: '2',
    });
    const report = await call(reg, 'reports.dues', { year: 2025, quarter: 1 });
    const p1 = report.rows.find((r) => r.org === 'P001')!;
    expect(p1.receivedTiyn).toBe(9700001);
    expect(p1.expectedTiyn).toBe(10000000);
    expect(p1.completeness).toBe(0.97);
    expect(p1.ppoShareTiyn + p1.branchShareTiyn + p1.centralShareTiyn).toBe(9700001);
    expect(p1.branchShareTiyn).toBe(2425000);
    expect(p1.centralShareTiyn).toBe(1455000);
    expect(report.total.receivedTiyn).toBe(9700001);
  });

  it('uses the rate in force in each month', async () => {
    const reg = await freshRegister('2025-03-15');
    await addOrg(reg, 'P001');
    await call(reg, 'rates.set', {
      validFrom: '2025-02-01',
      ratePercent: '2',
      sharePpoPercent: '60',
      shareBranchPercent: '30',
      shareCentralPercent: '10',
    });
    await call(reg, 'dues.record', { orgCode: 'P001', month: '2025-01', payroll: 1000, received: 10 });
    await call(reg, 'dues.record', { orgCode: 'P001', month: '2025-02', payroll: 1000, received: 20 });
    const report = await call(reg, 'reports.dues', { year: 2025, quarter: 1 });
    expect(report.months.slice(0, 2)).toEqual([
      { month: '2025-01', receivedTiyn: 1000, expectedTiyn: 1000 },
      { month: '2025-02', receivedTiyn: 2000, expectedTiyn: 2000 },
    ]);
  });

  it('lists arrears for ended months only, and not for a quarterly payer whose remittance covers them', async () => {
    const reg = await freshRegister('2025-03-15');
    await addOrg(reg, 'P001');
    await addOrg(reg, 'P002');
    await addOrg(reg, 'P003');
    await call(reg, 'dues.record', { orgCode: 'P001', month: '2025-01', received: 100 });
    await call(reg, 'dues.record', { orgCode: 'P002', month: '2025-01', monthsCovered: 3, received: 300 });
    const report = await call(reg, 'reports.dues', { year: 2025, quarter: 1 });
    expect(report.arrears).toEqual([
      { org: 'P001', month: '2025-02' },
      { org: 'P003', month: '2025-01' },
      { org: 'P003', month: '2025-02' },
    ]);
  });

  it('refuses bad amounts and months with the field named, writing nothing', async () => {
    const reg = await freshRegister();
    await addOrg(reg, 'P001');
    await expect(
      call(reg, 'dues.record', { orgCode: 'P001', month: '2025-13', received: '1' }),
    ).rejects.toMatchObject({ code: 'date.invalid_month' });
    await expect(
      call(reg, 'dues.record', { orgCode: 'P001', month: '2025-01', received: '1.234,5' }),
    ).rejects.toMatchObject({
      code: 'money.invalid',
      field: 'received',
      messageRu: expect.stringContaining('Поступило: «1.234,5»'),
    });
    await expect(
      call(reg, 'rates.set', {
        validFrom: '2025-01-01',
        ratePercent: 1,
        sharePpoPercent: 60,
        shareBranchPercent: 30,
        shareCentralPercent: 5,
      }),
    ).rejects.toMatchObject({ code: 'rate.shares_sum' });
    expect(await count(reg, 'dues_remittances')).toBe(0);
  });

  it('freezes a closed quarter; reopening needs a reason and is recorded', async () => {
    const reg = await freshRegister('2025-04-15');
    await addOrg(reg, 'P001');
    const r = await call(reg, 'dues.record', { orgCode: 'P001', month: '2025-03', received: '1 000' });
    await call(reg, 'quarters.close', { quarter: '2025Q1' });
    await expect(
      call(reg, 'dues.record', { orgCode: 'P001', month: '2025-02', received: '5' }),
    ).rejects.toMatchObject({ code: 'dues.quarter_closed', messageRu: expect.stringContaining('2025-Q1') });
    await expect(
      call(reg, 'dues.record', { orgCode: 'P001', month: '2024-12', monthsCovered: 3, received: '5' }),
    ).rejects.toMatchObject({ code: 'dues.quarter_closed' });
    await expect(call(reg, 'dues.delete', { id: r.id })).rejects.toMatchObject({
      code: 'dues.quarter_closed',
    });
    await expect(call(reg, 'quarters.reopen', { quarter: '2025Q1', reason: '  ' })).rejects.toMatchObject({
      code: 'input.invalid',
    });
    expect(await count(reg, 'dues_remittances')).toBe(1);
    await call(reg, 'quarters.reopen', { quarter: '2025-Q1', reason: 'ошибка в сумме платёжки' });
    await call(reg, 'dues.delete', { id: r.id });
    const state = await call(reg, 'quarters.list', {});
    expect(state.closed).toEqual([]);
    expect(state.actions.map((a) => [a.action, a.reason])).toEqual([
      ['close', null],
      ['reopen', 'ошибка в сумме платёжки'],
    ]);
    const audit = await reg.db('audit_log').where({ entity: 'quarters', entity_id: '2025-Q1' }).orderBy('id');
    expect(audit.map((a) => [a.action, JSON.parse(a.changes).reason[1]])).toEqual([
      ['close', null],
      ['reopen', 'ошибка в сумме платёжки'],
    ]);
  });

  it('keeps per-member lines of a remittance, linked to the member when the IIN is known', async () => {
    const reg = await freshRegister();
    await addOrg(reg, 'P001');
    await admit(reg, '850525446560');
    const r = await call(reg, 'dues.record', {
      orgCode: 'P001',
      month: '2025-01',
      received: '5 500',
      lines: [
        { iin: '850525446560', fullName: 'Жұмабаева Сәуле', salary: '350 000', withheld: '3 500' },
        { iin: '900125389604', salary: 200000, withheld: 2000 },
      ],
    });
    expect(r.lines).toBe(2);
    const lines = await reg.db('dues_lines').orderBy('withheld_tiyn', 'desc');
    expect(lines.map((l) => [l.iin, l.withheld_tiyn, l.member_id !== null])).toEqual([
      ['850525446560', 350000, true],
      ['900125389604', 200000, false],
    ]);
    await expect(
      call(reg, 'dues.record', {
        orgCode: 'P001',
        month: '2025-02',
        received: '1',
        lines: [{ iin: '123', withheld: 1 }],
      }),
    ).rejects.toMatchObject({
      code: 'member.invalid_iin',
      details: [expect.objectContaining({ row: 1, column: 'iin' })],
    });
    expect(await count(reg, 'dues_remittances')).toBe(1);
  });
});
