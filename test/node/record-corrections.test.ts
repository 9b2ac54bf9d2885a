import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/service.ts';
import { addOrg, admit, count, freshRegister } from './helpers.ts';

const appeal = {
  receivedOn: '2025-01-10',
  channel: 'phone',
  applicant: 'Әбдірахманова Г.С.',
  category: 'wages',
};

describe('appeals: edit, reopen, remove', () => {
  it('edits any field of an open appeal and refuses a closed one until it is reopened with a reason', async () => {
    const reg = await freshRegister();
    await addOrg(reg);
    const a = await call(reg, 'appeals.add', appeal);
    const edited = await call(reg, 'appeals.update', {
      year: 2025,
      regNo: a.regNo,
      applicant: 'Әбдірахманова Гүлнар',
      category: 'legal',
      orgCode: 'P001',
      summary: 'перерасчёт',
      reason: 'фамилия записана с ошибкой',
    });
    expect(edited).toMatchObject({ applicant: 'Әбдірахманова Гүлнар', category: 'legal', orgCode: 'P001' });
    await call(reg, 'appeals.close', {
      year: 2025,
      regNo: a.regNo,
      closedOn: '2025-01-20',
      outcome: 'Разъяснено',
    });
    await expect(
      call(reg, 'appeals.update', { year: 2025, regNo: a.regNo, applicant: 'Х' }),
    ).rejects.toMatchObject({ code: 'appeal.closed_edit' });
    const before = await call(reg, 'reports.appeals', { year: 2025 });
    expect(before.total).toMatchObject({ total: 1, closed: 1 });
    const reopened = await call(reg, 'appeals.reopen', {
      year: 2025,
      regNo: a.regNo,
      reason: 'закрыто преждевременно',
    });
    expect(reopened).toMatchObject({ status: 'in_progress', closedOn: null, outcome: 'Разъяснено' });
    expect((await call(reg, 'reports.appeals', { year: 2025 })).total).toMatchObject({ total: 1, closed: 0 });
    await expect(
      call(reg, 'appeals.reopen', { year: 2025, regNo: a.regNo, reason: 'ещё раз' }),
    ).rejects.toMatchObject({ code: 'appeal.not_closed' });
    const audit = await reg.db('audit_log').where({ entity: 'appeals', entity_id: a.id }).orderBy('id');
    expect(audit.map((e) => [e.action, e.reason])).toEqual([
      ['create', null],
      ['update', 'фамилия записана с ошибкой'],
      ['update', null],
      ['update', 'закрыто преждевременно'],
    ]);
  });

  it('removes an appeal registered by mistake: kept, counted nowhere, its number never given again', async () => {
    const reg = await freshRegister();
    const a = await call(reg, 'appeals.add', appeal);
    const b = await call(reg, 'appeals.add', { ...appeal, onControl: true });
    expect((await call(reg, 'reports.appeals', { year: 2025 })).total).toMatchObject({
      total: 2,
      onControl: 1,
    });
    const removed = await call(reg, 'appeals.remove', {
      year: 2025,
      regNo: b.regNo,
      reason: 'зарегистрировано дважды',
    });
    expect(removed).toMatchObject({ removed: '2025/002', year: 2025 });
    expect((await call(reg, 'appeals.list', { year: 2025 })).map((x) => x.regNo)).toEqual([a.regNo]);
    expect((await call(reg, 'reports.appeals', { year: 2025 })).total).toMatchObject({
      total: 1,
      onControl: 0,
    });
    expect((await call(reg, 'exchange.exportPreview', { quarter: '2025Q1' })).summaries.appeals).toBe(1);
    expect((await call(reg, 'appeals.add', appeal)).regNo).toBe('2025/003');
    await expect(call(reg, 'appeals.add', { ...appeal, regNo: '2025/002' })).rejects.toMatchObject({
      code: 'appeal.number_removed',
    });
    const kept = await reg.db('removed_records').where({ entity: 'appeals' }).first();
    expect(kept).toMatchObject({ record_id: b.id, reason: 'зарегистрировано дважды' });
    expect(JSON.parse(kept.data)).toMatchObject({ reg_no: '2025/002', applicant: appeal.applicant });
    const deleted = await reg
      .db('audit_log')
      .where({ entity: 'appeals', entity_id: b.id, action: 'delete' })
      .first();
    expect(deleted.reason).toBe('зарегистрировано дважды');
    await expect(reg.db('removed_records').delete()).rejects.toThrow(/append-only/);
  });
});

