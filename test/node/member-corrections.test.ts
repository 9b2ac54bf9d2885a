import { describe, expect, it } from 'vitest';
import { makeIin } from '../../electron/core/ids/iin.ts';
import { call } from '../../electron/core/service.ts';
import { addOrg, admit, count, freshRegister } from './helpers.ts';

const IIN = '850525446560';
const DECISION = { body: 'профком', number: '9', date: '2024-06-05' };

async function membership(reg: Awaited<ReturnType<typeof freshRegister>>, date = '2025-03-15') {
  const r = await call(reg, 'reports.membership', { date });
  return {
    total: r.total.members,
    perOrg: Object.fromEntries(r.rows.map((x) => [x.org, x.members])),
    admitted: r.movement.reduce((s, m) => s + m.admitted, 0),
    exited: r.movement.reduce((s, m) => s + m.exited, 0),
  };
}

describe('correcting a member’s data', () => {
  it('puts surname, names, position, category, card and phone right with the reason in the history', async () => {
    const reg = await freshRegister();
    reg.actor = 'Бухгалтер Айгуль';
    await addOrg(reg);
    const m = await admit(reg, IIN, 'P001', { phone: '+7 701 000 00 00', position: 'медсестра' });
    const fixed = await call(reg, 'members.correct', {
      iin: IIN,
      surname: 'Жумабаева',
      givenName: 'Сауле',
      patronymic: 'Ержановна',
      category: 'physician',
      position: 'врач-терапевт',
      cardNo: '204100',
      phone: '',
      reason: 'ошибка при вводе, по паспорту',
    });
    expect(fixed).toMatchObject({
      surname: 'Жумабаева',
      givenName: 'Сауле',
      patronymic: 'Ержановна',
      category: 'physician',
      position: 'врач-терапевт',
      cardNo: '204100',
      phone: null,
    });
    const audit = await reg.db('audit_log').where({ entity: 'members', entity_id: m.id, action: 'update' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'Бухгалтер Айгуль', reason: 'ошибка при вводе, по паспорту' });
    expect(JSON.parse(audit[0].changes)).toMatchObject({
      surname: ['Жұмабаева', 'Жумабаева'],
      phone: ['+7 701 000 00 00', null],
      category: ['nursing', 'physician'],
    });
    // the member list finds her under the corrected name
    expect((await call(reg, 'members.list', { search: 'жумабаева' })).total).toBe(1);
  });

  it('an IIN correction re-runs every IIN check and takes birth date and sex from the new IIN', async () => {
    const reg = await freshRegister();
    await addOrg(reg);
    const other = makeIin('1990-01-02', 'female', 1);
    await admit(reg, IIN);
    await admit(reg, other, 'P001', { surname: 'Ахметова' });
    const male = makeIin('1979-11-30', 'male', 4);
    await expect(
      call(reg, 'members.correct', { iin: IIN, newIin: '850525446561', reason: 'опечатка' }),
    ).rejects.toMatchObject({ code: 'member.invalid_iin' });
    await expect(
      call(reg, 'members.correct', { iin: IIN, newIin: other, reason: 'опечатка' }),
    ).rejects.toMatchObject({ code: 'member.iin_taken', messageRu: expect.stringContaining('Ахметова') });
    const fixed = await call(reg, 'members.correct', { iin: IIN, newIin: male, reason: 'опечатка в ИИН' });
    expect(fixed).toMatchObject({ iin: male, birthDate: '1979-11-30', sex: 'male' });
    await expect(call(reg, 'members.get', { iin: IIN })).rejects.toMatchObject({ code: 'member.not_found' });
    expect((await call(reg, 'members.get', { iin: male })).history.map((e) => e.kind)).toEqual([
      'admitted',
      'corrected',
    ]);
  });

  it('refuses a correction that changes nothing, and one without a reason', async () => {
    const reg = await freshRegister();
    await addOrg(reg);
    await admit(reg, IIN);
    const audited = await count(reg, 'audit_log');
    await expect(
      call(reg, 'members.correct', { iin: IIN, surname: 'Жұмабаева', reason: 'проверка' }),
    ).rejects.toMatchObject({ code: 'member.nothing_to_correct' });
    await expect(call(reg, 'members.correct', { iin: IIN, surname: 'Х', reason: ' ' })).rejects.toMatchObject(
      {
        code: 'input.invalid',
      },
    );
    expect(await count(reg, 'audit_log')).toBe(audited);
    expect((await call(reg, 'members.get', { iin: IIN })).surname).toBe('Жұмабаева');
  });
});

