/**
 * One writer of the two-writers tests, in a process of its own (SQLite's locks are between processes,
 * as between the window and the CLI on a branch PC). It opens the register, prints `ready`, waits for the
 * go file (so both writers start within a few milliseconds of each other) and then either
 * - `call OP INPUT`: runs one operation and prints its envelope as one JSON line (an unexpected error
 *   carries its raw text in `raw`, so the test can show that none reached a person), or
 * - `hold`: takes the write lock (BEGIN IMMEDIATE, as an import does) and keeps it until the go file is
 *   removed, then commits.
 * Built into one file by the test (esbuild) so that starting it takes a fraction of a second.
 */
import fs from 'node:fs';
import { closeRegister, openRegister } from '../../../electron/core/db/init.ts';
import { callSafely } from '../../../electron/core/service.ts';

const [db, go, mode, op, input] = process.argv.slice(2) as [string, string, string, string?, string?];

const wait = async (until: () => boolean) => {
  while (!until()) await new Promise((resolve) => setTimeout(resolve, 1));
};

const reg = await openRegister(db);
process.stdout.write('ready\n');
await wait(() => fs.existsSync(go));
if (mode === 'hold') {
  await reg.db.transaction(async (trx) => {
    await trx('settings').select();
    process.stdout.write('holding\n');
    await wait(() => !fs.existsSync(go));
  });
  process.stdout.write(`${JSON.stringify({ ok: true, value: 'released' })}\n`);
} else {
  let raw: string | undefined;
  const started = Date.now();
  const envelope = await callSafely(reg, op!, JSON.parse(input ?? '{}'), (err) => {
    raw = err instanceof Error ? `${err.message}\n${err.stack}` : String(err);
    return 'child-log';
  });
  process.stdout.write(`${JSON.stringify({ ...envelope, raw, ms: Date.now() - started })}\n`);
}
await closeRegister(reg);
