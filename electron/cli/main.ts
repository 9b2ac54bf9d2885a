import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { OPERATION_NAMES, type OperationName } from '../shared/contract.ts';
import { closeRegister, initRegister, openRegister } from '../core/db/init.ts';
import { generateDemo } from '../core/demo/demo.ts';
import { RegisterError, refusal } from '../core/errors.ts';
import { closeLog, logDir, logError, openLog } from '../core/log.ts';
import { call } from '../core/service.ts';
import { COMMANDS, reportAsXlsx, type Flags } from './commands.ts';
import { formatResult } from './format.ts';

/**
 * `npm run -s cli -- <command> --db FILE …`. Exit 0 on success, 1 when the register refuses (one line on
 * stderr, then the row list for imports), 2 on a usage error. `--json` prints one JSON document on stdout.
 */
const USAGE = `usage: npm run -s cli -- <command> --db FILE [options] [--json]
commands:
  init --db F --branch CODE --name NAME [--hq]
  demo --db F [--members N] [--seed N]
  merge --db HQ [--json] [--confirm-seq-jump] FILE…
  call <operation> --db F --input JSON        (any contract operation: ${OPERATION_NAMES.length} of them)
  ${Object.entries(COMMANDS)
    .map(
      ([name, c]) =>
        `${name} ${Object.keys(c.flags)
          .map((f) => `--${f}`)
          .join(' ')}`,
    )
    .join('\n  ')}`;

class UsageError extends Error {}

