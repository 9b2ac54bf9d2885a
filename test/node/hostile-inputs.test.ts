import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeRegister, initRegister } from '../../electron/core/db/init.ts';
import { makeIin } from '../../electron/core/ids/iin.ts';
import type { Register } from '../../electron/core/register.ts';
import { call } from '../../electron/core/service.ts';
import type { OperationName } from '../../electron/shared/contract.ts';
import { dumpRegister, refusalOf } from './helpers.ts';

/**
 * Every command's impossible inputs, as a hostile user (or a tired one) types them: each refused with its
 * code and the field it is about, and the register's file — and its write-ahead log — byte for byte the
 * same after as before. The same rules refuse the same values in files (hostile-files.test.ts) and in
 * packages (package-rows.test.ts): they are written once, in electron/core/validation.
 */
const TODAY = '2025-03-15';
const TOMORROW = '2025-03-16';
const MEMBER = makeIin('1985-05-25', 'female', 1);
const EXITED = makeIin('1990-01-25', 'male', 2);
const NEW = makeIin('1992-03-04', 'female', 7);
const DECISION = { body: 'профком', number: '9', date: '2025-03-01' };

const admission = (over: Record<string, unknown> = {}) => ({
  orgCode: 'P001',
  surname: 'Смирнова',
  givenName: 'Анна',
  iin: NEW,
  category: 'physician',
  applicationDate: '2025-02-20',
  decision: DECISION,
  ...over,
});
const exit = (over: Record<string, unknown> = {}) => ({
  iin: MEMBER,
  reason: 'own_will',
  applicationDate: '2025-02-20',
  decision: DECISION,
  ...over,
});
const remittance = (over: Record<string, unknown> = {}) => ({
  orgCode: 'P001',
  month: '2025-02',
  payroll: '1 000 000',
  received: '10 000',
  receivedOn: '2025-03-10',
  docNo: 'ПП-20',
  ...over,
});
const appeal = (over: Record<string, unknown> = {}) => ({
  receivedOn: '2025-02-10',
  channel: 'email',
  applicant: 'Әбдірахманова Г.С.',
  category: 'wages',
  ...over,
});
const closing = (over: Record<string, unknown> = {}) => ({
  year: 2025,
  regNo: '2025/001',
  closedOn: '2025-03-01',
  ...over,
});
const age = (years: number, days = 0) => {
  const d = new Date(`${TODAY}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

interface Case {
  name: string;
  op: OperationName;
  input: Record<string, unknown>;
  code: string;
  /** The contract's field the refusal names, when it is about one. */
  field?: string;
}

const CASES: Case[] = [
  // dates: nothing in the future, events in order, ages
  {
    name: 'an admission decided tomorrow',
    op: 'members.admit',
    input: admission({ decision: { ...DECISION, date: TOMORROW } }),
    code: 'date.in_future',
    field: 'admittedOn',
  },
  {
    name: 'an application dated tomorrow',
    op: 'members.admit',
    input: admission({ applicationDate: TOMORROW, decision: { ...DECISION, date: TODAY } }),
    code: 'date.in_future',
    field: 'applicationDate',
  },
  {
    name: 'a decision before the application',
    op: 'members.admit',
    input: admission({ applicationDate: '2025-03-02' }),
    code: 'member.decision_before_application',
    field: 'decision.date',
  },
  {
    name: 'a 13-year-old',
    op: 'members.admit',
    input: admission({ iin: makeIin(age(13), 'male', 3), category: 'student' }),
    code: 'member.too_young',
    field: 'admittedOn',
  },
  {
    name: 'a 15-year-old without the confirmation',
    op: 'members.admit',
    input: admission({ iin: makeIin(age(15), 'male', 3), category: 'student' }),
    code: 'member.minor_needs_confirmation',
    field: 'admittedOn',
  },
  {
    name: 'an IIN whose birth date is still to come',
    op: 'members.admit',
    input: admission({ iin: makeIin('2025-09-01', 'male', 3) }),
    code: 'member.iin_birth_in_future',
    field: 'iin',
  },
  {
    name: 'a readmission decided before the exit',
    op: 'members.admit',
    input: admission({
      iin: EXITED,
      applicationDate: '2024-05-01',
      decision: { ...DECISION, date: '2024-05-02' },
    }),
    code: 'member.event_out_of_order',
    field: 'admittedOn',
  },
  {
    name: 'an IIN with a wrong check digit',
    op: 'members.admit',
    input: admission({ iin: `${NEW.slice(0, 11)}${(Number(NEW[11]) + 1) % 10}` }),
    code: 'member.invalid_iin',
    field: 'iin',
  },
  {
    name: 'a birth date that the IIN contradicts',
    op: 'members.admit',
    input: admission({ birthDate: '1992-03-05' }),
    code: 'member.iin_birth_date_mismatch',
    field: 'birthDate',
  },
  {
    name: 'the same IIN admitted again while active',
    op: 'members.admit',
    input: admission({ iin: MEMBER }),
    code: 'member.already_active',
  },
  {
    name: 'an admission to a closed PPO',
    op: 'members.admit',
    input: admission({ orgCode: 'P099' }),
    code: 'org.closed',
  },
  {
    name: 'an exit decided tomorrow',
    op: 'members.exit',
    input: exit({ decision: { ...DECISION, date: TOMORROW } }),
    code: 'date.in_future',
    field: 'exitedOn',
  },
  {
    name: 'an exit before the admission',
    op: 'members.exit',
    input: exit({ applicationDate: '2019-12-01', decision: { ...DECISION, date: '2019-12-02' } }),
    code: 'member.event_out_of_order',
    field: 'exitedOn',
  },
  {
    name: 'a transfer before the admission',
    op: 'members.transfer',
    input: { iin: MEMBER, toOrgCode: 'P026', transferredOn: '2019-12-01' },
    code: 'member.event_out_of_order',
    field: 'transferredOn',
  },
  {
    name: 'a transfer tomorrow',
    op: 'members.transfer',
    input: { iin: MEMBER, toOrgCode: 'P026', transferredOn: TOMORROW },
    code: 'date.in_future',
    field: 'transferredOn',
  },
  {
    name: 'a card issued tomorrow',
    op: 'members.issueCard',
    input: { iin: MEMBER, cardNo: '000777', issuedOn: TOMORROW },
    code: 'date.in_future',
    field: 'issuedOn',
  },
  {
    name: 'a remittance received tomorrow',
    op: 'dues.record',
    input: remittance({ receivedOn: TOMORROW }),
    code: 'date.in_future',
    field: 'receivedOn',
  },
  {
    name: 'dues for a month that has not begun',
    op: 'dues.record',
    input: remittance({ month: '2025-04', receivedOn: undefined }),
    code: 'date.month_in_future',
    field: 'month',
  },
  {
    name: 'dues for a month of a closed quarter',
    op: 'dues.record',
    input: remittance({ month: '2024-11' }),
    code: 'dues.quarter_closed',
  },
  {
    name: 'an appeal received tomorrow',
    op: 'appeals.add',
    input: appeal({ receivedOn: TOMORROW }),
    code: 'date.in_future',
    field: 'receivedOn',
  },
  {
    name: 'an appeal closed before it was received',
    op: 'appeals.close',
    input: closing({ closedOn: '2025-01-09' }),
    code: 'appeal.closed_before_received',
    field: 'closedOn',
  },
  {
    name: 'an appeal closed tomorrow',
    op: 'appeals.close',
    input: closing({ closedOn: TOMORROW }),
    code: 'date.in_future',
    field: 'closedOn',
  },
  {
    name: 'closing the quarter that is still running',
    op: 'quarters.close',
    input: { quarter: '2025Q1' },
    code: 'quarter.not_ended',
    field: 'quarter',
  },
  {
    name: 'a PPO closed tomorrow',
    op: 'orgs.close',
    input: { code: 'P026', closedOn: TOMORROW, reason: 'liquidated' },
    code: 'date.in_future',
    field: 'closedOn',
  },
  {
    name: 'a PPO closed while it has members',
    op: 'orgs.close',
    input: { code: 'P001', closedOn: TODAY, reason: 'liquidated' },
    code: 'org.has_members',
  },
  // money: exact tiyn from 0 to 10¹² ₸, written the way people write it
  {
    name: '1e300 ₸',
    op: 'dues.record',
    input: remittance({ received: '1e300' }),
    code: 'money.invalid',
    field: 'received',
  },
  {
    name: 'an exponent (1e3)',
    op: 'dues.record',
    input: remittance({ received: '1e3' }),
    code: 'money.invalid',
    field: 'received',
  },
  {
    name: 'hexadecimal 0x1F',
    op: 'dues.record',
    input: remittance({ received: '0x1F' }),
    code: 'money.invalid',
    field: 'received',
  },
  {
    name: 'NaN',
    op: 'dues.record',
    input: remittance({ received: 'NaN' }),
    code: 'money.invalid',
    field: 'received',
  },
  {
    name: 'Infinity',
    op: 'dues.record',
    input: remittance({ received: 'Infinity' }),
    code: 'money.invalid',
    field: 'received',
  },
  {
    name: 'three decimals',
    op: 'dues.record',
    input: remittance({ received: '10 000,001' }),
    code: 'money.too_many_decimals',
    field: 'received',
  },
  {
    name: 'a negative amount',
    op: 'dues.record',
    input: remittance({ received: '-5' }),
    code: 'money.out_of_range',
    field: 'received',
  },
  {
    name: 'more than 10¹² ₸',
    op: 'dues.record',
    input: remittance({ received: '1 000 000 000 000,01' }),
    code: 'money.out_of_range',
    field: 'received',
  },
  {
    name: 'a JSON number beyond a safe integer of tiyn',
    op: 'dues.record',
    input: remittance({ received: 2 ** 60 }),
    code: 'money.out_of_range',
    field: 'received',
  },
  {
    name: 'an economic effect of 1e300',
    op: 'appeals.close',
    input: closing({ economicEffect: '1e300' }),
    code: 'money.invalid',
    field: 'economicEffect',
  },
  {
    name: 'more than 3 × rate × payroll, unconfirmed',
    op: 'dues.record',
    input: remittance({ received: '30 000,01' }),
    code: 'dues.implausible_payroll',
    field: 'received',
  },
  {
    name: 'more than 10 × the usual month, unconfirmed',
    op: 'dues.record',
    input: remittance({ payroll: undefined, received: '1 000,01' }),
    code: 'dues.implausible_median',
    field: 'received',
  },
  {
    name: 'the same document twice',
    op: 'dues.record',
    input: remittance({ month: '2025-01', docNo: 'ПП-1', received: '100' }),
    code: 'dues.duplicate_document',
  },
  // counts
  {
    name: 'a headcount of two million',
    op: 'orgs.create',
    input: { code: 'P050', name: 'ППО', headcount: 2_000_000 },
    code: 'count.out_of_range',
    field: 'headcount',
  },
  {
    name: 'ten million members covered',
    op: 'dues.record',
    input: remittance({ membersCount: 10_000_000 }),
    code: 'count.out_of_range',
    field: 'membersCount',
  },
  // text
  {
    name: 'a NUL inside a surname',
    op: 'members.admit',
    input: admission({ surname: 'Смир\u0000нова' }),
    code: 'text.control_char',
    field: 'surname',
  },
  {
    name: 'a right-to-left override inside a surname',
    op: 'members.admit',
    input: admission({ surname: 'Смир\u202eнова' }),
    code: 'text.bidi_char',
    field: 'surname',
  },
  {
    name: 'a surname of 101 characters',
    op: 'members.admit',
    input: admission({ surname: 'Ә'.repeat(101) }),
    code: 'text.too_long',
    field: 'surname',
  },
  {
    name: 'a summary of 4,001 characters',
    op: 'appeals.add',
    input: appeal({ summary: 'ж'.repeat(4001) }),
    code: 'text.too_long',
    field: 'summary',
  },
  {
    name: 'a PPO code of 17 characters',
    op: 'orgs.create',
    input: { code: 'P'.repeat(17), name: 'ППО' },
    code: 'text.too_long',
    field: 'code',
  },
  {
    name: 'a code mixing Latin and Cyrillic letters',
    op: 'orgs.create',
    input: { code: 'PР50', name: 'ППО' },
    code: 'text.mixed_script',
    field: 'code',
  },
  {
    name: 'Р001 in Cyrillic beside the register’s P001',
    op: 'orgs.create',
    input: { code: 'Р001', name: 'ППО' },
    code: 'org.confusable_code',
    field: 'code',
  },
  {
    name: 'a PPO code already taken',
    op: 'orgs.create',
    input: { code: 'P001', name: 'Другая ППО' },
    code: 'org.duplicate_code',
  },
];

/** The register's bytes: the database file and its write-ahead log. */
function fingerprint(file: string): string {
  const hash = createHash('sha256');
  for (const f of [file, `${file}-wal`]) if (fs.existsSync(f)) hash.update(fs.readFileSync(f));
  return hash.digest('hex');
}

describe('every command refuses the impossible, by code and field, and writes nothing', () => {
  let reg: Register;
  // One register for the whole table (the helpers' registers last one test): every case leaves it as it was.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aqniet-inputs-'));

  afterAll(async () => {
    await closeRegister(reg);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  beforeAll(async () => {
    reg = await initRegister(path.join(dir, 'branch.sqlite'), {
      kind: 'branch',
      code: 'KRG',
      name: 'Карагандинский филиал',
      clock: () => new Date(`${TODAY}T09:00:00Z`),
    });
    for (const code of ['P001', 'P026', 'P099'])
      await call(reg, 'orgs.create', {
        code,
        name: `ППО ${code}`,
        headcount: 100,
        registeredOn: '2015-01-01',
      });
    await call(reg, 'orgs.close', { code: 'P099', closedOn: '2024-12-31', reason: 'liquidated' });
    for (const [iin, date] of [
      [MEMBER, '2020-01-15'],
      [EXITED, '2020-01-15'],
    ] as const)
      await call(reg, 'members.admit', {
        ...admission({ iin, applicationDate: '2020-01-10', decision: { ...DECISION, date } }),
      });
    await call(reg, 'members.exit', {
      ...exit({ iin: EXITED, applicationDate: '2024-06-01', decision: { ...DECISION, date: '2024-06-05' } }),
    });
    // a usual month of 100 ₸ (no payroll given): the median rule has three months to go by
    for (const month of ['2024-10', '2024-11', '2024-12', '2025-01'])
      await call(reg, 'dues.record', { orgCode: 'P001', month, received: '100', docNo: 'ПП-1' });
    await call(reg, 'quarters.close', { quarter: '2024Q4' });
    await call(reg, 'appeals.add', appeal({ regNo: '2025/001', receivedOn: '2025-01-10' }));
    // every page written into the database file, so that a refusal would show in its bytes
    await reg.db.raw('PRAGMA wal_checkpoint(TRUNCATE)');
  });

  it.each(CASES)('$name: $code', async ({ op, input, code, field }) => {
    const bytes = fingerprint(reg.file);
    const rows = await dumpRegister(reg);
    const refused = await refusalOf(call(reg, op, input));
    expect({ code: refused.code, field: refused.field }).toEqual({ code, field });
    expect(refused.messageRu).toMatch(/[а-яё]/i);
    expect(fingerprint(reg.file)).toBe(bytes);
    expect(await dumpRegister(reg)).toBe(rows);
  });

  it('a correction of a remittance obeys the rules of a new one', async () => {
    const id = (await call(reg, 'dues.list', { year: 2025 })).find((r) => r.month === '2025-01')!.id;
    for (const [input, code, field] of [
      [{ receivedOn: TOMORROW }, 'date.in_future', 'receivedOn'],
      [{ membersCount: 10_000_000 }, 'count.out_of_range', 'membersCount'],
      [{ received: '1e300' }, 'money.invalid', 'received'],
    ] as const) {
      const bytes = fingerprint(reg.file);
      const refused = await refusalOf(call(reg, 'dues.update', { id, ...input, reason: 'исправление' }));
      expect({ code: refused.code, field: refused.field }).toEqual({ code, field });
      expect(fingerprint(reg.file)).toBe(bytes);
    }
  });

  it('the same inputs go through once confirmed, where a confirmation is what they lacked', async () => {
    await expect(
      call(reg, 'members.admit', {
        ...admission({ iin: makeIin(age(15), 'male', 3), category: 'student' }),
        confirmMinor: true,
      }),
    ).resolves.toMatchObject({ status: 'active' });
    await expect(
      call(reg, 'dues.record', { ...remittance({ received: '30 000,01' }), confirmImplausible: true }),
    ).resolves.toMatchObject({ receivedTiyn: 3_000_001 });
    await expect(
      call(reg, 'dues.record', {
        ...remittance({ payroll: undefined, received: '1 000,01', docNo: 'ПП-21' }),
        confirmImplausible: true,
      }),
    ).resolves.toMatchObject({ receivedTiyn: 100_001 });
  });
});
