import { Button, FileInput, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../electron/shared/format.ts';
import { api, invalidateAfter, useOperation } from '../../api.ts';
import { saveBytes, toBase64 } from '../../files.ts';
import { Notice, RefusalAlert } from '../../ui.tsx';

/**
 * What headquarters signs for the branches — receipts for accepted packages, its dues rate as a directive
 * — and how a branch takes them: headquarters' signing key registered once, then each file imported.
 */
const SIGNED_TYPE = 'application/octet-stream';
const percent = (bp: number) => `${(bp / 100).toLocaleString('ru-RU')} %`;

/** At headquarters, in the import log: the signed receipt for that accepted package. */
export function ReceiptButton({ branch, seq }: { branch: string; seq: number }) {
  const { t } = useTranslation();
  const receipt = useMutation({
    mutationFn: () => api('exchange.receipt', { branch, seq }),
    onSuccess: (file) => saveBytes(file.fileName, file.content, SIGNED_TYPE),
  });
  return (
    <>
      <Button
        size="compact-xs"
        variant="subtle"
        onClick={() => receipt.mutate()}
        loading={receipt.isPending}
        data-testid={`receipt-${branch}-${seq}`}
      >
        {t('hq.receipt')}
      </Button>
      <RefusalAlert error={receipt.error} />
    </>
  );
}

/** Headquarters' signing key (receipts, directives) and its dues rates signed as directives. */
export function HqSigned() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const keys = useOperation('keys.info', {});
  const rates = useOperation('rates.list', {});
  const create = useMutation({
    mutationFn: () => api('keys.init', {}),
    onSuccess: () => void invalidateAfter(client, 'keys.init'),
  });
  const directive = useMutation({
    mutationFn: (validFrom: string) => api('exchange.directive', { validFrom }),
    onSuccess: (file) => saveBytes(file.fileName, file.content, SIGNED_TYPE),
  });
  const signing = keys.data?.signing;
  return (
    <Stack>
      <Title order={5}>{t('hq.signingTitle')}</Title>
      <Text size="sm" c="dimmed">
        {t('hq.signingHelp')}
      </Text>
      {signing ? (
        <Group>
          <Text data-testid="hq-signing-fingerprint">
            {t('exchange.fingerprint')}: <b>{signing.fingerprint}</b>
          </Text>
          <Button
            size="xs"
            variant="light"
            onClick={() => saveBlobText('HQ-signing.pub', signing.publicKeyFile)}
            data-testid="hq-signing-save"
          >
            {t('hq.savePublicKey')}
          </Button>
        </Group>
      ) : (
        <Button
          w={260}
          variant="light"
          onClick={() => create.mutate()}
          loading={create.isPending}
          data-testid="hq-signing-create"
        >
          {t('exchange.createKey')}
        </Button>
      )}
      <Title order={5}>{t('hq.directivesTitle')}</Title>
      <Text size="sm" c="dimmed">
        {t('hq.directivesHelp')}
      </Text>
      <Table fz="sm" data-testid="hq-rates">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('hq.validFrom')}</Table.Th>
            <Table.Th>{t('hq.rate')}</Table.Th>
            <Table.Th>{t('hq.shares')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(rates.data ?? []).map((r) => (
            <Table.Tr key={r.validFrom}>
              <Table.Td>{formatDate(r.validFrom)}</Table.Td>
              <Table.Td>{percent(r.rateBp)}</Table.Td>
              <Table.Td>
                {percent(r.sharePpoBp)} / {percent(r.shareBranchBp)} / {percent(r.shareCentralBp)}
              </Table.Td>
              <Table.Td>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  disabled={!signing}
                  onClick={() => directive.mutate(r.validFrom)}
                  data-testid={`directive-${r.validFrom}`}
                >
                  {t('hq.signDirective')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <RefusalAlert error={create.error ?? directive.error} />
    </Stack>
  );
}

function saveBlobText(fileName: string, text: string): void {
  saveBytes(fileName, btoa(text), 'text/plain');
}

/** At a branch: headquarters' signing key, then its receipts and directives, each checked before use. */
export function FromHq() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const keys = useOperation('keys.info', {});
  const applied = useOperation('exchange.directives', {});
  const [notice, setNotice] = useState('');
  const setKey = useMutation({
    mutationFn: async (file: File) => api('hqKey.setSigning', { key: await file.text() }),
    onSuccess: () => void invalidateAfter(client, 'hqKey.setSigning'),
  });
  const take = useMutation({
    mutationFn: async (file: File) => {
      const content = await toBase64(file);
      if (file.name.endsWith('.directive')) {
        const r = await api('exchange.applyDirective', { content });
        return t(r.status === 'applied' ? 'hq.directiveApplied' : 'hq.directiveAgain', {
          date: formatDate(r.directive.validFrom),
        });
      }
      const r = await api('exchange.importReceipt', { content });
      return t('hq.receiptTaken', { seq: r.seq, date: formatDate(r.acceptedAt.slice(0, 10)) });
    },
    onSuccess: (message) => {
      setNotice(message);
      void client.invalidateQueries();
    },
  });
  const hqKey = keys.data?.hqSigning;
  return (
    <Stack>
      <Title order={5}>{t('hq.fromHqTitle')}</Title>
      <Group align="flex-end">
        <FileInput
          label={t('hq.hqSigningKey')}
          accept=".pub"
          placeholder={hqKey ? hqKey.fingerprint : t('hq.chooseKey')}
          onChange={(f) => f && setKey.mutate(f)}
          w={320}
          data-testid="hq-signing-file"
        />
        {hqKey && (
          <Text size="sm" data-testid="hq-signing-known">
            {t('exchange.fingerprint')}: <b>{hqKey.fingerprint}</b>
          </Text>
        )}
      </Group>
      <FileInput
        label={t('hq.takeFile')}
        accept=".receipt,.directive"
        placeholder={t('hq.takeFileHint')}
        disabled={!hqKey}
        onChange={(f) => f && take.mutate(f)}
        w={420}
        data-testid="from-hq-file"
      />
      <Notice>{notice}</Notice>
      <RefusalAlert error={setKey.error ?? take.error} />
      {(applied.data ?? []).length > 0 && (
        <Text size="sm" data-testid="directives-applied">
          {t('hq.directivesApplied')}:{' '}
          {applied.data!.map((d) => `${formatDate(d.validFrom)} (${percent(d.rateBp)})`).join('; ')}
        </Text>
      )}
    </Stack>
  );
}
