/**
 * Merges one package into a headquarters register in a process of its own, so that a test can measure
 * what that costs: prints the merge's result, its time and the process's peak resident memory as JSON.
 * Built into one file by the test (esbuild) so that starting it takes a fraction of a second.
 */
import { closeRegister, openRegister } from '../../../electron/core/db/init.ts';
import { call } from '../../../electron/core/service.ts';

const [db, file] = process.argv.slice(2);
const reg = await openRegister(db!);
const start = process.hrtime.bigint();
const out = await call(reg, 'exchange.merge', { files: [file!] });
const ms = Number(process.hrtime.bigint() - start) / 1e6;
await closeRegister(reg);
process.stdout.write(
  JSON.stringify({ result: out.results[0], ms, peakRssMb: process.resourceUsage().maxRSS / 1024 }),
);