describe('annulling the last membership event', () => {
  it('a wrong admission: annulled, the person counts nowhere, and is admitted again with the right date', async () => {
    const reg = await freshRegister();
    await addOrg(reg);
    await admit(reg, IIN, 'P001', {
      admittedOn: '2025-02-20',
      applicationDate: '2025-02-01',
      decision: { ...DECISION, date: '2025-02-10' },
    });
    expect(await membership(reg)).toMatchObject({ total: 1, admitted: 1 });
    const annulled = await call(reg, 'members.annul', { iin: IIN, reason: 'принята по ошибке не в ту дату' });
    expect(annulled.status).toBe('annulled');
    expect(await membership(reg)).toMatchObject({ total: 0, admitted: 0, exited: 0 });
    const series = await call(reg, 'reports.membershipSeries', { months: 3 });
    expect(series.series.map((p) => [p.month, p.members, p.admitted])).toEqual([
      ['2025-01', 0, 0],
      ['2025-02', 0, 0],
      ['2025-03', 0, 0],
    ]);
    expect((await call(reg, 'members.list', { status: 'active' })).total).toBe(0);
    expect((await call(reg, 'orgs.list', {}))[0]!.activeMembers).toBe(0);
    // nothing left to annul: an annulment is never itself annulled
    await expect(call(reg, 'members.annul', { iin: IIN, reason: 'ещё раз' })).rejects.toMatchObject({
      code: 'member.nothing_to_annul',
    });
    // re-entered with the right date, into the same record
    const again = await admit(reg, IIN, 'P001', {
      admittedOn: '2025-01-15',
      applicationDate: '2025-01-05',
      decision: { ...DECISION, date: '2025-01-10' },
    });
    expect(again).toMatchObject({ status: 'active', joinedOn: '2025-01-15' });
    expect(await membership(reg)).toMatchObject({ total: 1, admitted: 1 });
    const card = await call(reg, 'members.get', { iin: IIN });
    expect(card.history.map((e) => [e.kind, e.eventDate, e.annulledBy?.reason ?? null])).toEqual([
      ['admitted', '2025-02-20', 'принята по ошибке не в ту дату'],
      ['annulled', '2025-03-15', null],
      ['admitted', '2025-01-15', null],
    ]);
    // the reason is in the audit trail, with the event
    const entry = await reg.db('audit_log').where({ entity: 'member_events', action: 'annulled' }).first();
    expect(entry.reason).toBe('принята по ошибке не в ту дату');
  });

  it('a wrong exit: annulled, the member is active again and the report counts her', async () => {
    const reg = await freshRegister();
    await addOrg(reg);
    await admit(reg, IIN);
    await call(reg, 'members.exit', {
      iin: IIN,
      reason: 'dismissal',
      decision: DECISION,
      exitedOn: '2024-06-10',
    });
    expect(await membership(reg, '2024-12-31')).toMatchObject({ total: 0, exited: 1 });
    const m = await call(reg, 'members.annul', { iin: IIN, reason: 'приказ об увольнении отменён' });
    expect(m).toMatchObject({ status: 'active', exitedOn: null });
    expect(await membership(reg, '2024-12-31')).toMatchObject({ total: 1, exited: 0 });
    // and the exit can be recorded again, correctly
    await call(reg, 'members.exit', {
      iin: IIN,
      reason: 'dismissal',
      decision: DECISION,
      exitedOn: '2024-07-01',
    });
    expect(await membership(reg, '2024-12-31')).toMatchObject({ total: 0, exited: 1 });
  });

  it('a wrong transfer: both halves annulled, the member is back in the first PPO', async () => {
    const reg = await freshRegister();
    await addOrg(reg);
    await addOrg(reg, 'P002');
    await admit(reg, IIN);
    await call(reg, 'members.transfer', { iin: IIN, toOrgCode: 'P002', transferredOn: '2024-09-01' });
    expect((await membership(reg)).perOrg).toMatchObject({ P001: 0, P002: 1 });
    const m = await call(reg, 'members.annul', { iin: IIN, reason: 'перевод оформлен ошибочно' });
    expect(m.orgCode).toBe('P001');
    expect((await membership(reg)).perOrg).toMatchObject({ P001: 1, P002: 0 });
    const history = (await call(reg, 'members.get', { iin: IIN })).history;
    expect(history.filter((e) => e.kind === 'annulled')).toHaveLength(2);
    expect(history.filter((e) => e.annulledBy).map((e) => e.kind)).toEqual([
      'transferred_out',
      'transferred_in',
    ]);
    // the previous event is the last one again: the next annulment takes the admission
    expect((await call(reg, 'members.annul', { iin: IIN, reason: 'не принималась' })).status).toBe(
      'annulled',
    );
  });

  it('refuses to put a member back into a closed PPO', async () => {
    const reg = await freshRegister();
    await addOrg(reg);
    await addOrg(reg, 'P002');
    await admit(reg, IIN);
    await call(reg, 'members.transfer', { iin: IIN, toOrgCode: 'P002', transferredOn: '2024-09-01' });
    await call(reg, 'orgs.close', { code: 'P001', closedOn: '2024-10-01', reason: 'liquidated' });
    const events = await count(reg, 'member_events');
    await expect(call(reg, 'members.annul', { iin: IIN, reason: 'ошибка' })).rejects.toMatchObject({
      code: 'member.annul_org_closed',
      messageRu: expect.stringContaining('P001'),
    });
    expect(await count(reg, 'member_events')).toBe(events);
  });

  it('keeps the stored status equal to a recomputation, and the quarter’s package summary follows', async () => {
    const reg = await freshRegister();
    await addOrg(reg);
    for (let i = 0; i < 3; i++) await admit(reg, makeIin(`1990-01-0${i + 1}`, 'female', i));
    await call(reg, 'members.annul', { iin: makeIin('1990-01-02', 'female', 1), reason: 'дубль' });
    const preview = await call(reg, 'exchange.exportPreview', { quarter: '2025Q1' });
    expect(preview.summaries.members).toBe(2);
    const stored = await reg.db('members').select('status');
    expect(stored.map((m) => m.status).sort()).toEqual(['active', 'active', 'annulled']);
  });
});
