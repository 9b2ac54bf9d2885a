import { Badge, Button, FileInput, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { Notice, RefusalAlert, useLanguage } from '../ui.tsx';
import { toBase64 } from './Import.tsx';

/** The branch side: the signing key, headquarters' recipient, and the quarterly export. */
function BranchExchange() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const keys = useQuery({ queryKey: ['keys.info'], queryFn: () => api('keys.info', {}) });
  const year = new Date().getFullYear();
  const quarters = [year - 1, year].flatMap((y) => [1, 2, 3, 4].map((q) => `${y}Q${q}`));
  const [quarter, setQuarter] = useState<string | null>(`${year - 1}Q4`);
  const [recipient, setRecipient] = useState('');
  const createKey = useMutation({
    mutationFn: () => api('keys.init', {}),
    onSuccess: () => void client.invalidateQueries(),
  });
  const saveRecipient = useMutation({
    mutationFn: () => api('hqKey.setRecipient', { recipient }),
    onSuccess: () => void client.invalidateQueries(),
  });
  const exported = useMutation({
    mutationFn: () => api('exchange.export', { quarter: quarter! }),
    onSuccess: () => void client.invalidateQueries(),
  });
  const info = keys.data;
  return (
    <Stack maw={900}>
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
      <Group align="flex-end">
        <Select
          label={t('exchange.quarter')}
          data={quarters}
          value={quarter}
          onChange={setQuarter}
          w={140}
          allowDeselect={false}
          data-testid="export-quarter"
        />
        <Button
          onClick={() => exported.mutate()}
          loading={exported.isPending}
          disabled={!info?.signing || !info?.hqRecipient || !quarter}
          data-testid="export-run"
        >
          {t('exchange.export')}
        </Button>
      </Group>
      <RefusalAlert error={createKey.error ?? saveRecipient.error ?? exported.error} />
      <Notice>
        {exported.data &&
          t('exchange.exported', {
            seq: exported.data.seq,
            period: exported.data.period,
            file: exported.data.file,
          })}
      </Notice>
    </Stack>
  );
}

/** Headquarters: accept packages, see what came from whom, who is in two branches, which keys are trusted. */
function HqExchange() {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useQueryClient();
  const [files, setFiles] = useState<File[]>([]);
  const submissions = useQuery({
    queryKey: ['exchange.submissions'],
    queryFn: () => api('exchange.submissions', {}),
  });
  const duplicates = useQuery({
    queryKey: ['exchange.duplicates'],
    queryFn: () => api('exchange.duplicates', {}),
  });
  const keys = useQuery({
    queryKey: ['exchange.trustedKeys'],
    queryFn: () => api('exchange.trustedKeys', {}),
  });
  const merge = useMutation({
    mutationFn: async () =>
      api('exchange.mergeUpload', {
        packages: await Promise.all(files.map(async (f) => ({ name: f.name, content: await toBase64(f) }))),
      }),
    onSuccess: () => void client.invalidateQueries(),
  });
  return (
    <Stack maw={1000}>
      <Title order={5}>{t('exchange.packages')}</Title>
      <Group align="flex-end">
        <FileInput
          multiple
          accept=".aqpkg"
          value={files}
          onChange={setFiles}
          w={420}
          data-testid="packages-input"
        />
        <Button
          disabled={files.length === 0}
          onClick={() => merge.mutate()}
          loading={merge.isPending}
          data-testid="packages-merge"
        >
          {t('exchange.merge')}
        </Button>
      </Group>
      <RefusalAlert error={merge.error} />
      {merge.data && (
        <Table fz="sm" data-testid="merge-results">
          <Table.Tbody>
            {merge.data.results.map((r) => (
              <Table.Tr key={r.file}>
                <Table.Td>{r.file}</Table.Td>
                <Table.Td>
                  <Badge color={r.status === 'accepted' ? 'teal' : r.status === 'duplicate' ? 'gray' : 'red'}>
                    {t(`exchange.status_${r.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {r.status === 'rejected'
                    ? language === 'en'
                      ? r.reason
                      : r.reasonRu
                    : `${r.branch} ${r.period} № ${r.seq}`}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Title order={5}>{t('exchange.submissions')}</Title>
      <Table fz="sm" data-testid="submissions">
        <Table.Tbody>
          {(submissions.data ?? []).map((s) => (
            <Table.Tr key={`${s.branch}-${s.period}`}>
              <Table.Td>{s.branch}</Table.Td>
              <Table.Td>{s.period}</Table.Td>
              <Table.Td>№ {s.seq}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={5}>{t('exchange.duplicates')}</Title>
      <Table fz="sm" data-testid="duplicates">
        <Table.Tbody>
          {(duplicates.data ?? []).map((d) => (
            <Table.Tr key={d.iin}>
              <Table.Td>{d.iin}</Table.Td>
              <Table.Td>{d.branches.join(', ')}</Table.Td>
              <Table.Td>{d.names}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={5}>{t('exchange.trusted')}</Title>
      <Table fz="sm">
        <Table.Tbody>
          {(keys.data ?? []).map((k) => (
            <Table.Tr key={`${k.branchCode}-${k.keyId}`}>
              <Table.Td>{k.branchCode}</Table.Td>
              <Table.Td>{k.fingerprint}</Table.Td>
              <Table.Td>{k.revokedAt ? t('exchange.revoked', { date: k.revokedAt }) : ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

export function Exchange() {
  const info = useQuery({ queryKey: ['register.info'], queryFn: () => api('register.info', {}) });
  if (!info.data) return <Text>…</Text>;
  return info.data.kind === 'hq' ? <HqExchange /> : <BranchExchange />;
}
