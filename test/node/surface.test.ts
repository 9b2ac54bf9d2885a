import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { connect } from '../../electron/core/db/open.ts';
import { closeRegister, initRegister } from '../../electron/core/db/init.ts';
import { makeIin } from '../../electron/core/ids/iin.ts';
import type { Register } from '../../electron/core/register.ts';
import { call, callSafely } from '../../electron/core/service.ts';
import { createRouter } from '../../electron/main/router.ts';
import { APP_ENTRY } from '../../electron/main/policy.ts';
import { startWebPreview } from '../../electron/web/server.ts';
import {
  OPERATION_NAMES,
  READ_OPERATIONS,
  SURFACE,
  WINDOW_OPERATIONS,
  contract,
  type Access,
  type OperationName,
} from '../../electron/shared/contract.ts';
import { addOrg, admit, freshRegister, tempDir } from './helpers.ts';

const PRELOAD = path.resolve(import.meta.dirname, '../../out/main/preload.cjs');
/** The names a path goes by in the contract's inputs (`to` is a date in reports, a folder in backups.copy). */
const PATH_FIELDS = ['file', 'files', 'out', 'backupsDir', 'dir'];

function inputFields(op: OperationName): string[] {
  let schema: z.ZodType = contract[op];
  // refined objects (a file or its bytes) keep their shape inside
  while (!(schema instanceof z.ZodObject) && 'in' in (schema as { def?: unknown })) {
    schema = (schema as unknown as { in: z.ZodType }).in;
  }
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

const access = (op: OperationName): Access => SURFACE[op];

describe("the window's surface, against the contract", () => {
  it('lists every operation the window may call; a path reaches the core only from a dialog or the CLI', () => {
    expect(Object.keys(SURFACE).sort()).toEqual([...OPERATION_NAMES].sort());
    const mainOnly = OPERATION_NAMES.filter((op) => access(op).door === 'main');
    expect(mainOnly.sort()).toEqual(['exchange.merge', 'exchange.verify']);
    expect(WINDOW_OPERATIONS.sort()).toEqual(OPERATION_NAMES.filter((op) => !mainOnly.includes(op)).sort());
    const dialogs = OPERATION_NAMES.filter((op) => access(op).door === 'dialog');
    expect(dialogs.sort()).toEqual([
      'backups.copy',
      'hqKey.exportIdentity',
      'hqKey.exportRecipient',
      'keys.backup',
      'keys.exportPublic',
      'keys.restore',
      'register.create',
      'settings.backupsDir',
    ]);
    for (const op of OPERATION_NAMES) {
      const a = access(op);
      for (const field of inputFields(op).filter((f) => PATH_FIELDS.includes(f))) {
        const guarded = a.door === 'main' || a.dialog?.field === field || a.paths?.includes(field);
        expect(guarded, `${op}.${field}`).toBe(true);
      }
    }
    expect(access('backups.copy').dialog).toMatchObject({ field: 'to', kind: 'folder' });
  });

  it.skipIf(!fs.existsSync(PRELOAD))('the preload exposes exactly those operations as window.api', () => {
    const exposed: Record<string, Record<string, unknown>> = {};
    const electron = {
      contextBridge: {
        exposeInMainWorld: (name: string, api: Record<string, unknown>) => (exposed[name] = api),
      },
      ipcRenderer: { invoke: async () => undefined, on: () => {} },
    };
    const nodeRequire = createRequire(PRELOAD);
    const module = { exports: {} };
    const load = new Function('require', 'module', 'exports', fs.readFileSync(PRELOAD, 'utf8'));
    load((id: string) => (id === 'electron' ? electron : nodeRequire(id)), module, module.exports);
    expect(Object.keys(exposed)).toEqual(['api']);
    expect(Object.keys(exposed.api!).sort()).toEqual([...WINDOW_OPERATIONS].sort());
  });

  it('the IPC router refuses what the window may not call, and fills a dialog operation’s file from the dialog', async () => {
    const calls: Array<{ op: string; input: unknown }> = [];
    const answers: Array<string | null> = [];
    const route = createRouter({
      call: async (op, input) => {
        calls.push({ op, input });
        return { ok: true, value: null };
      },
      choose: async () => answers.shift() ?? null,
    });
    expect(await route('https://evil.example/', 'register.info', {})).toMatchObject({
      code: 'ipc.untrusted_sender',
    });
    expect(await route(APP_ENTRY, 'exchange.merge', { files: ['/tmp/x.zip'] })).toMatchObject({
      ok: false,
      code: 'ipc.not_for_window',
    });
    expect(await route(APP_ENTRY, 'import.run', { kind: 'members', file: '/etc/passwd' })).toMatchObject({
      ok: false,
      code: 'ipc.path_from_window',
      field: 'file',
    });
    expect(await route(APP_ENTRY, 'hqKey.exportIdentity', { out: '/tmp/anywhere.key' })).toMatchObject({
      ok: false,
      code: 'ipc.path_from_window',
      field: 'out',
    });
    expect(await route(APP_ENTRY, 'settings.update', { backupsDir: '/mnt/anywhere' })).toMatchObject({
      code: 'ipc.path_from_window',
      field: 'backupsDir',
    });
    // empty: back to the default folder beside the database, which names no path
    expect(await route(APP_ENTRY, 'settings.update', { backupsDir: '' })).toEqual({ ok: true, value: null });
    calls.length = 0;
    expect(await route(APP_ENTRY, 'keys.exportPublic', {})).toEqual({ ok: true, value: { cancelled: true } });
    answers.push('/home/office/KRG.pub');
    await route(APP_ENTRY, 'keys.exportPublic', {});
    expect(calls).toEqual([{ op: 'keys.exportPublic', input: { out: '/home/office/KRG.pub' } }]);
  });

  it('the web preview serves the same window set: no CLI operation, no dialog, no path, no file read for a text', async () => {
    const reg = await freshRegister();
    const web = await startWebPreview(reg, { root: tempDir() });
    const post = async (op: string, body: unknown) =>
      (await fetch(`${new URL(web.url).origin}/api/${op}`, {
        method: 'POST',
        headers: { 'X-Aqniet-Token': web.token },
        body: JSON.stringify(body),
      }).then((r) => r.json())) as { ok: boolean; code?: string; field?: string };
    try {
      expect(await post('exchange.verify', { file: '/tmp/p.zip' })).toMatchObject({
        code: 'ipc.not_for_window',
      });
      expect(await post('keys.backup', {})).toMatchObject({ code: 'dialog.unavailable' });
      expect(await post('exchange.export', { quarter: '2025Q1', out: '/tmp' })).toMatchObject({
        code: 'ipc.path_from_window',
        field: 'out',
      });
      // a file holding a valid recipient: the CLI may name it, the window only gives the text itself
      const hq = await initRegister(path.join(tempDir(), 'hq.sqlite'), {
        kind: 'hq',
        code: 'HQ',
        name: 'ЦС',
      });
      const { recipient } = await call(hq, 'hqKey.init', {});
      await closeRegister(hq);
      const file = path.join(tempDir(), 'recipient.txt');
      fs.writeFileSync(file, `${recipient}\n`);
      expect(await post('hqKey.setRecipient', { recipient: file })).toMatchObject({
        ok: false,
        code: 'exchange.invalid_recipient',
      });
      expect(await post('hqKey.setRecipient', { recipient })).toMatchObject({ ok: true });
      expect(await call(reg, 'hqKey.setRecipient', { recipient: file })).toEqual({ recipient });
    } finally {
      await web.close();
    }
  });
});

/** A plausible input for each read, so that it reaches the database rather than the schema's refusal. */
function readInput(op: OperationName, iin: string): unknown {
  const year = 2025;
  const inputs: Partial<Record<OperationName, unknown>> = {
    'orgs.get': { code: 'P001' },
    'members.get': { iin },
    'dues.lines': { remittanceId: '00000000-0000-4000-8000-000000000000' },
    'reports.appeals': { year },
    'reports.appealsByChannel': { year },
    'reports.appealsByMonth': { year },
    'reports.legal': { year },
    'reports.dues': { year },
    'reports.annual': { year },
    'exchange.exportPreview': { quarter: '2025Q1' },
    'xlsx.export': { kind: 'members' },
    'history.record': { kind: 'member', key: iin },
    'backups.download': { id: 'none' },
  };
  return inputs[op] ?? {};
}

async function readOnly(file: string): Promise<Register> {
  return { db: connect(file, { readOnly: true }), file, clock: () => new Date('2025-03-15T09:00:00Z') };
}

describe('the pure reads (answered beside a long write)', () => {
  it.each(['branch', 'hq'] as const)(
    'each runs on a read-only connection at a %s without touching the file',
    async (kind) => {
      const file = path.join(tempDir(), `${kind}.sqlite`);
      const reg = await initRegister(file, { kind, code: kind === 'hq' ? 'HQ' : 'KRG', name: 'Реестр' });
      const iin = makeIin('1990-01-01', 'female', 1);
      if (kind === 'branch') {
        await addOrg(reg);
        await admit(reg, iin);
      }
      const reader = await readOnly(file);
      try {
        const failures: string[] = [];
        for (const op of READ_OPERATIONS) {
          const answer = await callSafely(reader, op, readInput(op, iin), () => 'logged');
          if (!answer.ok && (answer.code === 'internal' || answer.code === 'db.busy'))
            failures.push(`${op}: ${answer.code}`);
        }
        expect(failures).toEqual([]);
        expect(READ_OPERATIONS.size).toBeGreaterThanOrEqual(25);
      } finally {
        await closeRegister(reader);
        await closeRegister(reg);
      }
    },
  );
});
