import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  permissionGranted,
  CONTENT_SECURITY_POLICY,
  isTrustedAppUrl,
  resolveAppPath,
  webPreferences,
} from '../../electron/main/policy.ts';

describe('trusted URL: only pages of the app itself', () => {
  it.each([
    ['app://register/index.html', true],
    ['app://register/', true],
    ['app://register/assets/index.js?x=1#/members', true],
    ['app://evil/index.html', false],
    ['app://register.evil.com/index.html', false],
    ['app://user:pass@register/index.html', false],
    ['app://register:8080/index.html', false],
    ['https://register/index.html', false],
    ['http://127.0.0.1:5173/', false],
    ['file:///C:/Windows/system32/', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['', false],
    ['not a url', false],
  ])('%s → %s', (url, trusted) => {
    expect(isTrustedAppUrl(url)).toBe(trusted);
  });
});

describe('app:// paths stay inside the renderer folder', () => {
  const root = path.resolve('/opt/aqniet/renderer');
  it.each([
    ['/index.html', path.join(root, 'index.html')],
    ['/', path.join(root, 'index.html')],
    ['/assets/index-abc.js', path.join(root, 'assets/index-abc.js')],
    ['/../package.json', null],
    ['/assets/../../secret', null],
    ['/%2e%2e/%2e%2e/etc/passwd', null],
    ['/..%2f..%2fetc/passwd', null],
    ['/..\\..\\windows\\win.ini', null],
    ['/index.html%00.png', null],
    ['/%E0%A4%A', null],
  ])('%s → %s', (requestPath, expected) => {
    expect(resolveAppPath(root, requestPath)).toBe(expected);
  });
});

describe('window and page policy', () => {
  it('isolates the page: sandbox, context isolation, no Node, web security', () => {
    const prefs = webPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('grants the page no permission but writing a chart picture to the clipboard', () => {
    expect(permissionGranted('clipboard-sanitized-write')).toBe(true);
    for (const p of ['clipboard-read', 'media', 'geolocation', 'notifications', 'openExternal', 'fullscreen'])
      expect(permissionGranted(p), p).toBe(false);
  });

  it('allows no remote content and no inline or evaluated script', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
  });
});
