import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { logError } from '../core/log.ts';
import type { ProgressReporter } from '../core/progress.ts';
import { callSafely } from '../core/service.ts';
import type { Register } from '../core/register.ts';
import { CoreHost } from '../host/client.ts';
import { windowRefusal } from '../host/door.ts';
import { CONTENT_SECURITY_POLICY, contentType, resolveAppPath } from '../main/policy.ts';
import type { Envelope } from '../shared/envelope.ts';
import { MAX_UPLOAD_BYTES } from '../shared/contract.ts';

/**
 * The web preview: the built renderer and the same contract over HTTP, for browser tests and for a look
 * without Electron. A development tool: it listens on 127.0.0.1 only and every API call must carry the
 * random token printed with the URL.
 *
 * It serves the window's surface of the contract (SURFACE in shared/contract.ts): no operation the window
 * may not call, no path in an input, no native dialog. Given a CoreHost (`npm run web`), the register
 * works in worker threads, as it works in a utility process behind the window; given a Register (the
 * browser tests that also look into the register themselves), in this thread.
 *
 * A request with `X-Aqniet-Progress: 1` is answered as JSON lines: `{"progress":{"done","total"}}` while a
 * long operation runs, then `{"envelope":…}`.
 */
export const LOOPBACK = '127.0.0.1';
/** The largest file the window uploads (base64 in the JSON body), and room for the rest of the input. */
const MAX_BODY = Math.ceil(MAX_UPLOAD_BYTES / 3) * 4 + 1024 * 1024;

export interface WebPreview {
  url: string;
  token: string;
  close(): Promise<void>;
}

/** Compared as bytes: a header of non-ASCII characters has another byte length than its string length. */
export function sameToken(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(token, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Only this computer's own names with the preview's port: a page on another site that a DNS name was
 * pointed at 127.0.0.1 for (DNS rebinding) sends its own host name, and is refused.
 */
export function trustedHost(host: string | undefined, port: number): boolean {
  return host === `${LOOPBACK}:${port}` || host === `localhost:${port}`;
}

/** The request's path, or null when the request line is not a path this server could have served. */
export function requestPath(raw: string | undefined): string | null {
  if (!raw?.startsWith('/')) return null;
  try {
    return new URL(raw, `http://${LOOPBACK}`).pathname;
  } catch {
    return null;
  }
}

/** The operation named by `/api/<op>`, or null when its percent-encoding is broken. */
export function operationName(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname.slice('/api/'.length));
  } catch {
    return null;
  }
}

type Call = (op: string, input: unknown, progress?: ProgressReporter) => Promise<Envelope<unknown>>;

function caller(core: Register | CoreHost): Call {
  if (core instanceof CoreHost)
    return (op, input, progress) => core.call(op, input, { progress, window: true });
  return (op, input, progress) => callSafely(core, op, input, logError, { progress, window: true });
}

export async function startWebPreview(
  core: Register | CoreHost,
  options: { root: string; port?: number; host?: string },
): Promise<WebPreview> {
  const call = caller(core);
  const host = options.host ?? LOOPBACK;
  if (host !== LOOPBACK) throw new Error(`the web preview binds to ${LOOPBACK} only, not ${host}`);
  const token = randomBytes(24).toString('base64url');
  let port = 0;
  const server = http.createServer((req, res) => {
    const headers = {
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    };
    if (!trustedHost(req.headers.host, port)) return void res.writeHead(403, headers).end();
    const pathname = requestPath(req.url);
    if (pathname === null) return void res.writeHead(400, headers).end();
    if (pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return void res.writeHead(405, headers).end();
      if (!sameToken(req.headers['x-aqniet-token'], token)) return void res.writeHead(403, headers).end();
      const op = operationName(pathname);
      if (op === null) return void res.writeHead(400, headers).end();
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
        const refused = windowRefusal(op, input, { dialogs: false });
        if (req.headers['x-aqniet-progress'] !== '1') {
          const result = refused ?? (await call(op, input));
          return void res
            .writeHead(200, { ...headers, 'Content-Type': 'application/json; charset=utf-8' })
            .end(JSON.stringify(result));
        }
        res.writeHead(200, { ...headers, 'Content-Type': 'application/x-ndjson; charset=utf-8' });
        const envelope =
          refused ?? (await call(op, input, (progress) => res.write(`${JSON.stringify({ progress })}\n`)));
        res.end(`${JSON.stringify({ envelope })}\n`);
      });
      return;
    }
    if (req.method !== 'GET') return void res.writeHead(405, headers).end();
    const file = resolveAppPath(options.root, pathname);
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile())
      return void res.writeHead(404, headers).end();
    res.writeHead(200, { ...headers, 'Content-Type': contentType(file) });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${LOOPBACK}:${port}/?token=${token}#/`,
    token,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
