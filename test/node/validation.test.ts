import { describe, expect, it } from 'vitest';
import { makeIin } from '../../electron/core/ids/iin.ts';
import {
  ageOn,
  admissionAgeProblem,
  checkAppealRow,
  checkMemberEvents,
  checkMemberRow,
  checkOrgRow,
  checkRemittanceRow,
  cleanInputText,
  codeProblem,
  codeSkeleton,
  implausibleRemittance,
  normalizeText,
  parseCount,
  parseTenge,
  quarterEndedProblem,
  textProblem,
  tiynProblem,
} from '../../electron/core/validation/index.ts';

const TODAY = '2025-03-15';

describe('money: exact tiyn from 0 to 10¹² ₸', () => {
  it.each([
    ['12 759 543,50', 1275954350],
    ['12759543.50', 1275954350],
    ['1 000 000 000 000', 100_000_000_000_000],
    ['0', 0],
    ['0,01', 1],
  ])('accepts %s', (text, tiyn) => {
    expect(parseTenge(text, 'received')).toEqual({ tiyn, problem: null });
  });

  it.each<[string | number, string]>([
    ['1e300', 'money.invalid'],
    ['1E5', 'money.invalid'],
    ['NaN', 'money.invalid'],
    ['Infinity', 'money.invalid'],
    ['0x1F', 'money.invalid'],
    ['1_000', 'money.invalid'],
    ['12,345', 'money.too_many_decimals'],
    ['0,123', 'money.too_many_decimals'],
    ['-500', 'money.out_of_range'],
    ['1 000 000 000 000,01', 'money.out_of_range'],
    ['99999999999999999999999999', 'money.out_of_range'],
    ['много', 'money.invalid'],
    [1e300, 'money.out_of_range'],
    [Number.NaN, 'money.invalid'],
    [Number.POSITIVE_INFINITY, 'money.invalid'],
    [-500, 'money.out_of_range'],
    [12.345, 'money.too_many_decimals'],
    [1e12 + 1, 'money.out_of_range'],
  ])('refuses %s as %s, naming the field', (value, code) => {
    const parsed = parseTenge(value, 'received');
    expect(parsed.tiyn).toBeNull();
    expect(parsed.problem).toMatchObject({ code, field: 'received' });
  });

  it('spreadsheet numbers are exact to the tiyn (float error is not a third decimal)', () => {
    expect(parseTenge(11788.71, 'x').tiyn).toBe(1178871);
    expect(parseTenge(0.1 + 0.2, 'x').tiyn).toBe(30);
  });

  it('a stored amount must be integer tiyn in range (a package row, never a REAL)', () => {
    expect(tiynProblem(1500, 'received')).toBeNull();
    expect(tiynProblem(null, 'received')).toBeNull();
    for (const bad of [12.5, '500', 'много', -500, 1e300, Number.NaN])
      expect(tiynProblem(bad, 'received'), String(bad)).not.toBeNull();
    expect(tiynProblem(null, 'received', true)?.code).toBe('text.required');
  });
});

describe('counts: plain decimal integers in range', () => {
  it.each<[string | number, number]>([
    ['120', 120],
    ['1 240', 1240],
    [45, 45],
  ])('accepts %s', (v, n) => expect(parseCount(v, 'headcount', 'headcount').count).toBe(n));

  it.each<[string | number, string]>([
    ['1e3', 'count.invalid'],
    ['0x10', 'count.invalid'],
    ['12.0', 'count.invalid'],
    ['-1', 'count.invalid'],
    ['+5', 'count.invalid'],
    [12.5, 'count.invalid'],
    [1e300, 'count.invalid'],
    ['2000000', 'count.out_of_range'],
    ['99999999999999999999', 'count.out_of_range'],
  ])('refuses %s as %s', (v, code) =>
    expect(parseCount(v, 'headcount', 'headcount').problem?.code).toBe(code),
  );

  it('signatories start at one', () => {
    expect(parseCount(0, 'signatories', 'signatories').problem?.code).toBe('count.out_of_range');
  });
});

