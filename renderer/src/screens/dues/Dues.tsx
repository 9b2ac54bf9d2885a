import {
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatPercent, formatTiyn } from '../../../../electron/shared/format.ts';
import { api, useOperation } from '../../api.ts';
import { useIsHq } from '../hq/HqBranch.tsx';
import { HqDues } from '../hq/HqDues.tsx';
import { DuesChart } from '../../charts/Charts.tsx';
import { XlsxButton } from '../../download.tsx';
import { FormModal, Notice, RefusalAlert, useLanguage, useMonthNames } from '../../ui.tsx';
import { PayrollForm } from './PayrollForm.tsx';
import { RemittanceForm } from './RemittanceForm.tsx';

/**
 * The accountant's month × PPO grid. A cell shows what has arrived; typing an amount (the Russian way,
 * 12 345,67) and Enter records one more remittance and moves down to the next PPO, as in Excel.
 */
/** The dues screen: the accountant's grid at a branch, the union's remittances (read-only) at headquarters. */
export function Dues() {
  return useIsHq() ? <HqDues /> : <BranchDues />;
}

function BranchDues() {
  const { t } = useTranslation();
  const language = useLanguage();
  const months = useMonthNames();
  const client = useQueryClient();
  const [payroll, setPayroll] = useState(false);
  const [year, setYear] = useState(new Date().getFullYear());
  const [quarter, setQuarter] = useState<string | null>(String(Math.floor(new Date().getMonth() / 3) + 1));
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState('');
  const [detail, setDetail] = useState<{ org: string; month: string } | null>(null);
  const [adding, setAdding] = useState(false);
  const orgs = useQuery({
    queryKey: ['orgs.list', 'active', language],
    queryFn: () => api('orgs.list', { status: 'active', language }),
  });
  const list = useQuery({ queryKey: ['dues.list', year], queryFn: () => api('dues.list', { year }) });
  const report = useOperation('reports.dues', { year });
  const quarters = useQuery({ queryKey: ['quarters.list'], queryFn: () => api('quarters.list', {}) });
  const record = useMutation({
    mutationFn: (input: { orgCode: string; month: string; received: string }) => api('dues.record', input),
    onSuccess: (r) => {
      void client.invalidateQueries();
      setNotice(t('dues.recorded', { amount: formatTiyn(r.receivedTiyn) }));
    },
  });
  const closeQ = useMutation({
    mutationFn: () => api('quarters.close', { quarter: `${year}Q${quarter}` }),
    onSuccess: () => void client.invalidateQueries(),
  });
  const reopenQ = useMutation({
    mutationFn: () => api('quarters.reopen', { quarter: `${year}Q${quarter}`, reason }),
    onSuccess: () => {
      setReason('');
      void client.invalidateQueries();
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => api('dues.delete', { id }),
    onSuccess: () => {
      setNotice(t('dues.deleted'));
      void client.invalidateQueries();
    },
  });
  const sums = new Map<string, number>();
  for (const r of list.data ?? [])
    sums.set(`${r.orgCode}|${r.month}`, (sums.get(`${r.orgCode}|${r.month}`) ?? 0) + r.receivedTiyn);
  const arrears = new Set((report.data?.arrears ?? []).map((a) => `${a.org}|${a.month}`));
  const byOrg = new Map((report.data?.rows ?? []).map((r) => [r.org, r]));
  const monthKeys = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  const orgRows = orgs.data ?? [];

  const onKey = (e: KeyboardEvent<HTMLInputElement>, row: number, col: number) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const input = e.currentTarget;
    const value = input.value.trim();
    const org = orgRows[row]!;
    const next = document.querySelector<HTMLInputElement>(`[data-cell="${row + 1}-${col}"]`);
    if (value) {
      record.mutate(
        { orgCode: org.code, month: monthKeys[col]!, received: value },
        {
          onSuccess: () => {
            input.value = '';
          },
        },
      );
    }
    next?.focus();
  };

  return (
    <Stack>
      <Group align="flex-end">
        <NumberInput
          label={t('dues.year')}
          value={year}
          onChange={(v) => typeof v === 'number' && setYear(v)}
          min={2000}
          max={2100}
          w={110}
        />
        <Select
          label={t('dues.quarter')}
          data={['1', '2', '3', '4']}
          value={quarter}
          onChange={setQuarter}
          w={90}
          data-testid="quarter-select"
        />
        <Button
          variant="light"
          onClick={() => closeQ.mutate()}
          loading={closeQ.isPending}
          data-testid="quarter-close"
        >
          {t('dues.closeQuarter')}
        </Button>
        <TextInput
          label={t('dues.reopenReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          w={240}
        />
        <Button
          variant="subtle"
          onClick={() => reopenQ.mutate()}
          loading={reopenQ.isPending}
          data-testid="quarter-reopen"
        >
          {t('dues.reopenQuarter')}
        </Button>
        <Text size="sm" c="dimmed">
          {t('dues.closedQuarters')}: {(quarters.data?.closed ?? []).join(', ') || '—'}
        </Text>
      </Group>
      <Group>
        <Text size="sm" c="dimmed">
          {t('dues.gridHelp')}
        </Text>
        <Button size="xs" variant="light" onClick={() => setAdding(true)} data-testid="remittance-new">
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
              setNotice(m);
            }}
          />
        )}
      </FormModal>
      <FormModal opened={payroll} onClose={() => setPayroll(false)} title={t('payroll.open')} size="xl">
        {() => (
          <PayrollForm
            onDone={(m) => {
              setPayroll(false);
              setNotice(m);
            }}
          />
        )}
      </FormModal>
      <Notice>{notice}</Notice>
      <RefusalAlert error={record.error ?? closeQ.error ?? reopenQ.error} />
      <div style={{ overflowX: 'auto' }}>
        <Table withTableBorder withColumnBorders fz="xs" data-testid="dues-grid" style={{ minWidth: 1400 }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('orgs.code')}</Table.Th>
              {months.map((m) => (
                <Table.Th key={m}>{m}</Table.Th>
              ))}
              <Table.Th>{t('dues.completeness')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {orgRows.map((org, row) => (
              <Table.Tr key={org.id}>
                <Table.Td title={org.name}>{org.code}</Table.Td>
                {monthKeys.map((month, col) => {
                  const sum = sums.get(`${org.code}|${month}`);
                  return (
                    <Table.Td
                      key={month}
                      bg={arrears.has(`${org.code}|${month}`) ? 'red.0' : undefined}
                      p={2}
                    >
                      <Text
                        size="xs"
                        ta="right"
                        data-testid={`sum-${org.code}-${month}`}
                        style={{ cursor: sum !== undefined ? 'pointer' : undefined }}
                        onClick={() => sum !== undefined && setDetail({ org: org.code, month })}
                      >
                        {sum !== undefined ? formatTiyn(sum) : ''}
                      </Text>
                      <input
                        data-cell={`${row}-${col}`}
                        aria-label={`${org.code} ${month}`}
                        inputMode="decimal"
                        onKeyDown={(e) => onKey(e, row, col)}
                        style={{
                          width: '100%',
                          border: '1px solid var(--mantine-color-gray-3)',
                          fontSize: 12,
                          textAlign: 'right',
                        }}
                      />
                    </Table.Td>
                  );
                })}
                <Table.Td>
                  <Badge
                    variant="light"
                    color={(byOrg.get(org.code)?.completeness ?? 0) >= 0.95 ? 'teal' : 'orange'}
                  >
                    {formatPercent(byOrg.get(org.code)?.completeness ?? null)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <Modal
        opened={detail !== null}
        onClose={() => setDetail(null)}
        title={detail ? t('dues.detail', { org: detail.org, month: detail.month }) : ''}
        size="lg"
      >
        <RefusalAlert error={remove.error} />
        <Table fz="sm" data-testid="dues-detail">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dues.received')}</Table.Th>
              <Table.Th>{t('dues.payroll')}</Table.Th>
              <Table.Th>{t('dues.receivedOn')}</Table.Th>
              <Table.Th>{t('dues.docNo')}</Table.Th>
              <Table.Th>{t('dues.lines')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data ?? [])
              .filter((r) => detail && r.orgCode === detail.org && r.month === detail.month)
              .map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{formatTiyn(r.receivedTiyn)}</Table.Td>
                  <Table.Td>{r.payrollTiyn !== null ? formatTiyn(r.payrollTiyn) : '—'}</Table.Td>
                  <Table.Td>{formatDate(r.receivedOn)}</Table.Td>
                  <Table.Td>{r.docNo ?? ''}</Table.Td>
                  <Table.Td>{r.lines}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      color="red"
                      variant="subtle"
                      onClick={() => remove.mutate(r.id)}
                      data-testid="dues-delete"
                    >
                      {t('dues.delete')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      </Modal>
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
