import path from 'node:path';

/**
 * Security policy of the window, kept apart from Electron so each rule is a plain function with a table of
 * hostile inputs in its test (test/node/policy.test.ts). main.ts only wires these into Electron.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'register';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;
/** The one IPC channel; the operation name travels as its first argument. */
export const IPC_CHANNEL = 'aqniet:call';
/** The main process's reports of a long call's `{done, total}` to the page, by the page's call id. */
export const PROGRESS_CHANNEL = 'aqniet:progress';

/** Only pages of the app itself: app://register/…, nothing with credentials, other hosts or schemes. */
export function isTrustedAppUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.host === APP_HOST &&
    url.username === '' &&
    url.password === '' &&
    url.port === ''
  );
}

/**
 * No remote content at all: scripts, styles, fonts and images come from the app; the page talks to the
 * core over IPC, so it needs no network (`connect-src 'self'` serves the web preview's same-origin API).
 * Mantine injects style attributes, hence 'unsafe-inline' for styles only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** The window's web preferences: the renderer is a sandboxed web page with one bridge object. */
export function webPreferences(preload: string) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  } as const;
}

/**
 * Maps a request path of app:// (or of the web preview) to a file under `root`, or null when it would
 * leave `root` (`..`, encoded `%2e%2e`, absolute paths, backslashes, NUL bytes).
 */
export function resolveAppPath(root: string, requestPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded.replace(/^\/+/, '') || 'index.html';
  const base = path.resolve(root);
  const resolved = path.resolve(base, relative);
  if (resolved !== base && !resolved.startsWith(base + path.sep)) return null;
  return resolved;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ico': 'image/x-icon',
};

export function contentType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The one permission the page gets: writing a chart picture to the clipboard ("sanitized" write cannot
 * read the clipboard). Camera, notifications, geolocation and the rest are always refused.
 */
export const GRANTED_PERMISSIONS: readonly string[] = ['clipboard-sanitized-write'];

export function permissionGranted(permission: string): boolean {
  return GRANTED_PERMISSIONS.includes(permission);
}
