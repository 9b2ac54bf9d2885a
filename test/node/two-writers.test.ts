import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeRegister, initRegister, openRegister } from '../../electron/core/db/init.ts';
import { makeIin } from '../../electron/core/ids/iin.ts';
import type { Register } from '../../electron/core/register.ts';
import { call } from '../../electron/core/service.ts';
import { DECISION, tempDir } from './helpers.ts';

/**
 * Two writers at once, as two processes (the window and the CLI on one branch PC, or two CLI windows):
 * each pair starts within a few milliseconds of the other (both wait for one go file) and ends in one
 * success and one clean refusal with its code — never `internal`, never SQLite's own text — and the
 * register holds what one writer alone would have written.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const CHILD = path.join(ROOT, 'test-output/children/writer-child.mjs');

beforeAll(() => {
  buildSync({
    entryPoints: [path.join(ROOT, 'test/node/children/writer-child.ts')],
    outfile: CHILD,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
});

interface Outcome {
  ok: boolean;
  value?: unknown;
  code?: string;
  message?: string;
  messageRu?: string;
  field?: string;
  raw?: string;
  ms: number;
}

type Job = ['call', string, unknown] | ['hold'];

interface Child {
  ready: Promise<void>;
  line: (text: string) => Promise<void>;
  done: Promise<Outcome>;
}

function start(db: string, go: string, job: Job): Child {
  const args = job[0] === 'call' ? ['call', job[1], JSON.stringify(job[2])] : ['hold'];
  const child = spawn(process.execPath, [CHILD, db, go, ...args], { cwd: ROOT });
  let out = '';
  let err = '';
  const waiters: Array<{ text: string; resolve: () => void }> = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    for (const w of waiters.splice(0)) {
      if (out.split('\n').includes(w.text)) w.resolve();
      else waiters.push(w);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const line = (text: string) =>
    new Promise<void>((resolve) => {
      if (out.split('\n').includes(text)) resolve();
      else waiters.push({ text, resolve });
    });
  const done = new Promise<Outcome>((resolve, reject) =>
    child.on('close', (status) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (status !== 0 || !last.startsWith('{')) reject(new Error(`writer exited ${status}: ${out}\n${err}`));
      else resolve(JSON.parse(last) as Outcome);
    }),
  );
  return { ready: line('ready'), line, done };
}

/** Starts both writers, lets them go at the same moment, and returns their outcomes in order. */
async function race(db: string, a: Job, b: Job): Promise<[Outcome, Outcome]> {
  const go = path.join(path.dirname(db), `go-${Math.random().toString(36).slice(2)}`);
  const children = [start(db, go, a), start(db, go, b)];
  await Promise.all(children.map((c) => c.ready));
  fs.writeFileSync(go, '');
  const [x, y] = await Promise.all(children.map((c) => c.done));
  return [x!, y!];
}

/** Exactly one writer succeeded; the other was refused with `code` (or one of `codes`), in words. */
function oneWins(outcomes: Outcome[], ...codes: string[]): { won: Outcome; lost: Outcome } {
  for (const o of outcomes) {
    expect(o.raw, 'an unexpected error').toBeUndefined();
    expect(o.code).not.toBe('internal');
    expect(`${o.message} ${o.messageRu}`).not.toMatch(/SQLITE|constraint|knex/i);
  }
  expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
  const won = outcomes.find((o) => o.ok)!;
  const lost = outcomes.find((o) => !o.ok)!;
  expect(codes).toContain(lost.code);
  expect(lost.messageRu).toMatch(/[а-яё]/i);
  return { won, lost };
}

const TODAY = '2025-03-15';

/** A branch register with P001 on a file, closed again so that only the two writers hold it. */
async function branchFile(setup?: (reg: Register) => Promise<void>): Promise<string> {
  const file = path.join(tempDir(), 'branch.sqlite');
  const reg = await initRegister(file, {
    kind: 'branch',
    code: 'KRG',
    name: 'Карагандинский филиал',
    clock: () => new Date(`${TODAY}T09:00:00Z`),
  });
  await call(reg, 'orgs.create', { code: 'P001', name: 'ППО больницы', headcount: 100 });
  await setup?.(reg);
  await closeRegister(reg);
  return file;
}

async function inRegister<T>(file: string, read: (reg: Register) => Promise<T>): Promise<T> {
  const reg = await openRegister(file);
  try {
    return await read(reg);
  } finally {
    await closeRegister(reg);
  }
}

const count = (reg: Register, table: string, where: Record<string, unknown> = {}) =>
  reg
    .db(table)
    .where(where)
    .count<{ n: number }[]>({ n: '*' })
    .then((r) => Number(r[0]!.n));

const admission = (iin: string, decisionNo: string, orgCode = 'P001') => ({
  orgCode,
  surname: 'Жұмабаева',
  givenName: 'Сәуле',
  iin,
  category: 'nursing',
  applicationDate: '2024-02-01',
  decision: { ...DECISION, number: decisionNo },
});