function parse(argv: string[], flags: Record<string, 'string' | 'boolean'>) {
  const options = Object.fromEntries(
    Object.entries({ ...flags, db: 'string', json: 'boolean' }).map(([k, type]) => [k, { type }]),
  ) as Record<string, { type: 'string' | 'boolean' }>;
  try {
    return parseArgs({ args: argv, options, allowPositionals: false, strict: true }).values as Flags;
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function requireDb(flags: Flags): string {
  if (typeof flags.db !== 'string') throw new UsageError('--db FILE is required');
  return flags.db;
}

function print(json: boolean, op: OperationName | null, result: unknown) {
  process.stdout.write(
    `${json || !op ? JSON.stringify(result, null, json ? undefined : 2) : formatResult(op, result)}\n`,
  );
}

async function main(argv: string[]): Promise<number> {
  const words: string[] = [];
  while (argv[0] && !argv[0].startsWith('--')) words.push(argv.shift()!);
  const name = words.join(' ');
  if (name === '' || name === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return name === 'help' ? 0 : 2;
  }
  if (name === 'init') {
    const f = parse(argv, { branch: 'string', name: 'string', hq: 'boolean' });
    const code = typeof f.branch === 'string' ? f.branch : f.hq ? 'HQ' : undefined;
    if (!code || typeof f.name !== 'string') throw new UsageError('init needs --branch CODE and --name NAME');
    const reg = await initRegister(requireDb(f), { kind: f.hq ? 'hq' : 'branch', code, name: f.name });
    const info = await call(reg, 'register.info', {});
    await closeRegister(reg);
    print(f.json === true, null, info);
    return 0;
  }
  if (name === 'demo') {
    const f = parse(argv, { members: 'string', seed: 'string' });
    const summary = await generateDemo(requireDb(f), {
      members: typeof f.members === 'string' ? Number(f.members) : undefined,
      seed: typeof f.seed === 'string' ? Number(f.seed) : undefined,
    });
    print(f.json === true, null, summary);
    return 0;
  }
  if (name === 'merge') {
    // merge --db HQ [--json] FILE…: one line per file; exit 1 when any file was rejected
    let parsed: { values: Flags; positionals: string[] };
    try {
      parsed = parseArgs({
        args: argv,
        options: {
          db: { type: 'string' },
          json: { type: 'boolean' },
          'confirm-seq-jump': { type: 'boolean' },
        },
        allowPositionals: true,
        strict: true,
      }) as typeof parsed;
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    if (parsed.positionals.length === 0) throw new UsageError('merge needs at least one package file');
    const reg = await openRegister(requireDb(parsed.values));
    try {
      const out = await call(reg, 'exchange.merge', {
        files: parsed.positionals,
        confirmSeqJump: parsed.values['confirm-seq-jump'] === true,
      });
      if (parsed.values.json === true) process.stdout.write(`${JSON.stringify(out.results)}\n`);
      else {
        for (const r of out.results) {
          process.stdout.write(`${r.file}: ${r.status}${r.code ? ` [${r.code}] ${r.reason}` : ''}\n`);
          for (const d of r.details ?? [])
            process.stdout.write(`  row ${d.row}, ${d.column}: ${d.message}\n`);
          for (const w of r.warnings ?? []) process.stdout.write(`  warning [${w.code}]: ${w.message}\n`);
        }
        for (const d of out.duplicates)
          process.stdout.write(`active in two branches: ${d.iin} (${d.branches.join(', ')}) ${d.names}\n`);
        for (const x of out.transfers.filter((t) => t.status !== 'completed'))
          process.stdout.write(
            `transfer in progress: ${x.iin} ${x.fromBranch} → ${x.toBranch} (${x.status})\n`,
          );
      }
      return out.results.some((r) => r.status === 'rejected') ? 1 : 0;
    } finally {
      await closeRegister(reg);
    }
  }
  let op: OperationName;
  let input: Record<string, unknown>;
  let flags: Flags;
  if (words[0] === 'call' && words.length === 2) {
    flags = parse(argv, { input: 'string' });
    if (!OPERATION_NAMES.includes(words[1] as OperationName))
      throw new UsageError(`unknown operation ${words[1]}`);
    op = words[1] as OperationName;
    try {
      input = typeof flags.input === 'string' ? JSON.parse(flags.input) : {};
    } catch {
      throw new UsageError('--input must be JSON');
    }
  } else {
    const command = COMMANDS[name];
    if (!command) throw new UsageError(`unknown command "${name}"`);
    flags = parse(argv, command.flags);
    op = command.op === 'import.run' && flags['dry-run'] === true ? 'import.preview' : command.op;
    if (command.op === 'payroll.check' && flags.confirm === true) op = 'payroll.attach';
    if (name === 'history' && typeof flags.entity === 'string') op = 'history.record';
    input = command.input(flags);
    const asXlsx = reportAsXlsx(name, flags);
    if (asXlsx) [op, input, flags.out] = ['xlsx.export', asXlsx, flags.xlsx];
  }
  // operations whose answer is a file (its name and bytes): written to --out (a file, or a folder for its name)
  const toFile = op === 'xlsx.export' || op === 'exchange.receipt' || op === 'exchange.directive';
  if (toFile && typeof flags.out !== 'string')
    throw new UsageError(
      op === 'xlsx.export' ? '--out FILE.xlsx is required' : '--out FILE or FOLDER is required',
    );
  const reg = await openRegister(requireDb(flags));
  try {
    const result = await call(reg, op, input);
    if (toFile) {
      // the file goes to --out; stdout says where
      const file = result as { content: string; fileName: string };
      const out = String(flags.out);
      const target =
        fs.existsSync(out) && fs.statSync(out).isDirectory() ? path.join(out, file.fileName) : out;
      fs.writeFileSync(target, Buffer.from(file.content, 'base64'));
      print(flags.json === true, null, {
        file: path.resolve(target),
        bytes: Buffer.from(file.content, 'base64').length,
      });
    } else print(flags.json === true, op, result);
    // --dry-run answers what the import would do: 1 when it would be refused (problems, or conflicts
    // without --update), so a script can check a file before importing it
    if (op === 'import.preview') {
      const r = result as { problemCount: number; conflictCount: number; update: boolean };
      if (r.problemCount > 0 || (r.conflictCount > 0 && !r.update)) return 1;
    }
  } finally {
    await closeRegister(reg);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UsageError) {
      process.stderr.write(`usage error: ${err.message}\n${USAGE}\n`);
      process.exit(2);
    }
    if (err instanceof RegisterError) {
      process.stderr.write(`error [${err.code}]: ${err.message}\n`);
      for (const d of err.details) process.stderr.write(`  row ${d.row}, ${d.column}: ${d.message}\n`);
      const total = Number(err.params.problems ?? 0);
      if (total > err.details.length && err.details.length > 0)
        process.stderr.write(`  … the first ${err.details.length} of ${total} are shown\n`);
      process.exit(1);
    }
    void reportInternal(err).finally(() => process.exit(3));
  },
);

/** An unexpected error: its stack goes to the log file, the person sees where and under which id. */
async function reportInternal(err: unknown): Promise<void> {
  let file: string | null = null;
  try {
    file = await openLog({ dir: logDir(), process: 'cli' });
  } catch {
    // the log folder cannot be written: the id still goes to stderr with the record
  }
  const logId = logError(err, { argv: process.argv.slice(2, 4) });
  const internal = refusal('internal', { logId });
  process.stderr.write(`error [internal]: ${internal.message}${file ? ` (${file})` : ''}\n`);
  closeLog();
}
