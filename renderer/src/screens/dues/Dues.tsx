import { Button, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPercent, formatTiyn } from '../../../../electron/shared/format.ts';
import { useOperation, useOperationMutation } from '../../api.ts';
import { formatQuarter } from '../../formats.ts';
import { useIsHq } from '../hq/HqBranch.tsx';
import { HqDues } from '../hq/HqDues.tsx';
import { DuesChart } from '../../charts/Charts.tsx';
import { XlsxButton } from '../../download.tsx';
import { FormModal, RefusalAlert, useLanguage } from '../../ui.tsx';
import { CellRemittances } from './CellRemittances.tsx';
import { DuesGrid } from './DuesGrid.tsx';
import { officeMonth, quarterOfMonth } from './grid.ts';
import { PayrollForm } from './PayrollForm.tsx';
import { RemittanceForm } from './RemittanceForm.tsx';

/** The dues screen: the accountant's grid at a branch, the union's remittances (read-only) at headquarters. */
export function Dues() {
  return useIsHq() ? <HqDues /> : <BranchDues />;
}

function BranchDues() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [payroll, setPayroll] = useState(false);
  const [year, setYear] = useState(Number(officeMonth().slice(0, 4)));
  const [quarter, setQuarter] = useState<string | null>(
    String(Math.floor((Number(officeMonth().slice(5)) - 1) / 3) + 1),
  );
  const [reason, setReason] = useState('');
  const [status, setStatus] = useState('');
  const [detail, setDetail] = useState<{ org: string; month: string } | null>(null);
  const [adding, setAdding] = useState(false);
  const orgs = useOperation('orgs.list', { status: 'active', language });
  const list = useOperation('dues.list', { year });
  const report = useOperation('reports.dues', { year });
  const quarters = useOperation('quarters.list', {});
  const closed = new Set(quarters.data?.closed ?? []);
  const closeQ = useOperationMutation('quarters.close', {
    onSuccess: (r) => setStatus(t('dues.quarterClosed', { quarter: formatQuarter(r.closed, language) })),
  });
  const reopenQ = useOperationMutation('quarters.reopen', {
    onSuccess: () => {
      setReason('');
      setStatus(t('dues.quarterReopened', { quarter: formatQuarter(`${year}-Q${quarter}`, language) }));
    },
  });
  const detailQuarter = detail ? quarterOfMonth(detail.month) : null;

  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="xs">
        <NumberInput
          label={t('dues.year')}
          value={year}
          onChange={(v) => typeof v === 'number' && setYear(v)}
          min={2000}
          max={2100}
          w={100}
          data-testid="dues-year"
        />
        <Select
          label={t('dues.quarter')}
          data={['1', '2', '3', '4'].map((q) => ({
            value: q,
            label: ['I', 'II', 'III', 'IV'][Number(q) - 1]!,
          }))}
          value={quarter}
          onChange={setQuarter}
          w={80}
          data-testid="quarter-select"
        />
        <Button
          variant="light"
          onClick={() => closeQ.mutate({ quarter: `${year}Q${quarter}` })}
          loading={closeQ.isPending}
          data-testid="quarter-close"
        >
          {t('dues.closeQuarter')}
        </Button>
        <TextInput
          label={t('dues.reopenReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          w={200}
        />
        <Button
          variant="subtle"
          onClick={() => reopenQ.mutate({ quarter: `${year}Q${quarter}`, reason })}
          loading={reopenQ.isPending}
          data-testid="quarter-reopen"
        >
          {t('dues.reopenQuarter')}
        </Button>
        <Text size="sm" c="dimmed" data-testid="closed-quarters">
          {t('dues.closedQuarters')}: {[...closed].map((q) => formatQuarter(q, language)).join(', ') || '—'}
        </Text>
      </Group>
      <Group gap="xs">
        <Button
          size="xs"
          variant="light"
          onClick={() => setAdding(true)}
          data-testid="remittance-new"
          data-shortcut="new"
        >
          {t('dues.newRemittance')}
        </Button>
        <Button size="xs" variant="light" onClick={() => setPayroll(true)} data-testid="payroll-open">
          {t('payroll.open')}
        </Button>
        <XlsxButton input={{ kind: 'dues', year }} />
        <XlsxButton input={{ kind: 'dues-report', year }} label={t('dues.reportXlsx')} />
        <Button size="xs" variant="light" component="a" href={`#/print/dues/${year}`}>
          {t('print.printButton')}
        </Button>
      </Group>
      <FormModal opened={adding} onClose={() => setAdding(false)} title={t('dues.newRemittance')}>
        {(setDirty) => (
          <RemittanceForm
            setDirty={setDirty}
            onDone={(m) => {
              setAdding(false);
              setStatus(m);
            }}
          />
        )}
      </FormModal>
      <FormModal opened={payroll} onClose={() => setPayroll(false)} title={t('payroll.open')} size="xl">
        {() => (
          <PayrollForm
            onDone={(m) => {
              setPayroll(false);
              setStatus(m);
            }}
          />
        )}
      </FormModal>
      <RefusalAlert error={closeQ.error ?? reopenQ.error} />
      {/* One line of fixed height for what was just saved: it changes, it never moves the grid. */}
      <Text size="xs" c="dimmed" role="status" h={18} truncate data-testid="dues-status">
        {status || t('dues.gridHelp')}
      </Text>
      <DuesGrid
        year={year}
        orgs={orgs.data ?? []}
        remittances={list.data ?? []}
        report={report.data}
        closed={closed}
        onOpen={(org, month) => setDetail({ org, month })}
        onSaved={setStatus}
      />
      <CellRemittances
        cell={detail}
        remittances={list.data ?? []}
        lockedQuarter={detailQuarter && closed.has(detailQuarter) ? detailQuarter : null}
        onClose={() => setDetail(null)}
      />
      {report.data && (
        <Text size="sm" data-testid="dues-total">
          {t('common.total')}: {formatTiyn(report.data.total.receivedTiyn)} ₸ · {t('dues.expected')}{' '}
          {formatTiyn(report.data.total.expectedTiyn)} · {t('dues.completeness')}{' '}
          {formatPercent(report.data.total.completeness)} ·{' '}
          {t('dues.shares', {
            ppo: formatTiyn(report.data.total.ppoShareTiyn),
            branch: formatTiyn(report.data.total.branchShareTiyn),
            central: formatTiyn(report.data.total.centralShareTiyn),
          })}
        </Text>
      )}
      <DuesChart year={year} />
    </Stack>
  );
}
