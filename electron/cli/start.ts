import fs from 'node:fs';
import path from 'node:path';
import { closeRegister, openRegister } from '../core/db/init.ts';
import { generateDemo } from '../core/demo/demo.ts';
import { formatTiyn } from '../core/money.ts';
import { userDataDir } from '../core/paths.ts';
import { call } from '../core/service.ts';
import { formatResult } from './format.ts';

/**
 * `npm start`. The desktop window arrives with the Electron shell; until then this opens (or creates on
 * first run) a demo branch register in the app's data folder and shows what the core already does.
 */
async function main() {
  const file = process.argv[2] ?? path.join(userDataDir(), 'demo.sqlite');
  if (!fs.existsSync(file)) {
    console.log(`Создаю демонстрационный филиал: ${file}`);
    await generateDemo(file);
  }
  const reg = await openRegister(file);
  try {
    const info = await call(reg, 'register.info', {});
    const year = new Date().getFullYear();
    console.log(
      `Aqniet Register — ${info.branchName} (${info.branchCode}), база ${file}, схема v${info.schemaVersion}\n`,
    );
    console.log(
      formatResult('reports.membership', await call(reg, 'reports.membership', {})).split('\n\n')[0],
    );
    const appeals = await call(reg, 'reports.appeals', { year });
    console.log(`\nОбращения за ${year} год:\n${formatResult('reports.appeals', appeals)}`);
    const dues = await call(reg, 'reports.dues', { year });
    console.log(
      `\nВзносы за ${year} год: поступило ${formatTiyn(dues.total.receivedTiyn)} ₸, полнота сбора ${((dues.total.completeness ?? 0) * 100).toFixed(1).replace('.', ',')} %, задолженностей: ${dues.arrears.length}`,
    );
    console.log(`\nДальше: npm run -s cli -- help   (все команды; --db "${file}")`);
  } finally {
    await closeRegister(reg);
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