describe('text: bounded, no control or direction characters, whitespace normalised', () => {
  it('normalises spaces, no-break spaces, tabs, zero-width characters and line breaks', () => {
    expect(normalizeText('  Жұмабаева\u00a0\u00a0Сәуле\t ', 'name')).toBe('Жұмабаева Сәуле');
    expect(normalizeText('Ива\u200bнова\r\nОльга', 'name')).toBe('Иванова Ольга');
    expect(normalizeText('строка 1  \r\n\r\n\r\n строка 2', 'long')).toBe('строка 1\n\nстрока 2');
  });

  it.each([
    ['Ива\u0000нова', 'text.control_char', 'U+0000'],
    ['Ива\u0007нова', 'text.control_char', 'U+0007'],
    ['Ива\u0085нова', 'text.control_char', 'U+0085'],
    ['P0\u202e62', 'text.bidi_char', 'U+202E'],
    ['\u2066P026\u2069', 'text.bidi_char', 'U+2066'],
    ['Ив\u200fанова', 'text.bidi_char', 'U+200F'],
  ])('refuses %j as %s naming %s', (value, code, char) => {
    expect(textProblem(value, 'surname', 'name')).toMatchObject({ code, field: 'surname', params: { char } });
  });

  it('refuses a broken encoding’s replacement character and a lone surrogate', () => {
    expect(textProblem('Ив\ufffdнова', 'surname', 'name')?.code).toBe('text.broken_char');
    expect(textProblem('Ив\ud800нова', 'surname', 'name')?.code).toBe('text.control_char');
  });

  it('bounds lengths: names 100, codes 16, summaries 4,000 (in characters, not bytes)', () => {
    expect(textProblem('Ә'.repeat(100), 'surname', 'name')).toBeNull();
    expect(textProblem('Ә'.repeat(101), 'surname', 'name')).toMatchObject({
      code: 'text.too_long',
      params: { max: 100, length: 101 },
    });
    expect(textProblem('P'.repeat(17), 'code', 'code')?.params).toMatchObject({ max: 16 });
    expect(textProblem('а'.repeat(4000), 'summary', 'long')).toBeNull();
    expect(textProblem('а'.repeat(4001), 'summary', 'long')?.code).toBe('text.too_long');
  });

  it('every text of an operation’s input goes through the same rules, by field', () => {
    expect(cleanInputText({ surname: '  Ким  ', decision: { number: ' 7 ' } })).toEqual({
      surname: 'Ким',
      decision: { number: '7' },
    });
    expect(() => cleanInputText({ surname: 'К\u0000им' })).toThrow(
      expect.objectContaining({ code: 'text.control_char', field: 'surname' }),
    );
    expect(() => cleanInputText({ decision: { number: '1'.repeat(33) } })).toThrow(
      expect.objectContaining({ code: 'text.too_long', field: 'decision.number' }),
    );
    // file contents and paths are not the register's text
    expect(cleanInputText({ content: 'AA\u0000', file: ' /tmp/x ' })).toEqual({
      content: 'AA\u0000',
      file: ' /tmp/x ',
    });
  });
});

describe('codes: one script, no look-alike of another', () => {
  it('refuses a code mixing Latin and Cyrillic letters, saying which letters are which', () => {
    const p = codeProblem('Pр26', 'code'); // Latin P, Cyrillic р
    expect(p).toMatchObject({ code: 'text.mixed_script', params: { latin: 'P', cyrillic: 'р' } });
  });

  it('refuses р026 beside P026 (and p026), naming the existing code', () => {
    expect(codeSkeleton('Р026')).toBe(codeSkeleton('P026'));
    expect(codeProblem('Р026', 'code', ['P026'])).toMatchObject({
      code: 'org.confusable_code',
      params: { value: 'Р026', existing: 'P026' },
    });
    expect(codeProblem('p026', 'code', ['P026'])?.code).toBe('org.confusable_code');
    expect(codeProblem('P026', 'code', ['P026'])).toBeNull(); // the same code is a duplicate, not this rule
    expect(codeProblem('П-01', 'code', ['П-02'])).toBeNull();
  });
});

