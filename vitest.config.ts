import path from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * Dates are the office's (Kazakhstan, UTC+5) whatever the computer's time zone: the whole suite runs with
 * TZ=UTC, and the tests whose answers depend on "today" run a second time with TZ=Asia/Almaty.
 */
const DATE_SENSITIVE = [
  'test/node/today.test.ts',
  'test/node/validation.test.ts',
  'test/node/members.test.ts',
  'test/node/dues.test.ts',
  'test/node/appeals.test.ts',
  'test/node/import.test.ts',
];

export default defineConfig({
  // Node tests never load the real `electron` (it would download the binary): see test/stubs/electron.ts.
  resolve: { alias: { electron: path.resolve(import.meta.dirname, 'test/stubs/electron.ts') } },
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'utc',
          include: [
            'test/node/**/*.test.ts',
            'test/components/**/*.test.{ts,tsx}',
            'test/ui/**/*.test.ts',
            'test/electron/**/*.test.ts',
          ],
          env: { TZ: 'UTC' },
        },
      },
      { extends: true, test: { name: 'almaty', include: DATE_SENSITIVE, env: { TZ: 'Asia/Almaty' } } },
    ],
  },
});
