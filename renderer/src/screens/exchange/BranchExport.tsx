import { Button, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatPercent, formatTiyn } from '../../../../electron/shared/format.ts';
import { api, invalidateAfter, useOperation } from '../../api.ts';
import { Notice, RefusalAlert } from '../../ui.tsx';
import { ProgressBar, useProgress } from '../../progress.tsx';
import { BranchKeyFiles } from './KeyFiles.tsx';
import { FromHq } from './Receipts.tsx';

/** The quarters a branch may export: last year's and this year's. */
function quarterChoices(): string[] {
  const year = new Date().getFullYear();
  return [year - 1, year].flatMap((y) => [1, 2, 3, 4].map((q) => `${y}Q${q}`));
}

function SigningKey() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const keys = useOperation('keys.info', {});
  const [recipient, setRecipient] = useState('');
  const createKey = useMutation({
    mutationFn: () => api('keys.init', {}),
    onSuccess: () => void invalidateAfter(client, 'keys.init'),
  });
  const saveRecipient = useMutation({
    mutationFn: () => api('hqKey.setRecipient', { recipient }),
    onSuccess: () => void invalidateAfter(client, 'hqKey.setRecipient'),
  });
  const info = keys.data;
  return (
    <Stack>
      <Title order={5}>{t('exchange.keyTitle')}</Title>
      {info?.signing ? (
        <Text data-testid="key-fingerprint">
          {t('exchange.fingerprint')}: <b>{info.signing.fingerprint}</b>
        </Text>
      ) : (
        <Group>
          <Text size="sm">{t('exchange.noKey')}</Text>
          <Button
            variant="light"
            onClick={() => createKey.mutate()}
            loading={createKey.isPending}
            data-testid="key-create"
          >
            {t('exchange.createKey')}
          </Button>
        </Group>
      )}
      <Group align="flex-end">
        <TextInput
          label={t('exchange.recipient')}
          placeholder={info?.hqRecipient ?? 'age1…'}
          value={recipient}
          onChange={(e) => setRecipient(e.currentTarget.value)}
          w={560}
          data-testid="recipient-input"
        />
        <Button
          variant="light"
          onClick={() => saveRecipient.mutate()}
          loading={saveRecipient.isPending}
          data-testid="recipient-save"
        >
          {t('exchange.setRecipient')}
        </Button>
      </Group>
      {!info?.hqRecipient && (
        <Text size="sm" c="orange">
          {t('exchange.noRecipient')}
        </Text>
      )}
      <RefusalAlert error={createKey.error ?? saveRecipient.error} />
      <BranchKeyFiles />
    </Stack>
  );
}

/** What the package of the chosen quarter will carry, before it is written. */
function ExportPreview({ quarter }: { quarter: string }) {
  const { t } = useTranslation();
  const preview = useOperation('exchange.exportPreview', { quarter });
  const p = preview.data;
  if (!p) return <RefusalAlert error={preview.error} />;
  const table = (path: string) => t(`exchange.table_${path.replace(/^data\/|\.jsonl$/g, '')}`);
  return (
    <Stack gap="xs" data-testid="export-preview">
      <Text size="sm">
        {t('exchange.willSend', { seq: p.seq, period: p.period })}
        {p.closed ? '' : ` ${t('exchange.willClose', { period: p.period })}`}
      </Text>
      <SimpleGrid cols={5}>
        <Stat label={t('exchange.sumMembers')} value={p.summaries.members.toLocaleString('ru-RU')} />
        <Stat label={t('exchange.sumOrgs')} value={String(p.summaries.orgs)} />
        <Stat label={t('exchange.sumAppeals')} value={String(p.summaries.appeals)} />
        <Stat label={t('exchange.sumDues')} value={`${formatTiyn(p.summaries.duesReceivedTiyn)} ₸`} />
        <Stat label={t('exchange.sumCompleteness')} value={formatPercent(p.summaries.duesCompleteness)} />
      </SimpleGrid>
      <Table fz="sm" withTableBorder>
        <Table.Tbody>
          {p.files
            .filter((f) => f.path.startsWith('data/'))
            .map((f) => (
              <Table.Tr key={f.path}>
                <Table.Td>{table(f.path)}</Table.Td>
                <Table.Td ta="right">{f.rows.toLocaleString('ru-RU')}</Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </Stack>
  );
}

function ExportHistory() {
  const { t } = useTranslation();
  const history = useOperation('exchange.exports', {});
  if (!history.data?.length) return null;
  return (
    <Stack gap="xs">
      <Title order={5}>{t('exchange.history')}</Title>
      <Table fz="sm" data-testid="export-history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('exchange.seq')}</Table.Th>
            <Table.Th>{t('exchange.period')}</Table.Th>
            <Table.Th>{t('exchange.when')}</Table.Th>
            <Table.Th>{t('exchange.file')}</Table.Th>
            <Table.Th>{t('exchange.signer')}</Table.Th>
            <Table.Th>{t('hq.hqColumn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {history.data.map((h) => (
            <Table.Tr key={h.seq}>
              <Table.Td>№ {h.seq}</Table.Td>
              <Table.Td>{h.period}</Table.Td>
              <Table.Td>{formatDate(h.createdAt.slice(0, 10))}</Table.Td>
              <Table.Td>{h.file}</Table.Td>
              <Table.Td ff="monospace">{h.signerFingerprint}</Table.Td>
              <Table.Td data-testid={`accepted-${h.seq}`}>
                {h.acceptedAt ? t('hq.acceptedOn', { date: formatDate(h.acceptedAt.slice(0, 10)) }) : ''}
                {h.alsoActiveElsewhere.length > 0 && (
                  <Text size="xs" c="orange">
                    {t('hq.alsoElsewhere', {
                      list: h.alsoActiveElsewhere
                        .map((p) => `${p.iin} (${p.branches.join(', ')})`)
                        .join('; '),
                    })}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** The branch side: the signing key, headquarters' recipient, the quarterly export and its history. */
export function BranchExport() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const keys = useOperation('keys.info', {});
  const [quarter, setQuarter] = useState<string | null>(`${new Date().getFullYear() - 1}Q4`);
  const bar = useProgress();
  const exported = useMutation({
    mutationFn: () => (
      bar.reset(),
      api('exchange.export', { quarter: quarter! }, { onProgress: bar.report })
    ),
    onSuccess: () => void invalidateAfter(client, 'exchange.export'),
  });
  const ready = Boolean(keys.data?.signing && keys.data?.hqRecipient && quarter);
  return (
    <Stack maw={1000}>
      <SigningKey />
      <Title order={5}>{t('exchange.exportTitle')}</Title>
      <Group align="flex-end">
        <Select
          label={t('exchange.quarter')}
          data={quarterChoices()}
          value={quarter}
          onChange={setQuarter}
          w={140}
          allowDeselect={false}
          data-testid="export-quarter"
        />
        <Button
          onClick={() => exported.mutate()}
          loading={exported.isPending}
          disabled={!ready}
          data-testid="export-run"
        >
          {t('exchange.export')}
        </Button>
      </Group>
      {quarter && <ExportPreview quarter={quarter} />}
      <ProgressBar progress={bar.progress} running={exported.isPending} testId="export-progress" />
      <RefusalAlert error={exported.error} />
      <Notice>
        {exported.data &&
          t('exchange.exported', {
            seq: exported.data.seq,
            period: exported.data.period,
            file: exported.data.file,
          })}
      </Notice>
      <ExportHistory />
      <FromHq />
    </Stack>
  );
}
