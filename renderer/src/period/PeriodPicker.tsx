import { Group, NumberInput, SegmentedControl, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../electron/shared/format.ts';

/**
 * A report's period as the union counts it: a year, a quarter of it, or a range of dates (typed as
 * dd.mm.yyyy). `period` is what the report operations take; `route` and `query` are how print views
 * say the same in their address (`#/print/appeals/2024/4`, `#/print/appeals?from=…&to=…`).
 */
export interface ReportPeriod {
  year?: number;
  quarter?: number;
  from?: string;
  to?: string;
}

/** dd.mm.yyyy or YYYY-MM-DD to YYYY-MM-DD; anything else is left for the core to refuse with its field. */
function isoOf(text: string): string {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text.trim());
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : text.trim();
}

/** The print view's path and query for a period (`appeals` → `appeals/2024/4` or `appeals?from=…&to=…`). */
export function printPath(view: string, period: ReportPeriod, branch?: string): string {
  const query = new URLSearchParams();
  if (period.from && period.to) {
    query.set('from', period.from);
    query.set('to', period.to);
  }
  if (branch) query.set('branch', branch);
  const path = period.year ? `${view}/${period.year}${period.quarter ? `/${period.quarter}` : ''}` : view;
  return `#/print/${path}${query.size ? `?${query.toString()}` : ''}`;
}

/** The period in a few words for a button: «2024», «IV кв. 2024», «01.11.2021–31.12.2024». */
export function periodShort(period: ReportPeriod): string {
  if (period.from && period.to) return `${formatDate(period.from)}–${formatDate(period.to)}`;
  if (period.quarter) return `${['I', 'II', 'III', 'IV'][period.quarter - 1]} ${period.year}`;
  return String(period.year ?? '');
}

export function usePeriodPicker(initialYear = new Date().getFullYear()) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'year' | 'quarter' | 'range'>('year');
  const [year, setYear] = useState(initialYear);
  const [quarter, setQuarter] = useState('4');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const period: ReportPeriod =
    kind === 'range'
      ? { from: isoOf(from) || undefined, to: isoOf(to) || undefined }
      : kind === 'quarter'
        ? { year, quarter: Number(quarter) }
        : { year };
  const complete = kind !== 'range' || Boolean(period.from && period.to);
  const picker = (
    <Group gap="xs" align="flex-end" data-testid="period-picker">
      <SegmentedControl
        size="xs"
        value={kind}
        onChange={(v) => setKind(v as typeof kind)}
        data={[
          { value: 'year', label: t('period.year') },
          { value: 'quarter', label: t('period.quarter') },
          { value: 'range', label: t('period.range') },
        ]}
        data-testid="period-kind"
      />
      {kind !== 'range' && (
        <NumberInput
          size="xs"
          aria-label={t('period.year')}
          value={year}
          onChange={(v) => typeof v === 'number' && setYear(v)}
          min={1990}
          max={2100}
          w={90}
          data-testid="period-year"
        />
      )}
      {kind === 'quarter' && (
        <Select
          size="xs"
          aria-label={t('period.quarter')}
          data={['1', '2', '3', '4'].map((q) => ({
            value: q,
            label: ['I', 'II', 'III', 'IV'][Number(q) - 1]!,
          }))}
          value={quarter}
          onChange={(v) => v && setQuarter(v)}
          w={80}
          data-testid="period-quarter"
        />
      )}
      {kind === 'range' && (
        <>
          <TextInput
            size="xs"
            aria-label={t('period.from')}
            placeholder={t('period.from')}
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
            w={120}
            data-testid="period-from"
          />
          <TextInput
            size="xs"
            aria-label={t('period.to')}
            placeholder={t('period.to')}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
            w={120}
            data-testid="period-to"
          />
        </>
      )}
    </Group>
  );
  return { period, complete, picker };
}