describe('dates', () => {
  const iin = (birth: string) => makeIin(birth, 'female', 1);

  it('ages count whole years (a birthday on 29 February counts from 1 March)', () => {
    expect(ageOn('2010-03-15', '2024-03-14')).toBe(13);
    expect(ageOn('2010-03-15', '2024-03-15')).toBe(14);
    expect(ageOn('2008-02-29', '2022-02-28')).toBe(13);
    expect(ageOn('2008-02-29', '2022-03-01')).toBe(14);
  });

  it('nobody before 14; under 16 only when confirmed; an IIN born in the future is refused', () => {
    const young = { iin: iin('2011-06-01'), birthDate: '2011-06-01' };
    expect(admissionAgeProblem(young, '2025-03-01', TODAY, true)?.code).toBe('member.too_young');
    const minor = { iin: iin('2010-01-01'), birthDate: '2010-01-01' };
    expect(admissionAgeProblem(minor, '2025-03-01', TODAY, false)?.code).toBe(
      'member.minor_needs_confirmation',
    );
    expect(admissionAgeProblem(minor, '2025-03-01', TODAY, true)).toBeNull();
    const unborn = { iin: iin('2025-06-01'), birthDate: '2025-06-01' };
    expect(admissionAgeProblem(unborn, '2025-03-01', TODAY, true)?.code).toBe('member.iin_birth_in_future');
  });

  it('a quarter can be closed from the day after its last day', () => {
    expect(quarterEndedProblem(2025, 1, '2025-03-31')).toMatchObject({
      code: 'quarter.not_ended',
      params: { quarter: '2025-Q1', lastDay: '31.03.2025' },
    });
    expect(quarterEndedProblem(2025, 1, '2025-04-01')).toBeNull();
  });
});

