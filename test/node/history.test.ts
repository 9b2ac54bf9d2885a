import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { closeRegister } from '../../electron/core/db/init.ts';
import { makeIin } from '../../electron/core/ids/iin.ts';
import { call } from '../../electron/core/service.ts';
import { describeChange } from '../../electron/shared/history.ts';
import { addOrg, admit, freshRegister } from './helpers.ts';

const IIN = '850525446560';
const ROOT = path.resolve(import.meta.dirname, '../..');

describe('the history of changes', () => {
  it('a member’s history: who, when, field before → after, and the reason', async () => {
    const reg = await freshRegister();
    reg.actor = 'buh.aigul';
    await addOrg(reg);
    await admit(reg, IIN, 'P001', { phone: '+7 701 111 11 11' });
    await call(reg, 'members.correct', { iin: IIN, surname: 'Жумабаева', phone: '', reason: 'по паспорту' });
    const male = makeIin('1985-05-25', 'male', 7);
    await call(reg, 'members.correct', { iin: IIN, newIin: male, reason: 'опечатка в ИИН' });
    await call(reg, 'members.annul', { iin: male, reason: 'принята по ошибке' });
    const history = await call(reg, 'history.record', { kind: 'member', key: male });
    expect(history.map((e) => [e.action, e.reason, e.actor])).toEqual([
      ['update', 'принята по ошибке', 'buh.aigul'], // status → annulled
      ['annulled', 'принята по ошибке', 'buh.aigul'],
      ['corrected', 'опечатка в ИИН', 'buh.aigul'],
      ['update', 'опечатка в ИИН', 'buh.aigul'],
      ['corrected', 'по паспорту', 'buh.aigul'],
      ['update', 'по паспорту', 'buh.aigul'],
      ['admitted', null, 'buh.aigul'],
      ['create', null, 'buh.aigul'],
    ]);
    expect(history.every((e) => e.kind === 'member' && e.record.startsWith(male))).toBe(true);
    const surname = history[5]!.changes.map((c) => describeChange(c, 'ru'));
    expect(surname).toEqual(['Фамилия: Жұмабаева → Жумабаева', 'Телефон: +7 701 111 11 11 → —']);
    expect(history[3]!.changes.map((c) => describeChange(c, 'kk'))).toEqual([
      `ЖСН: ${IIN} → ${male}`,
      'Жынысы: әйел → ер',
    ]);
    expect(history[0]!.changes.map((c) => describeChange(c, 'en'))).toEqual([
      'Status: active → record annulled',
    ]);
    // the old IIN still finds her
    expect((await call(reg, 'history.record', { kind: 'member', key: IIN })).length).toBe(history.length);
    // the admission's own facts
    expect(history[6]!.changes.map((c) => describeChange(c, 'ru'))).toContain('ППО: P001');
  });

  it('a remittance’s history includes its lines, and stays readable after it is deleted', async () => {
    const reg = await freshRegister();
    await addOrg(reg);
    const r = await call(reg, 'dues.record', {
      orgCode: 'P001',
      month: '2025-02',
      received: '3 500',
      docNo: 'ПП-3',
      lines: [{ iin: IIN, fullName: 'Жұмабаева Сәуле', withheld: '3 500' }],
    });
    await call(reg, 'dues.update', { id: r.id, received: '3 600', reason: 'по выписке банка' });
    const [line] = await call(reg, 'dues.lines', { remittanceId: r.id });
    await call(reg, 'dues.updateLine', { id: line!.id, withheld: '3 600', reason: 'по ведомости' });
    await call(reg, 'dues.delete', { id: r.id, reason: 'дубль' });
    const history = await call(reg, 'history.record', { kind: 'remittance', key: r.id });
    expect(history.map((e) => [e.record, e.action, e.reason])).toEqual([
      ['P001 · 2025-02 · ПП-3', 'delete', 'дубль'],
      [`P001 · 2025-02 · ПП-3 · ${IIN}`, 'delete', 'дубль'],
      [`P001 · 2025-02 · ПП-3 · ${IIN}`, 'update', 'по ведомости'],
      ['P001 · 2025-02 · ПП-3', 'update', 'по выписке банка'],
      [`P001 · 2025-02 · ПП-3 · ${IIN}`, 'create', null],
      ['P001 · 2025-02 · ПП-3', 'create', null],
    ]);
    expect(history[3]!.changes.map((c) => describeChange(c, 'ru'))).toEqual([
      'Поступило: 3 500,00 → 3 600,00',
    ]);
  });

  it('a removed appeal’s history is found by its number; the journal filters by date, kind and record', async () => {
    const reg = await freshRegister();
    await addOrg(reg);
    await admit(reg, IIN);
    const a = await call(reg, 'appeals.add', {
      receivedOn: '2025-01-10',
      channel: 'phone',
      applicant: 'Заявитель',
      category: 'wages',
    });
    await call(reg, 'appeals.remove', { year: 2025, regNo: a.regNo, reason: 'дубль' });
    const appeal = await call(reg, 'history.record', { kind: 'appeal', key: a.regNo });
    expect(appeal.map((e) => [e.record, e.action, e.reason])).toEqual([
      ['2025/001', 'delete', 'дубль'],
      ['2025/001', 'create', null],
    ]);
    const all = await call(reg, 'history.journal', {});
    expect(all.total).toBe(all.rows.length);
    expect(new Set(all.rows.map((e) => e.kind))).toEqual(new Set(['org', 'member', 'appeal', 'rate']));
    expect((await call(reg, 'history.journal', { kind: 'appeal' })).total).toBe(2);
    expect((await call(reg, 'history.journal', { record: 'P001' })).rows.map((e) => e.kind)).toEqual(['org']);
    expect((await call(reg, 'history.journal', { record: IIN })).total).toBe(2);
    expect((await call(reg, 'history.journal', { since: '01.01.2000' })).total).toBe(all.total);
    expect((await call(reg, 'history.journal', { since: '2090-01-01' })).total).toBe(0);
    expect((await call(reg, 'history.journal', { until: '1999-12-31' })).total).toBe(0);
    const page = await call(reg, 'history.journal', { limit: 2, offset: 1 });
    expect(page.rows.map((e) => e.id)).toEqual(all.rows.slice(1, 3).map((e) => e.id));
    await expect(call(reg, 'history.record', { kind: 'appeal', key: '2025/099' })).rejects.toMatchObject({
      code: 'appeal.not_found',
    });
  });

  it('the CLI prints a record’s history and the journal since a date', async () => {
    const reg = await freshRegister();
    await addOrg(reg);
    await admit(reg, IIN);
    await call(reg, 'members.correct', { iin: IIN, surname: 'Жумабаева', reason: 'по паспорту' });
    await closeRegister(reg);
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'electron/cli/main.ts'), ...args], {
        cwd: ROOT,
        encoding: 'utf8',
      });
    const text = cli('history', '--db', reg.file, '--entity', 'member', '--key', IIN);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('Фамилия: Жұмабаева → Жумабаева');
    expect(text.stdout).toContain('Причина: по паспорту');
    expect(text.stdout).toMatch(/\d\d\.\d\d\.\d{4} \d\d:\d\d {2}\S+ {2}член профсоюза 850525446560/);
    const json = cli('history', '--db', reg.file, '--since', '2000-01-01', '--json');
    expect(json.status).toBe(0);
    const out = JSON.parse(json.stdout) as { total: number; rows: Array<{ kind: string }> };
    expect(out.rows.map((r) => r.kind)).toContain('org');
    expect(out.total).toBe(out.rows.length);
    const bad = cli('history', '--db', reg.file, '--entity', 'person', '--key', IIN);
    expect(bad.status).toBe(1);
  });
});
