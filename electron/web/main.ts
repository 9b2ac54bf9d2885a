import path from 'node:path';
import { parseArgs } from 'node:util';
import { dailyBackup } from '../core/backups/operations.ts';
import { closeRegister, openRegister } from '../core/db/init.ts';
import { RegisterError } from '../core/errors.ts';
import { logDir, openLog } from '../core/log.ts';
import { startWebPreview } from './server.ts';

/**
 * `npm run -s web -- --db FILE [--port N] [--root DIR]`: the first line on stdout is the URL to open,
 * token included. Development and tests only; it refuses any address but 127.0.0.1.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      port: { type: 'string' },
      root: { type: 'string' },
      host: { type: 'string' },
      'log-dir': { type: 'string' },
    },
    strict: true,
  });
  if (!values.db) {
    process.stderr.write('usage: npm run -s web -- --db FILE [--port N]\n');
    process.exit(2);
  }
  await openLog({ dir: values['log-dir'] ?? logDir(), process: 'web' });
  const reg = await openRegister(values.db);
  // once a day on the first start; a failed copy is reported, and the register still opens
  await dailyBackup(reg).catch((err: unknown) => console.error(err));
  const root = values.root ?? path.resolve(import.meta.dirname, '../../out/renderer');
  const preview = await startWebPreview(reg, {
    root,
    port: values.port ? Number(values.port) : 0,
    host: values.host,
  });
  process.stdout.write(`${preview.url}\n`);
  const stop = async () => {
    await preview.close();
    await closeRegister(reg);
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  process.stderr.write(
    `${err instanceof RegisterError ? `error [${err.code}]: ` : ''}${err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exit(1);
});
