import { describe, expect, it } from 'vitest';
import { deriveState } from '../../electron/core/members/history.ts';
import { makeIin } from '../../electron/core/ids/iin.ts';
import { call } from '../../electron/core/service.ts';
import { DECISION, addOrg, admit, count, freshRegister } from './helpers.ts';

const IIN = '850525446560';

describe('admission', () => {
  it('admits one person on an application and a decision, deriving birth date and sex from the IIN', async () => {
    const reg = await freshRegister();
    await addOrg(reg);
    const m = await admit(reg, IIN, 'P001', { admittedOn: '2024-02-12' });
    expect(m).toMatchObject({
      status: 'active',
      orgCode: 'P001',
      birthDate: '1985-05-25',
      sex: 'female',
      joinedOn: '2024-02-12',
    });
    const card = await call(reg, 'members.get', { iin: IIN });
    expect(card.history).toEqual([
      expect.objectContaining({
        kind: 'admitted',
        orgCode: 'P001',
        applicationDate: '2024-02-01',
        decisionBody: 'профком',
        decisionNo: '7',
        decisionDate: '2024-02-10',
      }),
    ]);
  });

  it.each([
    [{ iin: '850525446561' }, 'member.invalid_iin', 'контрольным разрядом'],
    [{ birthDate: '1985-05-26' }, 'member.iin_birth_date_mismatch', 'дате рождения 25.05.1985'],
    [{ sex: 'male' }, 'member.iin_sex_mismatch', 'другой пол'],
    [
      { decision: { ...DECISION, date: '2024-01-01' } },
      'member.decision_before_application',
      'раньше даты заявления',
    ],
    [{ orgCode: 'NOPE' }, 'org.not_found', 'Нет ППО с кодом NOPE'],
  ])('refuses %j and writes nothing', async (extra, code, ru) => {
    const reg = await freshRegister();
    await addOrg(reg);
    await expect(admit(reg, (extra as { iin?: string }).iin ?? IIN, 'P001', extra)).rejects.toMatchObject({
      code,
      messageRu: expect.stringContaining(ru),
    });
    expect(await count(reg, 'members')).toBe(0);
    expect(await count(reg, 'member_events')).toBe(0);
  });

  it('refuses an admission without the decision', async () => {
    const reg = await freshRegister();
    await addOrg(reg);
    await expect(admit(reg, IIN, 'P001', { decision: undefined })).rejects.toMatchObject({
      code: 'input.invalid',
      messageRu: expect.stringContaining('decision'),
    });
    await expect(admit(reg, IIN, 'P001', { applicationDate: undefined })).rejects.toMatchObject({
      code: 'input.invalid',
    });
    expect(await count(reg, 'members')).toBe(0);
  });

  it('refuses an IIN already active in the branch, and readmits a person who left into the same record', async () => {
    const reg = await freshRegister();
    await addOrg(reg);
    await addOrg(reg, 'P002');
    await admit(reg, IIN);
    await expect(admit(reg, IIN, 'P002')).rejects.toMatchObject({
      code: 'member.already_active',
      messageRu: expect.stringContaining('ППО P001'),
    });
    await call(reg, 'members.exit', {
      iin: IIN,
      reason: 'own_will',
      applicationDate: '2024-05-01',
      decision: { body: 'профком', number: '9', date: '2024-05-03' },
    });
    const back = await admit(reg, IIN, 'P002', {
      applicationDate: '2024-09-01',
      decision: { body: 'профком', number: '12', date: '2024-09-05' },
    });
    expect(back).toMatchObject({ status: 'active', orgCode: 'P002', joinedOn: '2024-09-05', exitedOn: null });
    expect(await count(reg, 'members')).toBe(1);
    expect((await call(reg, 'members.get', { iin: IIN })).history.map((e) => e.kind)).toEqual([
      'admitted',
      'exited',
      'admitted',
    ]);
  });

  it('refuses admission into a closed PPO', async () => {
    const reg = await freshRegister();
    await addOrg(reg);
    await call(reg, 'orgs.close', { code: 'P001', closedOn: '2024-01-01', reason: 'liquidated' });
    await expect(admit(reg, IIN)).rejects.toMatchObject({ code: 'org.closed' });
  });
});

