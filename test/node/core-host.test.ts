import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeRegister, initRegister } from '../../electron/core/db/init.ts';
import { call } from '../../electron/core/service.ts';
import { CoreHost } from '../../electron/host/client.ts';
import { spawnWorker } from '../../electron/host/threads.ts';
import { startWebPreview } from '../../electron/web/server.ts';
import { MEMBER_HEADER, memberRows } from '../bench/data.ts';
import { tempDir } from './helpers.ts';

const ORGS = 50;

async function branchFile(): Promise<string> {
  const dir = tempDir();
  const file = path.join(dir, 'branch.sqlite');
  const reg = await initRegister(file, { kind: 'branch', code: 'KRG', name: 'Карагандинский филиал' });
  for (let i = 1; i <= ORGS; i++) {
    await call(reg, 'orgs.create', { code: `P${String(i).padStart(3, '0')}`, name: `ППО ${i}` });
  }
  await closeRegister(reg);
  return file;
}

/** The spawned workers, so a test can end one as a crash would. */
function recordingSpawn(spawned: Map<string, ReturnType<typeof spawnWorker>>): typeof spawnWorker {
  return (role) => {
    const channel = spawnWorker(role);
    spawned.set(role, channel);
    return channel;
  };
}

describe('the core off the window’s thread (worker threads behind the web preview)', () => {
  it('answers register.info in under 100 ms while a 100,000-member import runs, and relays its progress', async () => {
    const file = await branchFile();
    const core = await CoreHost.start({ file, spawn: spawnWorker, logDir: tempDir() });
    const web = await startWebPreview(core, { root: tempDir() });
    const base = new URL(web.url).origin;
    const post = (op: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${base}/api/${op}`, {
        method: 'POST',
        headers: { 'X-Aqniet-Token': web.token, ...headers },
        body: JSON.stringify(body),
      });
    try {
      const csv = [MEMBER_HEADER, ...memberRows(100_000, ORGS)].map((r) => r.join(',')).join('\n');
      const content = Buffer.from(csv).toString('base64');
      const started = performance.now();
      const importing = post(
        'import.run',
        { kind: 'members', content, fileName: 'members.csv' },
        { 'X-Aqniet-Progress': '1' },
      );
      const response = await importing;
      expect(response.headers.get('content-type')).toMatch(/application\/x-ndjson/);

      const progress: Array<{ done: number; total: number }> = [];
      let envelope: { ok: boolean; value?: { created: number } } | null = null;
      const answers: number[] = [];
      let asking = true;
      const ask = (async () => {
        // register.info, again and again, for as long as the import runs
        while (asking) {
          const start = performance.now();
          const info = (await (await post('register.info', {})).json()) as { ok: boolean };
          expect(info.ok).toBe(true);
          answers.push(performance.now() - start);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      })();
      const decoder = new TextDecoder();
      let buffered = '';
      for await (const chunk of response.body!) {
        buffered += decoder.decode(chunk, { stream: true });
        let newline: number;
        while ((newline = buffered.indexOf('\n')) >= 0) {
          const line = JSON.parse(buffered.slice(0, newline)) as {
            progress?: { done: number; total: number };
            envelope?: typeof envelope;
          };
          buffered = buffered.slice(newline + 1);
          if (line.progress) progress.push(line.progress);
          if (line.envelope) envelope = line.envelope;
        }
      }
      asking = false;
      await ask;

      expect(envelope).toMatchObject({ ok: true, value: { created: 100_000 } });
      const importMs = performance.now() - started;
      const sorted = [...answers].sort((a, b) => a - b);
      const median = sorted[Math.floor(sorted.length / 2)]!;
      console.log(
        `import ${(importMs / 1000).toFixed(1)} s; register.info ×${answers.length}: median ${median.toFixed(0)} ms, ` +
          `90th percentile ${sorted[Math.floor(sorted.length * 0.9)]!.toFixed(0)} ms, slowest ${sorted.at(-1)!.toFixed(0)} ms`,
      );
      // asked throughout the import (it blocks its own thread for seconds): answered in under 100 ms, and
      // none waited for the import. The tail is this machine's scheduler (2 cores shared by several
      // test runs), so the slowest answer is bounded by a second, not by 100 ms.
      expect(answers.length).toBeGreaterThanOrEqual(5);
      expect(importMs).toBeGreaterThan(2_000);
      expect(median).toBeLessThan(100);
      expect(sorted.at(-1)!).toBeLessThan(Math.min(1_000, importMs / 4));
      // real progress: counts that only grow, up to the whole
      expect(progress.length).toBeGreaterThan(5);
      for (let i = 1; i < progress.length; i++) {
        expect(progress[i]!.done).toBeGreaterThanOrEqual(progress[i - 1]!.done);
      }
      const last = progress.at(-1)!;
      expect(last.done).toBe(last.total);
      const members = (await (await post('members.list', { limit: 1 })).json()) as { ok: boolean };
      expect(members.ok).toBe(true);
    } finally {
      await web.close();
      await core.close();
    }
  }, 240_000);

  it('shuts down by finishing the calls under way, then closes the register; later calls are refused', async () => {
    const file = await branchFile();
    const core = await CoreHost.start({ file, spawn: spawnWorker, logDir: tempDir() });
    const csv = [MEMBER_HEADER, ...memberRows(2_000, ORGS)].map((r) => r.join(',')).join('\n');
    const importing = core.call('import.run', {
      kind: 'members',
      content: Buffer.from(csv).toString('base64'),
      fileName: 'members.csv',
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const closing = core.close();
    expect(await core.call('register.info', {})).toMatchObject({ ok: false, code: 'host.stopped' });
    expect(await importing).toMatchObject({ ok: true, value: { created: 2_000 } });
    await closing;
    // closed: the last connection checkpointed its write-ahead log into the file and removed it
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const reg = await initRegisterOrOpen(file);
    expect(await reg.db('members').count<{ n: number }[]>({ n: '*' })).toEqual([{ n: 2_000 }]);
    await closeRegister(reg);
  });

  it('restores a backup with the reader closed, and reads the restored register after', async () => {
    const file = await branchFile();
    const core = await CoreHost.start({ file, spawn: spawnWorker, logDir: tempDir() });
    try {
      const made = (await core.call('backups.create', {})) as { ok: true; value: { id: string } };
      expect(made.ok).toBe(true);
      expect(await core.call('orgs.create', { code: 'P900', name: 'После копии' })).toMatchObject({
        ok: true,
      });
      const before = (await core.call('orgs.list', {})) as { ok: true; value: unknown[] };
      expect(before.value).toHaveLength(ORGS + 1);
      const restored = await core.call('backups.restore', { id: made.value.id, reason: 'проверка' });
      expect(restored).toMatchObject({ ok: true, value: { restored: made.value.id } });
      // orgs.list is a pure read, answered by the reader: it sees the restored file, not the replaced one
      const after = (await core.call('orgs.list', {})) as { ok: true; value: unknown[] };
      expect(after.value).toHaveLength(ORGS);
    } finally {
      await core.close();
    }
  });

  it('reports a crashed core as a sentence with a log id, and starts it again', async () => {
    const file = await branchFile();
    const spawned = new Map<string, ReturnType<typeof spawnWorker>>();
    const core = await CoreHost.start({ file, spawn: recordingSpawn(spawned), logDir: tempDir() });
    try {
      const csv = [MEMBER_HEADER, ...memberRows(20_000, ORGS)].map((r) => r.join(',')).join('\n');
      const importing = core.call('import.run', {
        kind: 'members',
        content: Buffer.from(csv).toString('base64'),
        fileName: 'members.csv',
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      // ended without being asked to: what a crash looks like to the door
      await spawned.get('writer')!.worker.terminate();
      const answer = await importing;
      expect(answer).toMatchObject({ ok: false, code: 'host.crashed' });
      expect((answer as { params?: { logId?: string } }).params?.logId).toMatch(/\w+/);
      await expect
        .poll(async () => (await core.call('orgs.create', { code: 'P999', name: 'Новая' })).ok, {
          timeout: 20_000,
        })
        .toBe(true);
      // the interrupted import wrote nothing: its transaction was never committed
      const list = (await core.call('members.list', { limit: 1 })) as { ok: true; value: { total: number } };
      expect(list.value.total).toBe(0);
    } finally {
      await core.close();
    }
  });
});

async function initRegisterOrOpen(file: string) {
  const { openRegister } = await import('../../electron/core/db/init.ts');
  return openRegister(file);
}