describe('two writers at once, each in its own process', () => {
  it('the same IIN admitted twice: one admission, one member.already_active', async () => {
    const db = await branchFile();
    const iin = makeIin('1985-05-25', 'female', 1);
    const outcomes = await race(
      db,
      ['call', 'members.admit', admission(iin, '1')],
      ['call', 'members.admit', admission(iin, '2')],
    );
    oneWins(outcomes, 'member.already_active');
    await inRegister(db, async (reg) => {
      expect(await count(reg, 'members', { iin })).toBe(1);
      expect(await count(reg, 'member_events')).toBe(1);
    });
  });

  it('the same remittance twice: one recorded, one dues.duplicate_document', async () => {
    const db = await branchFile();
    const remittance = {
      orgCode: 'P001',
      month: '2025-01',
      payroll: '3 600 000',
      received: '36 000',
      receivedOn: '2025-02-10',
      docNo: 'ПП-15',
    };
    oneWins(
      await race(db, ['call', 'dues.record', remittance], ['call', 'dues.record', remittance]),
      'dues.duplicate_document',
    );
    await inRegister(db, async (reg) => expect(await count(reg, 'dues_remittances')).toBe(1));
  });

  it('two PPOs with one code: one created, one org.duplicate_code', async () => {
    const db = await branchFile();
    const { lost } = oneWins(
      await race(
        db,
        ['call', 'orgs.create', { code: 'P002', name: 'ППО поликлиники' }],
        ['call', 'orgs.create', { code: 'P002', name: 'ППО колледжа' }],
      ),
      'org.duplicate_code',
    );
    expect(lost.messageRu).toContain('P002');
    await inRegister(db, async (reg) => expect(await count(reg, 'orgs', { code: 'P002' })).toBe(1));
  });

  it('closing a PPO while a member is admitted to it: never a closed PPO with an active member', async () => {
    const db = await branchFile(async (reg) => {
      await call(reg, 'orgs.create', { code: 'P002', name: 'ППО поликлиники' });
    });
    const iin = makeIin('1990-01-25', 'male', 2);
    oneWins(
      await race(
        db,
        ['call', 'orgs.close', { code: 'P002', closedOn: '2025-06-30', reason: 'liquidated' }],
        ['call', 'members.admit', admission(iin, '3', 'P002')],
      ),
      // the admission came second (the PPO is closed), or the closing did (it has a member now)
      'org.closed',
      'org.has_members',
    );
    await inRegister(db, async (reg) => {
      const org = await reg.db('orgs').where({ code: 'P002' }).first('id', 'status');
      const active = await count(reg, 'members', { org_id: org.id, status: 'active' });
      expect(active).toBe(org.status === 'closed' ? 0 : 1);
    });
  });

  it('two appeals with one number: one registered, one appeal.duplicate_reg_no; unnumbered ones get two numbers', async () => {
    const db = await branchFile();
    const appeal = (applicant: string, regNo?: string) => ({
      regNo,
      receivedOn: '2025-02-10',
      channel: 'email',
      applicant,
      category: 'wages',
    });
    oneWins(
      await race(
        db,
        ['call', 'appeals.add', appeal('Әбдірахманова Г.С.', '2025/007')],
        ['call', 'appeals.add', appeal('Иванов П.П.', '2025/007')],
      ),
      'appeal.duplicate_reg_no',
    );
    const both = await race(
      db,
      ['call', 'appeals.add', appeal('Сейітова А.')],
      ['call', 'appeals.add', appeal('Ким Е.')],
    );
    for (const o of both) expect(o, JSON.stringify(o)).toMatchObject({ ok: true });
    const numbers = both.map((o) => (o.value as { regNo: string }).regNo);
    expect(new Set(numbers).size).toBe(2);
    await inRegister(db, async (reg) => expect(await count(reg, 'appeals')).toBe(3));
  });

  it('an exit and a transfer of one member at once: one of them, the other member.not_active', async () => {
    const iin = makeIin('1985-05-25', 'female', 1);
    const db = await branchFile(async (reg) => {
      await call(reg, 'orgs.create', { code: 'P002', name: 'ППО поликлиники' });
      await call(reg, 'members.admit', admission(iin, '1'));
    });
    const decision = { body: 'профком', number: '8', date: '2025-03-01' };
    oneWins(
      await race(
        db,
        ['call', 'members.exit', { iin, reason: 'own_will', applicationDate: '2025-02-20', decision }],
        ['call', 'members.transfer', { iin, toBranch: 'ALA', transferredOn: '2025-03-01', decision }],
      ),
      'member.not_active',
    );
    await inRegister(db, async (reg) => {
      expect(await count(reg, 'members', { iin, status: 'active' })).toBe(0);
      expect(await count(reg, 'member_events')).toBe(2);
    });
  });

  it('the same file imported twice at once: its members once, the other import finds them unchanged', async () => {
    const iins = Array.from({ length: 300 }, (_, i) =>
      makeIin(`1980-${String((i % 12) + 1).padStart(2, '0')}-01`, 'female', Math.floor(i / 12) * 10 + 1),
    );
    expect(new Set(iins).size).toBe(300);
    const file = path.join(tempDir(), 'members.csv');
    fs.writeFileSync(
      file,
      [
        'Код ППО;Фамилия;Имя;ИИН;Категория;Дата вступления',
        ...iins.map((iin, i) => `P001;Смирнова${'абвгд'[i % 5]};Анна;${iin};врач;01.02.2015`),
      ].join('\n'),
    );
    const db = await branchFile();
    const outcomes = await race(
      db,
      ['call', 'import.run', { kind: 'members', file }],
      ['call', 'import.run', { kind: 'members', file }],
    );
    for (const o of outcomes) expect(o, JSON.stringify(o)).toMatchObject({ ok: true });
    const created = outcomes.map((o) => (o.value as { created: number; unchanged: number }).created);
    expect(created.sort((a, b) => a - b)).toEqual([0, 300]);
    await inRegister(db, async (reg) => {
      expect(await count(reg, 'members')).toBe(300);
      expect(await count(reg, 'member_events')).toBe(300);
    });
  });

  it('two exports at once: one package numbered 1, the other refused (no file overwritten)', async () => {
    const dir = tempDir();
    const recipientFile = path.join(dir, 'hq.recipient');
    const hqFile = path.join(dir, 'hq.sqlite');
    const hq = await initRegister(hqFile, { kind: 'hq', code: 'HQ', name: 'Центральный совет' });
    await call(hq, 'hqKey.init', {});
    await call(hq, 'hqKey.exportRecipient', { out: recipientFile });
    await closeRegister(hq);
    const db = await branchFile(async (reg) => {
      await call(reg, 'keys.init', {});
      await call(reg, 'hqKey.setRecipient', { recipient: recipientFile });
      await call(reg, 'members.admit', admission(makeIin('1985-05-25', 'female', 1), '1'));
    });
    const out = path.join(dir, 'out');
    fs.mkdirSync(out);
    const outcomes = await race(
      db,
      ['call', 'exchange.export', { quarter: '2024Q4', out }],
      ['call', 'exchange.export', { quarter: '2024Q4', out }],
    );
    const seqs = outcomes.filter((o) => o.ok).map((o) => (o.value as { seq: number }).seq);
    if (seqs.length === 2) {
      // the second started after the first had committed: then it is simply the next package
      expect(seqs.sort()).toEqual([1, 2]);
    } else {
      const { lost } = oneWins(outcomes, 'exchange.export_raced');
      expect(lost.messageRu).toContain('2024-Q4');
    }
    await inRegister(db, async (reg) => {
      const rows: Array<{ seq: number; file_name: string; package_sha256: string }> = await reg
        .db('package_exports')
        .orderBy('seq');
      expect(rows.map((r) => r.seq)).toEqual(seqs.sort());
      // each record's file is the one on disk, byte for byte; no part file is left behind
      for (const r of rows) {
        const bytes = fs.readFileSync(path.join(out, r.file_name));
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(r.package_sha256);
      }
      expect(fs.readdirSync(out).sort()).toEqual(rows.map((r) => r.file_name).sort());
    });
  });
});

