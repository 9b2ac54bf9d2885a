import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Node tests never load the real `electron` (it would download the binary): see test/stubs/electron.ts.
  resolve: { alias: { electron: path.resolve(import.meta.dirname, 'test/stubs/electron.ts') } },
  test: {
    include: [
      'test/node/**/*.test.ts',
      'test/components/**/*.test.{ts,tsx}',
      'test/ui/**/*.test.ts',
      'test/electron/**/*.test.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // No test (nor a CLI or web preview it spawns) writes its log into the developer's own user-data folder.
    env: { AQNIET_LOG_DIR: path.join(os.tmpdir(), 'aqniet-test-logs') },
  },
});
