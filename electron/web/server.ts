import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { callSafely } from '../core/service.ts';
import type { Register } from '../core/register.ts';
import { CONTENT_SECURITY_POLICY, contentType, resolveAppPath } from '../main/policy.ts';

/**
 * The web preview: the built renderer and the same contract over HTTP, for browser tests and for a look
 * without Electron. A development tool: it listens on 127.0.0.1 only and every API call must carry the
 * random token printed with the URL.
 */
export const LOOPBACK = '127.0.0.1';
const MAX_BODY = 20 * 1024 * 1024;

export interface WebPreview {
  url: string;
  token: string;
  close(): Promise<void>;
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

export async function startWebPreview(
  reg: Register,
  options: { root: string; port?: number; host?: string },
): Promise<WebPreview> {
  const host = options.host ?? LOOPBACK;
  if (host !== LOOPBACK) throw new Error(`the web preview binds to ${LOOPBACK} only, not ${host}`);
  const token = randomBytes(24).toString('base64url');
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${LOOPBACK}`);
    const headers = {
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    };
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return void res.writeHead(405, headers).end();
      if (!sameToken(req.headers['x-aqniet-token'] as string | undefined, token))
        return void res.writeHead(403, headers).end();
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_BODY) req.destroy();
        else chunks.push(c);
      });
      req.on('end', async () => {
        let input: unknown;
        try {
          input = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
        } catch {
          return void res.writeHead(400, headers).end();
        }
        const result = await callSafely(reg, decodeURIComponent(url.pathname.slice(5)), input);
        res
          .writeHead(200, { ...headers, 'Content-Type': 'application/json; charset=utf-8' })
          .end(JSON.stringify(result));
      });
      return;
    }
    if (req.method !== 'GET') return void res.writeHead(405, headers).end();
    const file = resolveAppPath(options.root, url.pathname);
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile())
      return void res.writeHead(404, headers).end();
    res.writeHead(200, { ...headers, 'Content-Type': contentType(file) });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${LOOPBACK}:${port}/?token=${token}#/`,
    token,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
