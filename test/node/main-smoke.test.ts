import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPERATION_NAMES, SURFACE } from '../../electron/shared/contract.ts';
import { SCHEMA_VERSION } from '../../migrations/index.ts';
import {
  APP_ENTRY,
  CONTENT_SECURITY_POLICY,
  IPC_CHANNEL,
  PROGRESS_CHANNEL,
  webPreferences,
} from '../../electron/main/policy.ts';
import { recorded } from '../stubs/electron.ts';
import { closeRegister, initRegister } from '../../electron/core/db/init.ts';
import { requireBuilt } from '../tools.ts';
import { tempDir } from './helpers.ts';

const MAIN = path.resolve(import.meta.dirname, '../../out/main/main.js');
requireBuilt('out/main/main.js');

/**
 * Loads the *built* main-process bundle with the stub `electron` (vitest's alias): it must open and migrate
 * the database, create the window with the required web preferences, serve the renderer from app:// with
 * the CSP, deny permissions, and answer every contract operation over IPC — only from the app's own pages.
 */
describe('the built main process, started with a stub Electron', () => {
  it('starts, and every operation of the contract has a validated IPC handler', async () => {
    recorded.userData = tempDir();
    await import(MAIN);
    await expect.poll(() => recorded.windows.length, { timeout: 20_000 }).toBe(1);
    const window = recorded.windows[0]!;
    await expect.poll(() => window.loadedUrl, { timeout: 20_000 }).toBe(APP_ENTRY);

    expect(window.options.webPreferences).toEqual(
      webPreferences(path.resolve(path.dirname(MAIN), 'preload.cjs')),
    );
    expect(fs.existsSync(path.join(recorded.userData, 'register.sqlite'))).toBe(true);
    // the register lives in utility processes running the core's bundle: a writer and a reader beside it
    expect(
      recorded.utilities.map((u) => [path.basename(u.modulePath), u.options.serviceName]).sort(),
    ).toEqual([
      ['core.js', 'Aqniet Register core (reader)'],
      ['core.js', 'Aqniet Register core (writer)'],
    ]);
    expect(recorded.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);

    const served = await recorded.protocols.get('app')!(new Request(APP_ENTRY));
    expect(served.status).toBe(200);
    expect(served.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(
      (await recorded.protocols.get('app')!(new Request('app://register/..%2f..%2fpackage.json'))).status,
    ).toBe(404);

    let granted: boolean | null = null;
    recorded.permissionHandler!(null, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
    expect(window.webContents.windowOpenHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });

    const menu = recorded.menu as { template: Array<{ label: string; submenu: Array<{ label?: string }> }> };
    expect(menu.template.map((m) => m.label)).toEqual(['Файл', 'Вид', 'Справка']);
    expect(menu.template[0]!.submenu.map((i) => i.label).filter(Boolean)).toEqual([
      'Открыть базу данных…',
      'Создать базу данных…',
      'Печать…',
      'Сохранить как PDF…',
      'Выход',
    ]);

    const help = (menu.template[2] as unknown as { submenu: Array<{ label: string; click: () => void }> })
      .submenu;
    expect(help.map((i) => i.label).filter(Boolean)).toEqual([
      'Проверить обновления',
      'Открыть папку журналов',
      'О программе',
    ]);
    help.find((i) => i.label === 'Проверить обновления')!.click();
    await expect.poll(() => recorded.messages).toEqual(['Адрес обновлений не задан (Настройки).']);
    help.find((i) => i.label === 'Открыть папку журналов')!.click();
    const logs = process.env.AQNIET_LOG_DIR ?? path.join(recorded.userData, 'logs');
    expect(recorded.opened).toEqual([logs]);
    expect(fs.readdirSync(logs)).toContain('main.1.log');

    const handler = recorded.handlers.get(IPC_CHANNEL)!;
    const trusted = { senderFrame: { url: APP_ENTRY }, sender: window.webContents };
    const info = (await handler(trusted, 'register.info', {})) as {
      ok: boolean;
      value: { schemaVersion: number };
    };
    expect(info).toMatchObject({ ok: true, value: { schemaVersion: SCHEMA_VERSION } });
    for (const op of OPERATION_NAMES) {
      // A hostile input to every operation: refused by the door, the contract's schema or the rules, never
      // a crash (a dialog operation's dialog is cancelled: the stub's queue of answers is empty).
      const answer = (await handler(trusted, op, {
        year: 'x',
        code: 42,
        iin: [],
        kind: 'nope',
        id: 'x',
        quarter: 7,
      })) as { ok: boolean; code?: string };
      expect(answer.code, op).not.toBe('internal');
      if (SURFACE[op].door === 'main') expect(answer.code, op).toBe('ipc.not_for_window');
    }
    // exchange keys made through the window are sealed by the OS key store (safeStorage); the loop above
    // already asked for one (keys.init takes no input)
    const keys = (await handler(trusted, 'keys.info', {})) as {
      value: { signing: { fingerprint: string } | null };
    };
    expect(keys.value.signing).not.toBeNull();
    // named by the register's stable id, not by the branch code a person may change in Settings
    const [keyName] = fs.readdirSync(path.join(recorded.userData, 'keys'));
    expect(keyName).toMatch(/^[0-9a-f-]{36}-signing\.key$/);
    const keyFile = path.join(recorded.userData, 'keys', keyName!);
    expect(fs.readFileSync(keyFile, 'utf8')).toMatch(/^aqniet-sealed v1\n/);

    // the .pub goes where the person chose in the native save dialog; the page names no path
    const pub = path.join(tempDir(), 'BRANCH.pub');
    recorded.dialogAnswers.push(pub);
    const exported = (await handler(trusted, 'keys.exportPublic', {})) as {
      value: { file: string; fingerprint: string };
    };
    expect(exported.value).toMatchObject({ file: pub, fingerprint: keys.value.signing!.fingerprint });
    expect(fs.readFileSync(pub, 'utf8')).toMatch(/^untrusted comment: /);
    expect(await handler(trusted, 'keys.backup', { out: '/tmp/stolen.key' })).toMatchObject({
      ok: false,
      code: 'ipc.path_from_window',
    });

    // the backups folder too: chosen in the folder dialog, never typed into the page
    const folder = tempDir();
    recorded.dialogAnswers.push(folder);
    expect(await handler(trusted, 'settings.backupsDir', {})).toMatchObject({
      ok: true,
      value: { backupsDir: folder },
    });
    expect(await handler(trusted, 'settings.update', { backupsDir: '/mnt/share' })).toMatchObject({
      code: 'ipc.path_from_window',
    });

    // a long call's {done, total} reaches the page under the call's id
    const csv = Buffer.from('code,name\nP001,ППО 1\nP002,ППО 2\n').toString('base64');
    const imported = await handler(
      trusted,
      'import.run',
      { kind: 'orgs', content: csv, fileName: 'orgs.csv' },
      7,
    );
    expect(imported).toMatchObject({ ok: true });
    const reports = recorded.sent.filter((s) => s.channel === PROGRESS_CHANNEL);
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.every((s) => s.args[0] === 7)).toBe(true);
    expect(reports.at(-1)!.args[1]).toMatchObject({ done: expect.any(Number), total: expect.any(Number) });
    expect(recorded.progress.at(-1)).toBe(-1); // the taskbar button's bar, gone when the call ended

    await handler(trusted, 'settings.update', { language: 'kk' });
    const kkMenu = recorded.menu as { template: Array<{ label: string }> };
    expect(kkMenu.template.map((m) => m.label)).toEqual(['Файл', 'Көрініс', 'Анықтама']);
    const foreign = await handler({ senderFrame: { url: 'https://evil.example/' } }, 'members.list', {});
    expect(foreign).toMatchObject({ ok: false, code: 'ipc.untrusted_sender' });
    const noFrame = await handler({ senderFrame: null }, 'register.info', {});
    expect(noFrame).toMatchObject({ ok: false, code: 'ipc.untrusted_sender' });

    // File → Open closes the register before switching to the chosen one, without restarting the app
    const first = path.join(recorded.userData, 'register.sqlite');
    expect(fs.existsSync(`${first}-wal`)).toBe(true); // open: SQLite keeps its write-ahead log beside it
    const second = path.join(tempDir(), 'hq.sqlite');
    await closeRegister(await initRegister(second, { kind: 'hq', code: 'HQ', name: 'Центральный совет' }));

    let reloaded = false;
    window.webContents.once('reloaded', () => (reloaded = true));
    recorded.dialogAnswers.push(second);
    const current = recorded.menu as { template: Array<{ submenu: Array<{ click?: () => void }> }> };
    current.template[0]!.submenu[0]!.click!(); // «Дерекқорды ашу…»: the menu is in Kazakh by now

    await expect.poll(() => reloaded, { timeout: 20_000 }).toBe(true);
    const switched = (await handler(trusted, 'register.info', {})) as {
      value: { kind: string; file: string };
    };
    expect(switched.value).toMatchObject({ kind: 'hq', file: second });
    // closed properly: the last connection's close checkpoints the log into the file and removes it
    expect(fs.existsSync(`${first}-wal`)).toBe(false);
    expect(JSON.parse(fs.readFileSync(path.join(recorded.userData, 'config.json'), 'utf8'))).toMatchObject({
      databaseFile: second,
      language: 'kk',
    });

    // File → New opens the window's form (whose register, code, name); its file comes from the save dialog
    current.template[0]!.submenu[1]!.click!();
    await expect.poll(() => recorded.scripts).toEqual(["location.hash = '#/new-register'"]);
    const third = path.join(tempDir(), 'ALA.sqlite');
    recorded.dialogAnswers.push(third);
    const made = await handler(trusted, 'register.create', {
      kind: 'branch',
      code: 'ALA',
      name: 'Алматинский филиал',
    });
    expect(made).toMatchObject({ ok: true, value: { file: third, kind: 'branch', code: 'ALA' } });
    const now = (await handler(trusted, 'register.info', {})) as { value: Record<string, unknown> };
    expect(now.value).toMatchObject({
      kind: 'branch',
      branchCode: 'ALA',
      branchName: 'Алматинский филиал',
      file: third,
    });
  });
});
