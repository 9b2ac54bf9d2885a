import { Badge, Button, FileInput, Group, Stack, Table, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../electron/shared/format.ts';
import { api, invalidateAfter, useOperation } from '../../api.ts';
import { Notice, RefusalAlert } from '../../ui.tsx';

/**
 * Headquarters' registry of branch signing keys: register a branch's minisign public key file (and read
 * its fingerprint back to the chair on the phone), revoke a key that was lost or replaced.
 */
export function KeyRegistry() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const keys = useOperation('exchange.trustedKeys', {});
  const [branch, setBranch] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [validFrom, setValidFrom] = useState('');
  const trust = useMutation({
    mutationFn: async () =>
      api('exchange.trust', {
        branch: branch.trim().toUpperCase(),
        key: file ? await file.text() : '',
        validFrom: validFrom.trim() || undefined,
      }),
    onSuccess: () => {
      setFile(null);
      void invalidateAfter(client, 'exchange.trust');
    },
  });
  const revoke = useMutation({
    mutationFn: (k: { branch: string; keyId: string }) => api('exchange.revoke', k),
    onSuccess: () => void invalidateAfter(client, 'exchange.revoke'),
  });
  return (
    <Stack>
      <Title order={5}>{t('exchange.trusted')}</Title>
      <Group align="flex-end">
        <TextInput
          label={t('exchange.branch')}
          value={branch}
          onChange={(e) => setBranch(e.currentTarget.value)}
          w={120}
          data-testid="trust-branch"
        />
        <FileInput
          label={t('exchange.publicKey')}
          accept=".pub"
          value={file}
          onChange={setFile}
          w={260}
          data-testid="trust-file"
        />
        <TextInput
          label={t('exchange.validFrom')}
          placeholder={t('common.datePlaceholder')}
          value={validFrom}
          onChange={(e) => setValidFrom(e.currentTarget.value)}
          w={140}
        />
        <Button
          disabled={!branch.trim() || !file}
          onClick={() => trust.mutate()}
          loading={trust.isPending}
          data-testid="trust-save"
        >
          {t('exchange.trust')}
        </Button>
      </Group>
      <RefusalAlert error={trust.error ?? revoke.error} />
      <Notice>
        {trust.data &&
          t('exchange.trustedDone', { branch: trust.data.branchCode, fp: trust.data.fingerprint })}
      </Notice>
      <Table fz="sm" data-testid="trusted-keys">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('exchange.branch')}</Table.Th>
            <Table.Th>{t('exchange.fingerprintShort')}</Table.Th>
            <Table.Th>{t('exchange.validFrom')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(keys.data ?? []).map((k) => (
            <Table.Tr key={`${k.branchCode}-${k.keyId}`}>
              <Table.Td>{k.branchCode}</Table.Td>
              <Table.Td ff="monospace">{k.fingerprint}</Table.Td>
              <Table.Td>{formatDate(k.validFrom)}</Table.Td>
              <Table.Td>
                {k.revokedAt ? (
                  <Badge color="red" variant="light">
                    {t('exchange.revoked', { date: formatDate(k.revokedAt) })}
                  </Badge>
                ) : (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => {
                      if (
                        window.confirm(
                          t('exchange.revokeConfirm', { branch: k.branchCode, fp: k.fingerprint }),
                        )
                      )
                        revoke.mutate({ branch: k.branchCode, keyId: k.keyId });
                    }}
                    data-testid={`revoke-${k.branchCode}`}
                  >
                    {t('exchange.revoke')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
