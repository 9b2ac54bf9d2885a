import { APPEAL_CATEGORIES, LEGAL_KINDS, STAFF_CATEGORIES } from '../shared/vocabulary.ts';
import type { OperationName } from '../shared/contract.ts';
import type { OperationResult } from '../core/service.ts';
import { formatTiyn } from '../core/money.ts';
import { formatDate as formatRuDate, formatPercent } from '../shared/format.ts';
import { formatAt, historyText } from '../shared/history.ts';

/** Plain-text output for people at a terminal; `--json` gives the raw result instead. */
function table(header: string[], rows: Array<Array<string | number>>): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)));
  return cells
    .map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '))
    .join('\n');
}

const pct = formatPercent;

/** «Период: 2024», «Период: 2024, IV квартал», «Период: 01.11.2021–31.12.2024». */
function periodLine(p: { year: number | null; quarter: number | null; from: string; to: string }): string {
  if (p.year !== null)
    return `Период: ${p.year}${p.quarter ? `, ${['I', 'II', 'III', 'IV'][p.quarter - 1]} квартал` : ''}`;
  return `Период: ${formatRuDate(p.from)}–${formatRuDate(p.to)}`;
}

export function formatResult(op: OperationName, result: unknown): string {
  switch (op) {
    case 'reports.appeals': {
      const r = result as OperationResult<'reports.appeals'>;
      return (
        `${periodLine(r.period)}\n` +
        table(
          ['Категория', 'Всего', 'Закрыто', 'Экон. эффект, ₸', 'На контроле'],
          [
            ...r.rows.map((x) => [
              APPEAL_CATEGORIES[x.category].ru,
              x.total,
              x.closed,
              formatTiyn(x.economicEffectTiyn),
              x.onControl,
            ]),
            [
              'ИТОГО',
              r.total.total,
              r.total.closed,
              formatTiyn(r.total.economicEffectTiyn),
              r.total.onControl,
            ],
          ],
        )
      );
    }
    case 'reports.membership': {
      const r = result as OperationResult<'reports.membership'>;
      return [
        `Членов профсоюза на ${formatRuDate(r.date)}: ${r.total.members} в ${r.total.orgs} ППО, охват ${pct(r.total.density)}`,
        table(
          ['ППО', 'Членов', 'Работающих', 'Охват'],
          r.rows.map((x) => [`${x.org} ${x.name}`, x.members, x.headcount ?? '—', pct(x.density)]),
        ),
        table(
          ['Категория', 'Членов'],
          r.byCategory.map((x) => [
            STAFF_CATEGORIES[x.category as keyof typeof STAFF_CATEGORIES].ru,
            x.members,
          ]),
        ),
        `Мужчин: ${r.bySex.male}, женщин: ${r.bySex.female}`,
        table(
          ['Месяц', 'Принято', 'Выбыло', 'Прирост'],
          r.movement.map((m) => [m.month, m.admitted, m.exited, m.net]),
        ),
      ].join('\n\n');
    }
    case 'reports.annual': {
      const r = result as OperationResult<'reports.annual'>;
      return [
        `Годовой отчёт за ${r.year} год`,
        `Численность на ${formatRuDate(r.date)}`,
        table(
          ['Филиал', 'ППО', 'Членов', 'Работающих', 'Охват'],
          [
            ...r.membership.rows.map((x) => [x.branch, x.orgs, x.members, x.headcount, pct(x.density)]),
            [
              'ИТОГО',
              r.membership.total.orgs,
              r.membership.total.members,
              r.membership.total.headcount,
              pct(r.membership.total.density),
            ],
          ],
        ),
        'Сведения об обращениях',
        table(
          ['Категория', 'Всего', 'Закрыто', 'Экон. эффект, ₸', 'На контроле'],
          [
            ...r.appeals.rows.map((x) => [
              APPEAL_CATEGORIES[x.category].ru,
              x.total,
              x.closed,
              formatTiyn(x.economicEffectTiyn),
              x.onControl,
            ]),
            [
              'ИТОГО',
              r.appeals.total.total,
              r.appeals.total.closed,
              formatTiyn(r.appeals.total.economicEffectTiyn),
              r.appeals.total.onControl,
            ],
          ],
        ),
        `«МедАдвокат» с ${formatRuDate(r.legalFrom)}: помощь оказана ${r.legal.total.membersHelped} членам профсоюза, выделено ${formatTiyn(r.legal.total.allocatedTiyn)} ₸`,
        table(
          ['Дела', 'Всего'],
          r.legal.rows.map((x) => [LEGAL_KINDS[x.kind].ru, x.cases]),
        ),
        'Членские взносы',
        table(
          ['Филиал', 'Поступило, ₸', 'Начислено, ₸', 'Полнота', 'ЦС, ₸'],
          [
            ...r.dues.rows.map((x) => [
              x.branch,
              formatTiyn(x.receivedTiyn),
              formatTiyn(x.expectedTiyn),
              pct(x.completeness),
              formatTiyn(x.centralShareTiyn),
            ]),
            [
              'ИТОГО',
              formatTiyn(r.dues.total.receivedTiyn),
              formatTiyn(r.dues.total.expectedTiyn),
              pct(r.dues.total.completeness),
              formatTiyn(r.dues.total.centralShareTiyn),
            ],
          ],
        ),
      ].join('\n\n');
    }
    case 'reports.legal': {
      const r = result as OperationResult<'reports.legal'>;
      return [
        periodLine(r.period),
        `Оказана правовая помощь членам профсоюза: ${r.total.membersHelped}`,
        table(
          ['Дела', 'Всего', 'Закрыто', 'Выделено, ₸'],
          [
            ...r.rows.map((x) => [LEGAL_KINDS[x.kind].ru, x.cases, x.closed, formatTiyn(x.allocatedTiyn)]),
            ['ИТОГО', r.total.cases, r.total.closed, formatTiyn(r.total.allocatedTiyn)],
          ],
        ),
      ].join('\n');
    }
    case 'reports.dues': {
      const r = result as OperationResult<'reports.dues'>;
      return [
        periodLine(r.period),
        table(
          ['ППО', 'Поступило, ₸', 'Начислено, ₸', 'Полнота', 'ППО, ₸', 'Филиал, ₸', 'ЦС, ₸'],
          [
            ...r.rows.map((x) => [
              x.org,
              formatTiyn(x.receivedTiyn),
              formatTiyn(x.expectedTiyn),
              pct(x.completeness),
              formatTiyn(x.ppoShareTiyn),
              formatTiyn(x.branchShareTiyn),
              formatTiyn(x.centralShareTiyn),
            ]),
            [
              'ИТОГО',
              formatTiyn(r.total.receivedTiyn),
              formatTiyn(r.total.expectedTiyn),
              pct(r.total.completeness),
              formatTiyn(r.total.ppoShareTiyn),
              formatTiyn(r.total.branchShareTiyn),
              formatTiyn(r.total.centralShareTiyn),
            ],
          ],
        ),
        r.arrears.length
          ? `Задолженность (нет перечислений): ${r.arrears.map((a) => `${a.org} ${a.month}`).join(', ')}`
          : 'Задолженности нет',
      ].join('\n\n');
    }
    case 'payroll.check':
    case 'payroll.attach': {
      const r = result as OperationResult<'payroll.attach'>;
      const lines = [
        `Ведомость ${r.orgCode} за ${r.month}: строк ${r.lineCount}, удержано ${formatTiyn(r.totalWithheldTiyn)} ₸, поступило ${formatTiyn(r.receivedTiyn)} ₸ (ставка ${r.ratePercent} %)`,
        `Столбцы: ${Object.entries(r.columns)
          .map(([field, header]) => `${field} = «${header}»`)
          .join(', ')}`,
        `Исключений: ${r.exceptions.length}`,
        ...r.exceptions.map((e) => {
          switch (e.kind) {
            case 'not_member':
              return `  строка ${e.row}, ИИН ${e.iin} ${e.name}: удержано ${formatTiyn(e.withheldTiyn)} ₸, но не состоит в ППО`;
            case 'nothing_withheld':
              return `  ИИН ${e.iin} ${e.name}: член ППО, ничего не удержано`;
            case 'amount_differs':
              return `  строка ${e.row}, ИИН ${e.iin} ${e.name}: удержано ${formatTiyn(e.withheldTiyn)} ₸, по ставке ${formatTiyn(e.expectedTiyn)} ₸`;
            case 'total_differs':
              return `  итог ведомости ${formatTiyn(e.withheldTiyn)} ₸ не равен поступлению ${formatTiyn(e.receivedTiyn)} ₸`;
          }
        }),
        'attached' in r
          ? `Строк прикреплено к поступлению: ${r.attached}`
          : 'Ничего не прикреплено: проверьте и повторите с --confirm',
      ];
      return lines.join('\n');
    }
    case 'import.run':
    case 'import.preview': {
      const r = result as OperationResult<'import.run'>;
      const verb = op === 'import.preview' ? 'would be' : 'were';
      const lines = [
        `${r.rows} rows: ${r.created} new, ${r.updated} updated, ${r.unchanged} unchanged (${verb} imported)`,
      ];
      if (r.sheet !== null)
        lines.push(
          `sheet «${r.sheet}»${r.hiddenSheets.length ? ` (hidden sheets skipped: ${r.hiddenSheets.map((h) => `«${h}»`).join(', ')})` : ''}`,
        );
      if (r.encoding) lines.push(`encoding: ${r.encoding}`);
      if (r.ignoredColumns.length) lines.push(`ignored columns: ${r.ignoredColumns.join(', ')}`);
      for (const p of r.problems) lines.push(`row ${p.row}, ${p.column}: ${p.message}`);
      if (r.problemCount > r.problems.length)
        lines.push(`… the first ${r.problems.length} of ${r.problemCount} problems are shown`);
      if (r.conflictCount > 0)
        lines.push(
          r.update
            ? `${r.conflictCount} existing record(s) differ and ${verb} updated (--update):`
            : `${r.conflictCount} existing record(s) differ from the file; add --update to write the file over them:`,
        );
      for (const c of r.conflicts)
        for (const f of c.fields)
          lines.push(`row ${c.row}, ${f.column}: ${c.key}: register «${f.stored}», file «${f.incoming}»`);
      return lines.join('\n');
    }
    case 'backups.list': {
      const r = result as OperationResult<'backups.list'>;
      return [
        `Папка: ${r.folder}`,
        `Хранятся: последние ${r.retention.daily} ежедневных; сделанные перед миграцией, импортом, ведомостью, слиянием и восстановлением — ${r.retention.eventDays} дней (последняя каждого вида — всегда); сделанные вручную — пока их не удалят`,
        table(
          ['Копия', 'Дата', 'Причина', 'Размер, КБ', 'Членов', 'ППО', 'Поступлений', 'Обращений'],
          r.backups.map((b) => [
            b.id,
            formatAt(b.createdAt),
            b.detail,
            Math.round(b.bytes / 1024),
            b.held.members,
            b.held.orgs,
            b.held.remittances,
            b.held.appeals,
          ]),
        ),
      ].join('\n');
    }
    case 'history.record':
      return historyText(result as OperationResult<'history.record'>, 'ru');
    case 'history.journal': {
      const r = result as OperationResult<'history.journal'>;
      return `${historyText(r.rows, 'ru')}\nЗаписей: ${r.rows.length} из ${r.total}`;
    }
    case 'dues.delete':
    case 'dues.deleteLine': {
      // what was deleted is kept: the number that brings it back is what the person needs next
      const r = result as OperationResult<'dues.delete'>;
      return `${op === 'dues.delete' ? 'Поступление удалено' : 'Строка удалена'}. Вернуть: dues restore --removal ${r.removalId}`;
    }
    default:
      return JSON.stringify(result, null, 2);
  }
}
