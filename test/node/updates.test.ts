import { describe, expect, it } from 'vitest';
import { checkForUpdates, updateFeedUrl, type Updater } from '../../electron/main/updates.ts';

function updater(
  behaviour: () => Promise<{ isUpdateAvailable?: boolean } | null>,
): Updater & { feeds: string[] } {
  const feeds: string[] = [];
  return { feeds, autoDownload: true, setFeedURL: (o) => feeds.push(o.url), checkForUpdates: behaviour };
}

describe('updates', () => {
  it.each([
    ['https://updates.aqniet.kz/register/', 'https://updates.aqniet.kz/register/'],
    ['http://127.0.0.1:8080/feed/', 'http://127.0.0.1:8080/feed/'],
    ['http://updates.aqniet.kz/', null],
    ['https://user:pass@updates.aqniet.kz/', null],
    ['file:///C:/updates/', null],
    ['javascript:alert(1)', null],
    ['updates.aqniet.kz', null],
    ['', null],
  ])('feed URL %s → %s', (setting, url) => {
    expect(updateFeedUrl(setting)).toBe(url);
  });

  it('is off when headquarters has set no URL, and refuses a bad one without asking the network', async () => {
    const u = updater(async () => ({ isUpdateAvailable: true }));
    expect(await checkForUpdates(u, '')).toBe('disabled');
    expect(await checkForUpdates(u, 'http://example.com/')).toBe('invalid-url');
    expect(u.feeds).toEqual([]);
  });

  it('reports offline instead of failing, and never downloads on its own', async () => {
    const offline = updater(async () => {
      throw new Error('getaddrinfo ENOTFOUND updates.aqniet.kz');
    });
    expect(await checkForUpdates(offline, 'https://updates.aqniet.kz/')).toBe('offline');
    expect(offline.autoDownload).toBe(false);
    const broken = updater(async () => {
      throw new Error('Cannot parse update info from latest.yml');
    });
    expect(await checkForUpdates(broken, 'https://updates.aqniet.kz/')).toBe('error');
    const fresh = updater(async () => ({ isUpdateAvailable: true }));
    expect(await checkForUpdates(fresh, 'https://updates.aqniet.kz/')).toBe('available');
    expect(fresh.feeds).toEqual(['https://updates.aqniet.kz/']);
  });
});
