import os from 'node:os';
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
  'test/node/hostile-inputs.test.ts',
];

/** Tests, and the CLIs and web previews they spawn, log into a temporary folder, never the user's own. */
const LOG_ENV = { AQNIET_LOG_DIR: path.join(os.tmpdir(), 'aqniet-test-logs') };

export default defineConfig({
  // Node tests never load the real `electron` (it would download the binary): see test/stubs/electron.ts.
  resolve: { alias: { electron: path.resolve(import.meta.dirname, 'test/stubs/electron.ts') } },
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // No test (nor a CLI or web preview it spawns) writes its log into the developer's own user-data folder.
    env: LOG_ENV,
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
          env: { ...LOG_ENV, TZ: 'UTC' },
        },
      },
      {
        extends: true,
        test: { name: 'almaty', include: DATE_SENSITIVE, env: { ...LOG_ENV, TZ: 'Asia/Almaty' } },
      },
    ],
  },
});
