import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/service.ts';
import { addOrg, admit, count, freshRegister } from './helpers.ts';

const base = {
  receivedOn: '2025-01-10',
  channel: 'phone',
  applicant: 'Әбдірахманова Г.С.',
  category: 'wages',
};

describe('appeals', () => {
  it('numbers appeals per year unless a number is given, and refuses a repeated number', async () => {
    const reg = await freshRegister();
    const a = await call(reg, 'appeals.add', base);
    const b = await call(reg, 'appeals.add', { ...base, receivedOn: '2025-02-01' });
    const c = await call(reg, 'appeals.add', { ...base, receivedOn: '2024-12-30' });
    expect([a.regNo, b.regNo, c.regNo]).toEqual(['2025/001', '2025/002', '2024/001']);
    await call(reg, 'appeals.add', { ...base, regNo: '2025/010' });
    expect((await call(reg, 'appeals.add', base)).regNo).toBe('2025/011');
    await expect(call(reg, 'appeals.add', { ...base, regNo: '2025/010' })).rejects.toMatchObject({
      code: 'appeal.duplicate_reg_no',
    });
  });

  it('accepts Russian labels for category and channel', async () => {
    const reg = await freshRegister();
    const a = await call(reg, 'appeals.add', {
      ...base,
      category: 'По вопросам оплаты труда',
      channel: 'электронная почта',
    });
    const b = await call(reg, 'appeals.add', {
      ...base,
      category: 'Санаторно-курортное обслуживание и отдых',
      channel: 'WhatsApp',
    });
    expect([a.category, a.channel, b.category, b.channel]).toEqual([
      'wages',
      'email',
      'recreation',
      'messenger',
    ]);
    await expect(call(reg, 'appeals.add', { ...base, category: 'погода' })).rejects.toMatchObject({
      code: 'input.invalid',
      messageRu: expect.stringContaining('category'),
    });
  });

  it('closes with a date not before receipt, and records the economic effect in tiyn', async () => {
    const reg = await freshRegister();
    const a = await call(reg, 'appeals.add', base);
    await expect(
      call(reg, 'appeals.close', { year: 2025, regNo: a.regNo, closedOn: '2025-01-09' }),
    ).rejects.toMatchObject({
      code: 'appeal.closed_before_received',
      messageRu: expect.stringContaining('раньше даты поступления'),
    });
    expect((await call(reg, 'appeals.list', { status: 'closed' })).length).toBe(0);
    const closed = await call(reg, 'appeals.close', {
      year: 2025,
      regNo: a.regNo,
      closedOn: '2025-01-10',
      outcome: 'Надбавка выплачена',
      economicEffect: '12 345,67',
    });
    expect(closed).toMatchObject({ status: 'closed', closedOn: '2025-01-10', economicEffectTiyn: 1234567 });
  });

  it('is due 30 days after receipt by default (a setting) and lists overdue open appeals', async () => {
    const reg = await freshRegister('2025-03-15');
    const a = await call(reg, 'appeals.add', { ...base, receivedOn: '2025-02-01' });
    expect(a.dueOn).toBe('2025-03-03');
    await call(reg, 'settings.update', {
      appealDueDays: 10,
      branchCode: 'AST',
      branchName: 'Филиал г. Астана',
    });
    expect(await call(reg, 'register.info', {})).toMatchObject({
      branchCode: 'AST',
      branchName: 'Филиал г. Астана',
      appealDueDays: 10,
    });
    await expect(call(reg, 'settings.update', { branchCode: 'ast' })).rejects.toMatchObject({
      code: 'input.invalid',
      messageRu: expect.stringContaining('branchCode'),
    });
    const b = await call(reg, 'appeals.add', { ...base, receivedOn: '2025-03-01' });
    expect(b.dueOn).toBe('2025-03-11');
    const c = await call(reg, 'appeals.add', { ...base, receivedOn: '2025-03-10', onControl: true });
    expect((await call(reg, 'reports.overdue', {})).map((x) => x.regNo)).toEqual([a.regNo, b.regNo]);
    await call(reg, 'appeals.close', { year: 2025, regNo: a.regNo, closedOn: '2025-03-14' });
    expect((await call(reg, 'appeals.list', { overdue: true })).map((x) => x.regNo)).toEqual([b.regNo]);
    expect((await call(reg, 'appeals.list', { onControl: true })).map((x) => x.regNo)).toEqual([c.regNo]);
    expect((await call(reg, 'appeals.list', { open: true })).map((x) => x.regNo)).toEqual([b.regNo, c.regNo]);
  });

  it('links a member and a PPO, and summarises legal help (МедАдвокат)', async () => {
    const reg = await freshRegister();
    await addOrg(reg);
    await admit(reg, '850525446560');
    await call(reg, 'appeals.add', {
      ...base,
      category: 'legal',
      memberIin: '850525446560',
      orgCode: 'P001',
      legalKind: 'labour',
      legalSum: '150 000',
    });
    await call(reg, 'appeals.add', {
      ...base,
      category: 'legal',
      memberIin: '850525446560',
      legalKind: 'criminal',
      legalSum: 200000,
    });
    await expect(call(reg, 'appeals.add', { ...base, memberIin: '900125389604' })).rejects.toMatchObject({
      code: 'appeal.member_not_found',
    });
    expect(await count(reg, 'appeals')).toBe(2);
    expect((await call(reg, 'appeals.list', { orgCode: 'P001' })).map((a) => a.legalKind)).toEqual([
      'labour',
    ]);
    const legal = await call(reg, 'reports.legal', { year: 2025 });
    expect(legal.total).toEqual({ cases: 2, closed: 0, allocatedTiyn: 35000000, membersHelped: 1 });
    expect(legal.rows.find((r) => r.kind === 'labour')).toEqual({
      kind: 'labour',
      cases: 1,
      closed: 0,
      allocatedTiyn: 15000000,
    });
  });

  it('reports by channel and by month', async () => {
    const reg = await freshRegister();
    await call(reg, 'appeals.add', base);
    await call(reg, 'appeals.add', { ...base, channel: 'written', receivedOn: '2025-02-03' });
    const byChannel = await call(reg, 'reports.appealsByChannel', { year: 2025 });
    expect(byChannel.rows.filter((r) => r.total > 0)).toEqual([
      { channel: 'written', total: 1 },
      { channel: 'phone', total: 1 },
    ]);
    const byMonth = await call(reg, 'reports.appealsByMonth', { year: 2025 });
    expect(byMonth.rows.slice(0, 3).map((r) => r.total)).toEqual([1, 1, 0]);
  });
});
