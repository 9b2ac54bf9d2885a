/**
 * Run as its own process by the bench: the XLSX export of every member of a register, so that the peak
 * memory printed is the export's (on top of an opened register), not the bench's other data sets.
 * Prints one JSON line: time, file size, resident memory before and at peak.
 */
import { closeRegister, openRegister } from '../../electron/core/db/init.ts';
import { call } from '../../electron/core/service.ts';

const reg = await openRegister(process.argv[2]!);
await call(reg, 'members.list', { limit: 1 }); // list keys and page cache ready, as in the running app
const before = process.memoryUsage().rss;
const cpu = process.cpuUsage();
const start = process.hrtime.bigint();
const out = await call(reg, 'xlsx.export', { kind: 'members', language: 'ru' });
const ms = Number(process.hrtime.bigint() - start) / 1e6;
const used = process.cpuUsage(cpu);
await closeRegister(reg);
console.log(
  JSON.stringify({
    ms,
    cpuMs: (used.user + used.system) / 1000,
    bytes: Buffer.byteLength(out.content, 'base64'),
    rssBeforeMb: Math.round(before / 1024 / 1024),
    peakMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