describe('row checks (the same for forms, imports and headquarters)', () => {
  const member = {
    iin: makeIin('1985-05-25', 'female', 3),
    surname: 'Өмірзақова',
    given_name: 'Сәуле',
    category: 'nursing',
    status: 'active',
    birth_date: '1985-05-25',
    sex: 'female',
    joined_on: '2024-02-05',
  };

  it('a good member row has no problem; a bad one names table, row, column and field', () => {
    expect(checkMemberRow(member, { today: TODAY })).toEqual([]);
    const problems = checkMemberRow(
      { ...member, joined_on: '2025-04-01', surname: '', category: 'boss', iin: '123' },
      { today: TODAY, row: 7 },
    );
    expect(problems.map((p) => [p.code, p.table, p.row, p.column, p.field])).toEqual([
      ['member.invalid_iin', 'members', 7, 'iin', 'iin'],
      ['text.required', 'members', 7, 'surname', 'surname'],
      ['input.not_in_list', 'members', 7, 'category', 'category'],
      ['date.in_future', 'members', 7, 'joined_on', 'admittedOn'],
    ]);
  });

  it('events in order, decisions after applications, ages at admission', () => {
    const base = { member_id: 'm', org_id: 'o' };
    const history = [
      { ...base, seq: 1, kind: 'admitted', event_date: '2024-02-05', application_date: '2024-02-01' },
      { ...base, seq: 2, kind: 'transferred_out', event_date: '2024-01-10' },
      { ...base, seq: 3, kind: 'card_issued', event_date: '2023-01-01' },
      {
        ...base,
        seq: 4,
        kind: 'exited',
        event_date: '2024-06-01',
        application_date: '2024-05-20',
        decision_date: '2024-05-10',
      },
    ];
    const problems = checkMemberEvents(history, {
      today: TODAY,
      iin: member.iin,
      rowOf: (e) => Number(e.seq),
    });
    expect(problems.map((p) => [p.code, p.row, p.field])).toEqual([
      ['member.event_out_of_order', 2, 'transferredOn'],
      ['member.decision_before_application', 4, 'decision.date'],
    ]);
  });

  it('a readmission before the exit is refused', () => {
    const problems = checkMemberEvents(
      [
        { seq: 1, kind: 'admitted', event_date: '2020-01-10' },
        { seq: 2, kind: 'exited', event_date: '2023-05-01' },
        { seq: 3, kind: 'admitted', event_date: '2023-04-01' },
      ],
      { today: TODAY, iin: member.iin },
    );
    expect(problems).toMatchObject([{ code: 'member.event_out_of_order', field: 'admittedOn' }]);
  });

  it('a PPO row: code rules, name, BIN, headcount, dates', () => {
    expect(checkOrgRow({ code: 'P001', name: 'ППО', headcount: 10 }, { today: TODAY })).toEqual([]);
    const problems = checkOrgRow(
      { code: 'Р026', name: null, headcount: 12.5, bin: '123456789012', registered_on: '2026-01-01' },
      { today: TODAY, otherCodes: ['P026'] },
    );
    expect(problems.map((p) => p.code)).toEqual([
      'org.confusable_code',
      'text.required',
      'org.invalid_bin',
      'count.invalid',
      'date.in_future',
    ]);
  });

  it('a remittance row: month begun, tiyn, counts', () => {
    const ok = { month: '2025-02', months_covered: 1, received_tiyn: 35640000, received_on: '2025-03-01' };
    expect(checkRemittanceRow(ok, { today: TODAY })).toEqual([]);
    const problems = checkRemittanceRow(
      { ...ok, month: '2025-04', received_tiyn: 1e300, members_count: -3, received_on: '2025-03-16' },
      { today: TODAY },
    );
    expect(problems.map((p) => [p.code, p.field])).toEqual([
      ['date.month_in_future', 'month'],
      ['count.out_of_range', 'membersCount'],
      ['money.out_of_range', 'received'],
      ['date.in_future', 'receivedOn'],
    ]);
  });

  it('an appeal row: closed not before received, nor in the future, and with a date', () => {
    const ok = {
      reg_no: '2025/001',
      received_on: '2025-01-10',
      channel: 'phone',
      category: 'wages',
      status: 'registered',
      applicant: 'Әбдірахманова Г.С.',
    };
    expect(checkAppealRow(ok, { today: TODAY })).toEqual([]);
    expect(
      checkAppealRow({ ...ok, status: 'closed', closed_on: '2025-01-05' }, { today: TODAY }).map(
        (p) => p.code,
      ),
    ).toEqual(['appeal.closed_before_received']);
    expect(checkAppealRow({ ...ok, status: 'closed' }, { today: TODAY }).map((p) => p.code)).toEqual([
      'appeal.closed_without_date',
    ]);
    expect(
      checkAppealRow({ ...ok, summary: 'x'.repeat(4001), received_on: '2025-03-16' }, { today: TODAY }).map(
        (p) => p.code,
      ),
    ).toEqual(['date.in_future', 'text.too_long']);
  });
});

describe('an implausible remittance asks for a confirmation', () => {
  const base = { org: 'P001', month: '2025-02', monthsCovered: 1, rateBp: 100, monthTotals: [] };
  it('more than 3 × rate × payroll', () => {
    // payroll 36 000 000 ₸ at 1 %: 360 000 ₸ expected; 1 080 000,01 ₸ is beyond three times that
    const payroll = 3_600_000_000;
    expect(implausibleRemittance({ ...base, payrollTiyn: payroll, receivedTiyn: 108_000_000 })).toBeNull();
    expect(implausibleRemittance({ ...base, payrollTiyn: payroll, receivedTiyn: 108_000_001 })).toMatchObject(
      {
        code: 'dues.implausible_payroll',
        params: { expected: '360 000,00', amount: '1 080 000,01' },
      },
    );
  });

  it('more than 10 × the median month, from three months of history', () => {
    const monthTotals = [100_00, 120_00, 110_00];
    expect(
      implausibleRemittance({ ...base, payrollTiyn: null, receivedTiyn: 1100_00, monthTotals }),
    ).toBeNull();
    expect(
      implausibleRemittance({ ...base, payrollTiyn: null, receivedTiyn: 1100_01, monthTotals }),
    ).toMatchObject({ code: 'dues.implausible_median', params: { median: '110,00' } });
    expect(
      implausibleRemittance({ ...base, payrollTiyn: null, receivedTiyn: 5000_00, monthTotals: [100_00] }),
    ).toBeNull();
  });
});