describe('a register held by a long write elsewhere', () => {
  it('opens and answers reports, and a write waits (bounded) then says the register is busy', async () => {
    const db = await branchFile(async (reg) => {
      await call(reg, 'members.admit', admission(makeIin('1985-05-25', 'female', 1), '1'));
    });
    const go = path.join(path.dirname(db), 'go-hold');
    const holder = start(db, go, ['hold']);
    await holder.ready;
    fs.writeFileSync(go, '');
    await holder.line('holding');
    try {
      // a second program opens the register and reads while the import-like write holds the lock
      const cli = (...args: string[]) =>
        spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'electron/cli/main.ts'), ...args], {
          cwd: ROOT,
          encoding: 'utf8',
        });
      const report = cli('report', 'membership', '--db', db, '--date', '2025-03-15', '--json');
      expect(report.stderr).toBe('');
      expect(report.status).toBe(0);
      expect(JSON.parse(report.stdout).total.members).toBe(1);
      const started = Date.now();
      const write = cli('org', 'add', '--db', db, '--code', 'P009', '--name', 'ППО');
      expect(write.status).toBe(1);
      expect(write.stderr).toBe(
        'error [db.busy]: The register is busy with another operation; try again in a minute\n',
      );
      expect(write.stderr).not.toMatch(/SQLITE|MigrationLocked/);
      expect(Date.now() - started).toBeGreaterThanOrEqual(5000);
    } finally {
      fs.rmSync(go);
    }
    expect(await holder.done).toMatchObject({ ok: true });
    await inRegister(db, async (reg) => expect(await count(reg, 'orgs', { code: 'P009' })).toBe(0));
  }, 30_000);
});
