import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { RETENTION, pruneBackups } from '../../electron/core/backups/backups.ts';
import { dailyBackup } from '../../electron/core/backups/operations.ts';
import { closeRegister } from '../../electron/core/db/init.ts';
import { connect } from '../../electron/core/db/open.ts';
import type { Register } from '../../electron/core/register.ts';
import { call } from '../../electron/core/service.ts';
import { MEMBER_HEADER, memberRows, writeCsv } from '../bench/data.ts';
import { addOrg, admit, freshRegister, tempDir } from './helpers.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Every table's rows, ordered: a register compared row for row. */
async function snapshot(reg: Register, except: string[] = []) {
  const tables: string[] = await reg
    .db('sqlite_master')
    .where({ type: 'table' })
    .whereRaw("name NOT LIKE 'sqlite%'")
    .orderBy('name')
    .pluck('name');
  const out: Record<string, unknown[]> = {};
  for (const t of tables.filter((x) => !except.includes(x))) {
    const rows: Array<Record<string, unknown>> = await reg.db(t).select('*');
    out[t] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

async function branchWithData() {
  const reg = await freshRegister();
  for (const code of ['P001', 'P002']) await addOrg(reg, code);
  await admit(reg, '850525446560');
  await call(reg, 'dues.record', { orgCode: 'P001', month: '2025-01', received: '1 000' });
  await call(reg, 'appeals.add', {
    receivedOn: '2025-01-10',
    channel: 'phone',
    applicant: 'З.',
    category: 'wages',
  });
  return reg;
}

describe('backups', () => {
  it('are made by hand and listed with date, reason, size and what the register held, checked when written', async () => {
    const reg = await branchWithData();
    const made = await call(reg, 'backups.create', {});
    expect(made).toMatchObject({
      reason: 'manual',
      integrity: 'ok',
      held: { members: 1, orgs: 2, remittances: 1, appeals: 1 },
    });
    expect(made.bytes).toBeGreaterThan(10_000);
    const list = await call(reg, 'backups.list', {});
    expect(list.folder).toBe(path.join(path.dirname(reg.file), 'backups'));
    expect(list.retention).toEqual(RETENTION);
    expect(list.backups.map((b) => b.id)).toEqual([made.id]);
    expect(fs.existsSync(path.join(list.folder, made.id.replace(/\.sqlite$/, '.json')))).toBe(true);
    // the copy is a register of its own
    const copy = connect(path.join(list.folder, made.id), { readOnly: true });
    expect(await copy('members').pluck('iin')).toEqual(['850525446560']);
    await copy.destroy();
  });

  it('are made before an import and a payroll attach, and daily once', async () => {
    const reg = await branchWithData();
    const payroll = path.join(tempDir(), 'payroll.csv');
    fs.writeFileSync(payroll, 'ФИО;ИИН;Начислено;Удержано\nЖұмабаева Сәуле;850525446560;100 000;1 000\n');
    await call(reg, 'payroll.attach', { orgCode: 'P001', month: '2025-01', file: payroll });
    const file = path.join(tempDir(), 'members.csv');
    writeCsv(file, MEMBER_HEADER, memberRows(20, 2));
    await call(reg, 'import.run', { kind: 'members', file });
    expect(await dailyBackup(reg)).toMatchObject({ reason: 'daily' });
    expect(await dailyBackup(reg)).toBeNull();
    const reasons = (await call(reg, 'backups.list', {})).backups.map((b) => [b.reason, b.detail]);
    expect(reasons).toEqual([
      ['daily', 'daily'],
      ['import', 'import-members'],
      ['payroll', 'payroll'],
    ]);
    // the copy before the import holds the register without the file's 20 members
    const before = (await call(reg, 'backups.list', {})).backups[1]!;
    expect(before.held.members).toBe(1);
  });

  it('restore drill: import a file, restore the backup made before it, the register is what it was, row for row', async () => {
    const reg = await branchWithData();
    reg.actor = 'buh';
    const before = await snapshot(reg);
    const file = path.join(tempDir(), 'members.csv');
    writeCsv(file, MEMBER_HEADER, memberRows(50, 2));
    const imported = await call(reg, 'import.run', { kind: 'members', file });
    expect(imported.created).toBe(50);
    const afterImport = await snapshot(reg);
    expect(afterImport.members).toHaveLength(51);
    const id = path.basename(imported.backup!);
    const restored = await call(reg, 'backups.restore', { id, reason: 'импорт не того файла' });
    expect(restored).toMatchObject({ restored: id });
    const after = await snapshot(reg);
    const { audit_log: auditAfter, ...rest } = after;
    const { audit_log: auditBefore, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
    // the history is the one before the import, plus the restore
    expect(auditAfter).toHaveLength(auditBefore!.length + 1);
    const journal = await call(reg, 'history.journal', { kind: 'register' });
    expect(journal.rows[0]).toMatchObject({
      action: 'restore',
      actor: 'buh',
      reason: 'импорт не того файла',
    });
    expect(journal.rows[0]!.changes.map((c) => [c.field, c.after])).toEqual([
      ['backup', id],
      ['savedAs', restored.savedAs],
    ]);
    // the same Register works on the restored file
    expect((await call(reg, 'members.list', {})).total).toBe(1);
    // the register as it was before the restore was kept, and restoring it undoes the restore
    await call(reg, 'backups.restore', { id: restored.savedAs });
    const undone = await snapshot(reg, ['audit_log', 'members']);
    expect(undone).toEqual(
      Object.fromEntries(Object.entries(afterImport).filter(([t]) => t !== 'audit_log' && t !== 'members')),
    );
    expect((await call(reg, 'members.list', {})).total).toBe(51);
  });

  it('refuses a damaged backup, a name that is not a backup of this register, and a register open elsewhere', async () => {
    const reg = await branchWithData();
    const good = await call(reg, 'backups.create', {});
    const folder = path.dirname(good.file);
    const bad = path.join(folder, good.id.replace('.manual.', '.daily.'));
    const bytes = fs.readFileSync(good.file);
    bytes.fill(0x55, 4096, 12288); // pages of the copy overwritten
    fs.writeFileSync(bad, bytes);
    await expect(call(reg, 'backups.restore', { id: path.basename(bad) })).rejects.toMatchObject({
      code: 'backup.damaged',
    });
    for (const id of ['../branch.sqlite', 'other.sqlite', good.id.replace('.sqlite', '.json')])
      await expect(call(reg, 'backups.restore', { id })).rejects.toMatchObject({ code: 'backup.not_found' });
    expect((await call(reg, 'members.list', {})).total).toBe(1);
    // another program holding the file: refused, and the register still works
    const other = connect(reg.file);
    await other.raw('SELECT count(*) FROM members');
    try {
      await expect(call(reg, 'backups.restore', { id: good.id })).rejects.toMatchObject({
        code: 'backup.register_in_use',
      });
    } finally {
      await other.destroy();
    }
    expect((await call(reg, 'members.list', {})).total).toBe(1);
    // nothing was replaced, so nothing was saved as "before restore" either
    expect(fs.readdirSync(folder).filter((n) => n.includes('restore'))).toEqual([]);
  });

  it('keeps them by the stated rule: 30 daily, event copies 90 days (the newest of each kind always), manual ones', async () => {
    const folder = tempDir();
    const register = path.join(folder, 'r.sqlite');
    const now = new Date('2025-06-30T12:00:00Z');
    const write = (daysAgo: number, what: string, reason: string) => {
      const at = new Date(now.getTime() - daysAgo * 86_400_000);
      const stamp = at.toISOString().replace(/[-:.]/g, '').replace('T', '-').slice(0, 18);
      const name = `r.sqlite.${stamp}.${what}.sqlite`;
      fs.writeFileSync(path.join(folder, name), 'x');
      fs.writeFileSync(
        path.join(folder, name.replace(/\.sqlite$/, '.json')),
        JSON.stringify({
          createdAt: at.toISOString(),
          reason,
          detail: what,
          schemaVersion: 8,
          held: {},
          integrity: 'ok',
        }),
      );
      return name;
    };
    const daily = Array.from({ length: 35 }, (_, i) => write(i, 'daily', 'daily'));
    const oldImport = write(200, 'before-import-members', 'import');
    const older = write(120, 'before-import-orgs', 'import');
    const recent = write(10, 'before-merge', 'merge');
    const oldMerge = write(100, 'before-merge', 'merge');
    const manual = write(400, 'manual', 'manual');
    const gone = pruneBackups(folder, register, now).sort();
    expect(gone).toEqual([...daily.slice(30), oldImport, oldMerge].sort());
    const kept = fs.readdirSync(folder).filter((n) => n.endsWith('.sqlite'));
    expect(kept).toEqual(expect.arrayContaining([older, recent, manual, ...daily.slice(0, 30)]));
    expect(kept).toHaveLength(33);
  });

  it('from the command line: list, create, copy to a folder, restore', async () => {
    const reg = await branchWithData();
    await closeRegister(reg);
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'electron/cli/main.ts'), ...args], {
        cwd: ROOT,
        encoding: 'utf8',
      });
    const made = JSON.parse(cli('backup', 'create', '--db', reg.file, '--json').stdout);
    expect(made.reason).toBe('manual');
    cli(
      'member',
      'admit',
      '--db',
      reg.file,
      '--org',
      'P002',
      '--surname',
      'Ахметова',
      '--given-name',
      'Анна',
      '--iin',
      '900125389604',
      '--category',
      'nursing',
      '--application-date',
      '01.02.2024',
      '--decision-body',
      'профком',
      '--decision-no',
      '3',
      '--decision-date',
      '05.02.2024',
    );
    const text = cli('backup', 'list', '--db', reg.file);
    expect(text.stdout).toContain(made.id);
    expect(text.stdout).toContain('последние 30 ежедневных');
    const usb = tempDir();
    const copied = cli('backup', 'copy', '--db', reg.file, '--id', made.id, '--to', usb);
    expect(copied.status).toBe(0);
    expect(fs.readFileSync(path.join(usb, made.id)).equals(fs.readFileSync(made.file))).toBe(true);
    const restored = cli('backup', 'restore', '--db', reg.file, '--id', made.id, '--json');
    expect(restored.status).toBe(0);
    const report = JSON.parse(cli('report', 'membership', '--db', reg.file, '--json').stdout);
    expect(report.total.members).toBe(1);
    const missing = cli('backup', 'restore', '--db', reg.file, '--id', 'nope.sqlite');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('backup.not_found');
  }, 240_000);
});
