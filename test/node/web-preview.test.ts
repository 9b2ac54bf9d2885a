import { spawn } from 'node:child_process';
import net from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/policy.ts';
import { startWebPreview } from '../../electron/web/server.ts';
import { freshRegister, tempDir } from './helpers.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

async function preview() {
  const reg = await freshRegister();
  const root = tempDir();
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
  const web = await startWebPreview(reg, { root });
  const base = new URL(web.url).origin;
  return { reg, web, base };
}

/** Sends bytes as they are (fetch would refuse to send a malformed request); the status line of the answer. */
function raw(base: string, request: string): Promise<string> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(Buffer.from(request, 'latin1')));
    let answer = '';
    socket.on('data', (d: Buffer) => (answer += d.toString('latin1')));
    socket.on('end', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.on('error', reject);
  });
}

describe('web preview', () => {
  it('listens on 127.0.0.1 only', async () => {
    const reg = await freshRegister();
    await expect(startWebPreview(reg, { root: tempDir(), host: '0.0.0.0' })).rejects.toThrow(
      /127\.0\.0\.1 only/,
    );
    await expect(startWebPreview(reg, { root: tempDir(), host: '192.168.1.5' })).rejects.toThrow(
      /127\.0\.0\.1 only/,
    );
  });

  it('answers the contract only with the token, as envelopes', async () => {
    const { web, base } = await preview();
    try {
      expect(web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}#\/$/);
      const post = (op: string, body: unknown, token?: string) =>
        fetch(`${base}/api/${op}`, {
          method: 'POST',
          headers: token ? { 'X-Aqniet-Token': token } : {},
          body: JSON.stringify(body),
        });
      expect((await post('register.info', {})).status).toBe(403);
      expect((await post('register.info', {}, 'x'.repeat(web.token.length))).status).toBe(403);
      const ok = await (await post('register.info', {}, web.token)).json();
      expect(ok).toMatchObject({ ok: true, value: { branchCode: 'KRG' } });
      const refused = await (await post('members.admit', { iin: '1' }, web.token)).json();
      expect(refused).toMatchObject({ ok: false, code: 'input.invalid' });
      expect(JSON.stringify(refused)).not.toMatch(/at .*\.ts:\d+/);
      const unknown = await (await post('toString', {}, web.token)).json();
      expect(unknown).toMatchObject({ ok: false, code: 'input.unknown_operation' });
      expect((await fetch(`${base}/api/register.info`)).status).toBe(405);
    } finally {
      await web.close();
    }
  });

  describe('survives malformed requests, and keeps answering', () => {
    it.each([
      [
        'a token of 32 non-ASCII bytes (Node reads them as 32 Latin-1 characters: 64 bytes in UTF-8)',
        '403',
        (host: string) =>
          `POST /api/register.info HTTP/1.1\r\nHost: ${host}\r\nX-Aqniet-Token: ${'\u00e9'.repeat(32)}\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
      ],
      [
        'a request line that is no URL',
        '400',
        (host: string) => `GET http://[ HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
      ],
      [
        'a broken percent-encoding in the operation',
        '400',
        (host: string) =>
          `POST /api/%E0%A4%A HTTP/1.1\r\nHost: ${host}\r\nX-Aqniet-Token: {token}\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
      ],
      [
        'a broken percent-encoding in a page path',
        '404',
        (host: string) => `GET /%E0%A4%A HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
      ],
      [
        'another host name (DNS rebinding)',
        '403',
        () => `GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n`,
      ],
      [
        'the right name with another port',
        '403',
        () => `GET / HTTP/1.1\r\nHost: 127.0.0.1:1\r\nConnection: close\r\n\r\n`,
      ],
      ['no Host at all', '403', () => `GET / HTTP/1.0\r\n\r\n`],
    ])('%s → %s', async (_name, status, request) => {
      const { web, base } = await preview();
      try {
        const host = new URL(base).host;
        const line = await raw(base, request(host).replace('{token}', web.token));
        expect(line).toMatch(new RegExp(`^HTTP/1\\.[01] ${status} `));
        // the server is still there
        const ok = await fetch(`${base}/api/register.info`, {
          method: 'POST',
          headers: { 'X-Aqniet-Token': web.token },
          body: '{}',
        });
        expect(ok.status).toBe(200);
      } finally {
        await web.close();
      }
    });

    it('answers localhost with its port as well as 127.0.0.1', async () => {
      const { web, base } = await preview();
      try {
        const port = new URL(base).port;
        const line = await raw(
          base,
          `GET / HTTP/1.1\r\nHost: localhost:${port}\r\nConnection: close\r\n\r\n`,
        );
        expect(line).toMatch(/^HTTP\/1\.1 200 /);
      } finally {
        await web.close();
      }
    });
  });

  it('serves the page with the CSP and nothing outside its folder', async () => {
    const { web, base } = await preview();
    try {
      const page = await fetch(`${base}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect((await fetch(`${base}/..%2f..%2fpackage.json`)).status).toBe(404);
      expect((await fetch(`${base}/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
    } finally {
      await web.close();
    }
  });

  it('prints the URL with its token as the first line (npm run -s web), and logs to web.N.log and core.N.log', async () => {
    const reg = await freshRegister();
    const logs = tempDir();
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(ROOT, 'electron/web/main.ts'),
        '--db',
        reg.file,
        '--root',
        tempDir(),
        '--log-dir',
        logs,
      ],
      { cwd: ROOT },
    );
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('\n')) resolve(out.split('\n')[0]!);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      expect(line).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+#\/$/);
      const res = await fetch(`${new URL(line).origin}/api/register.info`, {
        method: 'POST',
        headers: { 'X-Aqniet-Token': new URL(line).searchParams.get('token')! },
        body: '{}',
      });
      expect(((await res.json()) as { value: { branchName: string } }).value.branchName).toBe(
        'Карагандинский филиал',
      );
      // the server's own log, and the register's worker threads' (the writer and the reader beside it)
      expect(fs.readdirSync(logs).sort()).toEqual([
        expect.stringMatching(/^core-reader\.\d+\.log$/),
        expect.stringMatching(/^core\.\d+\.log$/),
        expect.stringMatching(/^web\.\d+\.log$/),
      ]);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