describe('exit and transfer', () => {
  it("needs the member's application for an exit of their own will, and a decision", async () => {
    const reg = await freshRegister();
    await addOrg(reg);
    await admit(reg, IIN);
    const decision = { body: 'профком', number: '9', date: '2024-05-03' };
    await expect(call(reg, 'members.exit', { iin: IIN, reason: 'own_will', decision })).rejects.toMatchObject(
      { code: 'member.application_required' },
    );
    await expect(
      call(reg, 'members.exit', { iin: IIN, reason: 'own_will', applicationDate: '2024-05-01' }),
    ).rejects.toMatchObject({ code: 'input.invalid' });
    await expect(
      call(reg, 'members.exit', { iin: IIN, reason: 'moved away', applicationDate: '2024-05-01', decision }),
    ).rejects.toMatchObject({ code: 'input.invalid' });
    await expect(
      call(reg, 'members.exit', { iin: IIN, reason: 'death', decision: { ...decision, date: '2023-01-01' } }),
    ).rejects.toMatchObject({ code: 'member.event_out_of_order', field: 'exitedOn' });
    expect((await call(reg, 'members.get', { iin: IIN })).status).toBe('active');
    const out = await call(reg, 'members.exit', { iin: IIN, reason: 'death', decision });
    expect(out).toMatchObject({ status: 'exited', exitedOn: '2024-05-03' });
    await expect(call(reg, 'members.exit', { iin: IIN, reason: 'death', decision })).rejects.toMatchObject({
      code: 'member.not_active',
    });
  });

  it('records a transfer on both sides and moves the member', async () => {
    const reg = await freshRegister();
    await addOrg(reg);
    await addOrg(reg, 'P002');
    await admit(reg, IIN);
    await expect(
      call(reg, 'members.transfer', { iin: IIN, toOrgCode: 'P001', transferredOn: '2024-06-01' }),
    ).rejects.toMatchObject({ code: 'member.same_org' });
    const moved = await call(reg, 'members.transfer', {
      iin: IIN,
      toOrgCode: 'P002',
      transferredOn: '2024-06-01',
    });
    expect(moved.orgCode).toBe('P002');
    const history = (await call(reg, 'members.get', { iin: IIN })).history;
    expect(history.slice(1).map((e) => [e.kind, e.orgCode, e.counterpartOrgCode])).toEqual([
      ['transferred_out', 'P001', 'P002'],
      ['transferred_in', 'P002', 'P001'],
    ]);
    // membership on a date before the transfer still counts the member in P001
    const before = await call(reg, 'reports.membership', { date: '2024-05-31' });
    const after = await call(reg, 'reports.membership', { date: '2024-06-01' });
    expect(before.rows.find((r) => r.org === 'P001')?.members).toBe(1);
    expect(after.rows.find((r) => r.org === 'P002')?.members).toBe(1);
    expect(after.rows.find((r) => r.org === 'P001')?.members).toBe(0);
  });

  it('keeps the stored status equal to a recomputation from the history', async () => {
    const reg = await freshRegister();
    await addOrg(reg);
    await addOrg(reg, 'P002');
    for (let i = 0; i < 6; i++) await admit(reg, makeIin('1990-01-0' + (i + 1), 'female', i));
    await call(reg, 'members.transfer', {
      iin: makeIin('1990-01-01', 'female', 0),
      toOrgCode: 'P002',
      transferredOn: '2024-06-01',
    });
    await call(reg, 'members.exit', {
      iin: makeIin('1990-01-02', 'female', 1),
      reason: 'dismissal',
      decision: { body: 'профком', number: '1', date: '2024-07-01' },
    });
    const members = await reg.db('members').select('id', 'status', 'org_id', 'joined_on', 'exited_on');
    for (const m of members) {
      const events = await reg.db('member_events').where({ member_id: m.id });
      const state = deriveState(
        events.map((e) => ({ seq: e.seq, kind: e.kind, orgId: e.org_id, eventDate: e.event_date })),
      );
      expect({ status: m.status, orgId: m.org_id, joinedOn: m.joined_on, exitedOn: m.exited_on }).toEqual(
        state,
      );
    }
    expect(members.filter((m) => m.status === 'exited')).toHaveLength(1);
  });

  it('does not close a PPO that still has members', async () => {
    const reg = await freshRegister();
    await addOrg(reg);
    await addOrg(reg, 'P002');
    await admit(reg, IIN);
    await expect(
      call(reg, 'orgs.close', { code: 'P001', closedOn: '2024-12-31', reason: 'merged', mergedInto: 'P002' }),
    ).rejects.toMatchObject({ code: 'org.has_members' });
    await call(reg, 'members.transfer', { iin: IIN, toOrgCode: 'P002', transferredOn: '2024-12-30' });
    const closed = await call(reg, 'orgs.close', {
      code: 'P001',
      closedOn: '2024-12-31',
      reason: 'merged',
      mergedInto: 'P002',
    });
    expect(closed).toMatchObject({ status: 'closed', closeReason: 'merged' });
    expect(closed.mergedIntoId).toBe((await call(reg, 'orgs.get', { code: 'P002' })).id);
  });

  it('lists members in the alphabet of the UI language and finds them by name, IIN or card', async () => {
    const reg = await freshRegister();
    await addOrg(reg);
    const names = ['Ыбыраева', 'Іздібаева', 'Ибраева', 'Үсенова', 'Ұлықпанова'];
    for (const [i, surname] of names.entries())
      await admit(reg, makeIin('1990-02-0' + (i + 1), 'female', i), 'P001', { surname, cardNo: `C${i}` });
    const kk = await call(reg, 'members.list', { language: 'kk' });
    expect(kk.rows.map((m) => m.surname)).toEqual([
      'Ибраева',
      'Ұлықпанова',
      'Үсенова',
      'Ыбыраева',
      'Іздібаева',
    ]);
    const ru = await call(reg, 'members.list', { language: 'ru' });
    expect(ru.rows.map((m) => m.surname)).toEqual([
      'Ибраева',
      'Іздібаева',
      'Үсенова',
      'Ұлықпанова',
      'Ыбыраева',
    ]);
    expect((await call(reg, 'members.list', { search: 'ібаев' })).rows.map((m) => m.surname)).toEqual([
      'Іздібаева',
    ]);
    expect((await call(reg, 'members.list', { search: 'C3' })).rows.map((m) => m.surname)).toEqual([
      'Үсенова',
    ]);
  });

  it('corrects personal data and reissues a card, each as an event, with the old values in the audit log', async () => {
    const reg = await freshRegister();
    await addOrg(reg);
    const m = await admit(reg, IIN, 'P001', { cardNo: '204100' });
    await call(reg, 'members.correct', {
      iin: IIN,
      surname: 'Жұмабаева-Ким',
      reason: 'смена фамилии, свидетельство о браке',
    });
    await call(reg, 'members.issueCard', { iin: IIN, cardNo: '305001', issuedOn: '2025-01-20' });
    const card = await call(reg, 'members.get', { iin: IIN });
    expect(card).toMatchObject({ surname: 'Жұмабаева-Ким', cardNo: '305001', status: 'active' });
    expect(card.history.map((e) => [e.kind, e.note])).toEqual([
      ['admitted', null],
      ['corrected', 'смена фамилии, свидетельство о браке'],
      ['card_issued', '305001'],
    ]);
    const updates = await reg
      .db('audit_log')
      .where({ entity: 'members', entity_id: m.id, action: 'update' })
      .orderBy('id');
    const changes = updates.map((u) => JSON.parse(u.changes));
    expect(changes).toContainEqual({ surname: ['Жұмабаева', 'Жұмабаева-Ким'] });
    expect(changes).toContainEqual({ card_no: ['204100', '305001'] });
    await expect(call(reg, 'members.correct', { iin: IIN, surname: 'Х' })).rejects.toMatchObject({
      code: 'input.invalid',
      messageRu: expect.stringContaining('reason'),
    });
  });
});