describe('remittances: edit, delete with undo, and the same for lines', () => {
  it('edits date, document, amounts and note in an open quarter; the report follows', async () => {
    const reg = await freshRegister('2025-04-15');
    await addOrg(reg);
    const r = await call(reg, 'dues.record', {
      orgCode: 'P001',
      month: '2025-03',
      payroll: '1 000 000',
      received: '1 000',
      docNo: 'ПП-1',
    });
    await call(reg, 'dues.record', { orgCode: 'P001', month: '2025-03', received: '5', docNo: 'ПП-2' });
    const before = await call(reg, 'reports.dues', { year: 2025, quarter: 1 });
    expect(before.total.receivedTiyn).toBe(100500);
    const edited = await call(reg, 'dues.update', {
      id: r.id,
      received: '10 000,50',
      receivedOn: '12.04.2025',
      docNo: 'ПП-15',
      note: 'сумма по выписке',
      reason: 'опечатка в сумме',
    });
    expect(edited).toMatchObject({ receivedTiyn: 1000050, receivedOn: '2025-04-12', docNo: 'ПП-15' });
    const after = await call(reg, 'reports.dues', { year: 2025, quarter: 1 });
    expect(after.total.receivedTiyn).toBe(1000550);
    expect(after.total.completeness).toBe(1.0006); // 10 005,50 ₸ of 1 % × 1 000 000 ₸
    await expect(call(reg, 'dues.update', { id: r.id, docNo: 'ПП-2' })).rejects.toMatchObject({
      code: 'dues.duplicate_document',
    });
    await expect(call(reg, 'dues.update', { id: r.id, docNo: 'ПП-15' })).rejects.toMatchObject({
      code: 'dues.nothing_to_change',
    });
    await call(reg, 'quarters.close', { quarter: '2025Q1' });
    await expect(call(reg, 'dues.update', { id: r.id, note: 'x' })).rejects.toMatchObject({
      code: 'dues.quarter_closed',
    });
    const audit = await reg
      .db('audit_log')
      .where({ entity: 'dues_remittances', entity_id: r.id, action: 'update' });
    expect(audit).toHaveLength(1);
    expect(audit[0].reason).toBe('опечатка в сумме');
    expect(JSON.parse(audit[0].changes).received_tiyn).toEqual([100000, 1000050]);
  });

  it('a deleted remittance comes back with its lines and its id on «Отменить», once', async () => {
    const reg = await freshRegister('2025-03-15');
    await addOrg(reg);
    await admit(reg, '850525446560');
    const r = await call(reg, 'dues.record', {
      orgCode: 'P001',
      month: '2025-01',
      received: '3 500',
      docNo: 'ПП-7',
      lines: [{ iin: '850525446560', fullName: 'Жұмабаева Сәуле', salary: '350 000', withheld: '3 500' }],
    });
    const received = async () =>
      (await call(reg, 'reports.dues', { year: 2025, quarter: 1 })).total.receivedTiyn;
    expect(await received()).toBe(350000);
    const { removalId } = await call(reg, 'dues.delete', { id: r.id, reason: 'не тот месяц' });
    expect(await received()).toBe(0);
    expect(await count(reg, 'dues_lines')).toBe(0);
    await call(reg, 'dues.restore', { removalId });
    expect(await received()).toBe(350000);
    const back = (await call(reg, 'dues.list', { year: 2025 }))[0]!;
    expect(back).toMatchObject({ id: r.id, docNo: 'ПП-7', lines: 1 });
    expect((await call(reg, 'dues.lines', { remittanceId: r.id }))[0]).toMatchObject({
      fullName: 'Жұмабаева Сәуле',
      withheldTiyn: 350000,
    });
    await expect(call(reg, 'dues.restore', { removalId })).rejects.toMatchObject({
      code: 'removed.already_restored',
    });
    const trail = await reg
      .db('audit_log')
      .where({ entity: 'dues_remittances', entity_id: r.id })
      .orderBy('id');
    expect(trail.map((e) => [e.action, e.reason])).toEqual([
      ['create', null],
      ['delete', 'не тот месяц'],
      ['create', null],
    ]);
  });

  it('edits, deletes and restores one payroll line of a remittance', async () => {
    // after the quarter, so that it can be closed at the end
    const reg = await freshRegister('2025-04-15');
    await addOrg(reg);
    const r = await call(reg, 'dues.record', {
      orgCode: 'P001',
      month: '2025-02',
      received: '5 500',
      lines: [
        { iin: '850525446560', fullName: 'Жұмабаева Сәуле', salary: '350 000', withheld: '3 500' },
        { iin: '900125389604', fullName: 'Ахметов Ерлан', salary: '200 000', withheld: '2 000' },
      ],
    });
    const lines = await call(reg, 'dues.lines', { remittanceId: r.id });
    expect(lines.map((l) => l.fullName)).toEqual(['Ахметов Ерлан', 'Жұмабаева Сәуле']);
    const [ahmetov, zhumabaeva] = lines;
    const fixed = await call(reg, 'dues.updateLine', {
      id: ahmetov!.id,
      withheld: '2 500',
      reason: 'по ведомости',
    });
    expect(fixed.withheldTiyn).toBe(250000);
    const { removalId } = await call(reg, 'dues.deleteLine', { id: zhumabaeva!.id, reason: 'не член ППО' });
    expect((await call(reg, 'dues.lines', { remittanceId: r.id })).map((l) => l.iin)).toEqual([
      '900125389604',
    ]);
    await call(reg, 'dues.restore', { removalId });
    expect(
      (await call(reg, 'dues.lines', { remittanceId: r.id })).map((l) => [l.id, l.withheldTiyn]),
    ).toEqual([
      [ahmetov!.id, 250000],
      [zhumabaeva!.id, 350000],
    ]);
    await call(reg, 'quarters.close', { quarter: '2025Q1' });
    await expect(call(reg, 'dues.deleteLine', { id: zhumabaeva!.id })).rejects.toMatchObject({
      code: 'dues.quarter_closed',
    });
  });
});

