import path from 'node:path';
import { parseArgs } from 'node:util';
import { logDir, openLog } from '../core/log.ts';
import { CoreHost, CoreStartError } from '../host/client.ts';
import { spawnWorker } from '../host/threads.ts';
import { startWebPreview } from './server.ts';

/**
 * `npm run -s web -- --db FILE [--port N] [--root DIR]`: the first line on stdout is the URL to open,
 * token included. Development and tests only; it refuses any address but 127.0.0.1. The register runs in
 * worker threads (electron/host), as it runs in a utility process behind the window.
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
  const dir = values['log-dir'] ?? logDir();
  await openLog({ dir, process: 'web' });
  const core = await CoreHost.start({ file: path.resolve(values.db), spawn: spawnWorker, logDir: dir });
  const root = values.root ?? path.resolve(import.meta.dirname, '../../out/renderer');
  const preview = await startWebPreview(core, {
    root,
    port: values.port ? Number(values.port) : 0,
    host: values.host,
  });
  process.stdout.write(`${preview.url}\n`);
  const stop = async () => {
    await preview.close();
    await core.close(); // the calls under way finish, then the register is closed
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  const refused = err instanceof CoreStartError ? err.refusal : null;
  process.stderr.write(
    refused
      ? `error [${refused.code}]: ${refused.message}\n`
      : `${err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exit(1);
});
