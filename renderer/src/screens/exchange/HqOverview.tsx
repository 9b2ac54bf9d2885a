import { Badge, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../electron/shared/format.ts';
import { useOperation } from '../../api.ts';
import { ReceiptButton } from './Receipts.tsx';

const STATE_COLOR = { received: 'teal', late: 'red', due: 'orange', open: 'gray' } as const;

/** Branch × quarter: who sent which quarter, who is late. */
export function SubmissionsMatrix() {
  const { t } = useTranslation();
  const matrix = useOperation('exchange.submissions', {});
  const m = matrix.data;
  if (!m) return null;
  const cell = new Map(m.cells.map((c) => [`${c.branch}|${c.period}`, c]));
  return (
    <Stack gap="xs">
      <Title order={5}>{t('exchange.submissions')}</Title>
      <Text size="xs" c="dimmed">
        {t('exchange.dueRule', { days: m.dueDays })}
      </Text>
      <Table fz="sm" withTableBorder withColumnBorders data-testid="submissions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('exchange.branch')}</Table.Th>
            {m.periods.map((p) => (
              <Table.Th key={p}>{p}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {m.branches.map((b) => (
            <Table.Tr key={b}>
              <Table.Td fw={600}>{b}</Table.Td>
              {m.periods.map((p) => {
                const c = cell.get(`${b}|${p}`)!;
                return (
                  <Table.Td key={p} data-testid={`cell-${b}-${p}`} data-state={c.state}>
                    <Tooltip
                      label={
                        c.importedAt
                          ? t('exchange.receivedOn', { date: formatDate(c.importedAt.slice(0, 10)) })
                          : t('exchange.dueOn', { date: formatDate(c.dueOn) })
                      }
                    >
                      <Badge variant="light" color={STATE_COLOR[c.state]}>
                        {c.state === 'received' ? `№ ${c.seq}` : t(`exchange.state_${c.state}`)}
                      </Badge>
                    </Tooltip>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** Same IIN active in two branches, and transfers between branches with their two halves. */
export function PeopleAcrossBranches() {
  const { t } = useTranslation();
  const duplicates = useOperation('exchange.duplicates', {});
  const transfers = useOperation('exchange.transfers', {});
  return (
    <Stack>
      <Title order={5}>{t('exchange.duplicates')}</Title>
      {duplicates.data?.length === 0 && <Text size="sm">{t('exchange.noDuplicates')}</Text>}
      <Table fz="sm" data-testid="duplicates">
        <Table.Tbody>
          {(duplicates.data ?? []).map((d) => (
            <Table.Tr key={d.iin}>
              <Table.Td ff="monospace">{d.iin}</Table.Td>
              <Table.Td>{d.branches.join(', ')}</Table.Td>
              <Table.Td>{d.names}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={5}>{t('exchange.transfers')}</Title>
      {transfers.data?.length === 0 && <Text size="sm">{t('exchange.noTransfers')}</Text>}
      <Table fz="sm" data-testid="transfers">
        <Table.Tbody>
          {(transfers.data ?? []).map((x) => (
            <Table.Tr key={`${x.iin}-${x.fromBranch}-${x.toBranch}-${x.leftOn ?? x.arrivedOn}`}>
              <Table.Td ff="monospace">{x.iin}</Table.Td>
              <Table.Td>{x.name}</Table.Td>
              <Table.Td>
                {x.fromBranch} → {x.toBranch}
              </Table.Td>
              <Table.Td>{formatDate(x.leftOn ?? x.arrivedOn)}</Table.Td>
              <Table.Td>
                <Badge color={x.status === 'completed' ? 'teal' : 'orange'} variant="light">
                  {t(`exchange.transfer_${x.status}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** Every accepted package: who, when, and what it changed against the branch's previous snapshot. */
export function ImportLog() {
  const { t } = useTranslation();
  const log = useOperation('exchange.importLog', {});
  const tables = ['orgs', 'members', 'dues_remittances', 'appeals'];
  return (
    <Stack gap="xs">
      <Title order={5}>{t('exchange.log')}</Title>
      <Table fz="sm" data-testid="import-log">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('exchange.when')}</Table.Th>
            <Table.Th>{t('exchange.branch')}</Table.Th>
            <Table.Th>{t('exchange.period')}</Table.Th>
            <Table.Th>{t('exchange.seq')}</Table.Th>
            {tables.map((table) => (
              <Table.Th key={table}>{t(`exchange.table_${table}`)}</Table.Th>
            ))}
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(log.data ?? []).map((r) => (
            <Table.Tr key={`${r.branch}-${r.seq}`}>
              <Table.Td>{formatDate(r.importedAt.slice(0, 10))}</Table.Td>
              <Table.Td>{r.branch}</Table.Td>
              <Table.Td>{r.period}</Table.Td>
              <Table.Td>№ {r.seq}</Table.Td>
              {tables.map((table) => {
                const d = r.diff[table];
                return (
                  <Table.Td key={table} title={t('exchange.diffLegend')}>
                    {r.counts[table]?.toLocaleString('ru-RU')}
                    {d && d.added + d.changed + d.removed > 0 && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        (+{d.added} ~{d.changed} −{d.removed})
                      </Text>
                    )}
                  </Table.Td>
                );
              })}
              <Table.Td>
                <ReceiptButton branch={r.branch} seq={r.seq} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
