import { Group, NumberInput, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatPercent, formatTiyn } from '../../../../electron/shared/format.ts';
import { useOperation } from '../../api.ts';
import { XlsxButton } from '../../download.tsx';
import { orgOption, useLanguage } from '../../ui.tsx';
import { useHqBranch } from './HqBranch.tsx';

/**
 * Dues at headquarters, read-only: each branch's remittances as it recorded them, union-wide or for one
 * branch, filtered by year and PPO, with the per-PPO totals and completeness of the branch's own report.
 */
export function HqDues() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { branch, chooser } = useHqBranch();
  const [year, setYear] = useState(new Date().getFullYear());
  const [orgCode, setOrgCode] = useState<string | null>(null);
  const orgs = useOperation('orgs.list', { language, branch });
  const list = useOperation('dues.list', { year, branch, orgCode: orgCode ?? undefined });
  const report = useOperation('reports.dues', { year, branch });
  const rows = list.data ?? [];
  return (
    <Stack>
      <Group align="flex-end">
        {chooser}
        <NumberInput
          label={t('dues.year')}
          value={year}
          onChange={(v) => typeof v === 'number' && setYear(v)}
          min={2000}
          max={2100}
          w={110}
        />
        <Select
          label={t('members.org')}
          clearable
          searchable
          data={(orgs.data ?? []).map(orgOption)}
          value={orgCode}
          onChange={setOrgCode}
          w={300}
          data-testid="hq-dues-org"
        />
        <XlsxButton input={{ kind: 'dues-report', year, branch }} />
      </Group>
      {report.data && (
        <Text size="sm" data-testid="hq-dues-total">
          {t('hq.duesTotal', {
            received: formatTiyn(report.data.total.receivedTiyn),
            completeness: formatPercent(report.data.total.completeness),
          })}
        </Text>
      )}
      <Text size="sm" c="dimmed" data-testid="hq-dues-count">
        {t('hq.remittances', { count: rows.length })}
      </Text>
      <Table striped fz="sm" data-testid="hq-dues-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('hq.branch')}</Table.Th>
            <Table.Th>{t('members.org')}</Table.Th>
            <Table.Th>{t('hq.month')}</Table.Th>
            <Table.Th ta="right">{t('hq.payroll')}</Table.Th>
            <Table.Th ta="right">{t('hq.received')}</Table.Th>
            <Table.Th>{t('hq.receivedOn')}</Table.Th>
            <Table.Th>{t('hq.docNo')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id} data-testid="hq-dues-row">
              <Table.Td>{r.branch}</Table.Td>
              <Table.Td>{r.orgCode}</Table.Td>
              <Table.Td>{r.month}</Table.Td>
              <Table.Td ta="right">{r.payrollTiyn === null ? '—' : formatTiyn(r.payrollTiyn)}</Table.Td>
              <Table.Td ta="right">{formatTiyn(r.receivedTiyn)}</Table.Td>
              <Table.Td>{formatDate(r.receivedOn)}</Table.Td>
              <Table.Td>{r.docNo ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