describe('rates and PPOs', () => {
  const rate = {
    ratePercent: '1',
    sharePpoPercent: '60',
    shareBranchPercent: '30',
    shareCentralPercent: '10',
  };

  it('changes or deletes a rate still to come; one in force is only replaced by a newer one', async () => {
    const reg = await freshRegister('2025-03-15');
    await call(reg, 'rates.set', { ...rate, validFrom: '2025-07-01' });
    await call(reg, 'rates.set', {
      ...rate,
      validFrom: '2025-07-01',
      ratePercent: '1,5',
      reason: 'решение пленума',
    });
    expect((await call(reg, 'rates.list', {})).map((r) => [r.validFrom, r.rateBp])).toEqual([
      ['2000-01-01', 100],
      ['2025-07-01', 150],
    ]);
    await expect(
      call(reg, 'rates.set', { ...rate, validFrom: '2000-01-01', ratePercent: '2' }),
    ).rejects.toMatchObject({ code: 'rate.in_force', messageRu: expect.stringContaining('01.01.2000') });
    await expect(call(reg, 'rates.delete', { validFrom: '2000-01-01' })).rejects.toMatchObject({
      code: 'rate.in_force',
    });
    await expect(call(reg, 'rates.delete', { validFrom: '2025-08-01' })).rejects.toMatchObject({
      code: 'rate.not_found',
    });
    await call(reg, 'rates.delete', { validFrom: '01.07.2025', reason: 'решение отменено' });
    expect((await call(reg, 'rates.list', {})).map((r) => r.validFrom)).toEqual(['2000-01-01']);
    const trail = await reg.db('audit_log').where({ entity: 'dues_rates' }).orderBy('id');
    expect(trail.map((e) => [e.action, e.reason])).toEqual([
      ['create', null],
      ['create', null],
      ['update', 'решение пленума'],
      ['delete', 'решение отменено'],
    ]);
  });

  it('reopens a closed PPO with a reason', async () => {
    const reg = await freshRegister();
    const org = await addOrg(reg);
    await call(reg, 'orgs.close', { code: 'P001', closedOn: '2025-01-31', reason: 'liquidated' });
    const reopened = await call(reg, 'orgs.reopen', { code: 'P001', reason: 'закрыта по ошибке' });
    expect(reopened).toMatchObject({ status: 'active', closedOn: null, closeReason: null });
    await admit(reg, '850525446560'); // members can be admitted again
    await expect(call(reg, 'orgs.reopen', { code: 'P001', reason: 'x' })).rejects.toMatchObject({
      code: 'org.not_closed',
    });
    const last = await reg
      .db('audit_log')
      .where({ entity: 'orgs', entity_id: org.id })
      .orderBy('id', 'desc')
      .first();
    expect(last).toMatchObject({ action: 'update', reason: 'закрыта по ошибке' });
    expect(JSON.parse(last.changes).status).toEqual(['closed', 'active']);
  });
});
