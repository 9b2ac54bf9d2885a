import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAt } from '../../../../electron/shared/history.ts';
import { api, dialogApi, useOperation, wasCancelled } from '../../api.ts';
import { saveBytes } from '../../files.ts';
import { RestoreDialog, takeRestoredNotice } from '../../corrections/Restore.tsx';
import { Notice, RefusalAlert, useLanguage } from '../../ui.tsx';

function size(bytes: number, language: string): string {
  const [kb, mb] = language === 'en' ? ['KB', 'MB'] : ['КБ', 'МБ'];
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} ${kb}`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', language === 'en' ? '.' : ',')} ${mb}`;
}

/**
 * Settings → «Резервные копии»: every copy with its date, why it was made, its size and what the register
 * held; one made now; one saved where the person says (the page gets its bytes: the window never passes
 * paths); and a restore, which backs up the current register first, replaces the file, and reloads.
 */
export function Backups() {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useQueryClient();
  const list = useOperation('backups.list', {});
  const [notice, setNotice] = useState(() => {
    const restored = takeRestoredNotice();
    return restored ? t('corrections.restored', restored) : '';
  });
  const [restoring, setRestoring] = useState<{ id: string; createdAt: string } | null>(null);
  const create = useMutation({
    mutationFn: () => api('backups.create', {}),
    onSuccess: (b) => {
      setNotice(t('corrections.backupMade', { id: b.id }));
      void client.invalidateQueries({ queryKey: ['backups.list'] });
    },
  });
  const download = useMutation({
    mutationFn: async (id: string) => {
      if (window.api) {
        // the desktop window: the main process asks for the folder in its own dialog and copies the file
        // there (no bytes through the page); the contract's `to` is filled by that dialog, never by the page
        const copied = await dialogApi('backups.copy', { id });
        if (!wasCancelled(copied)) setNotice(t('corrections.copied', { file: copied.file }));
        return;
      }
      const file = await api('backups.download', { id });
      saveBytes(file.fileName, file.content, 'application/vnd.sqlite3');
    },
  });
  const data = list.data;
  return (
    <Stack data-testid="backups">
      <Title order={4}>{t('corrections.backups')}</Title>
      {data && (
        <Text size="sm" c="dimmed">
          {t('corrections.backupsHelp', { daily: data.retention.daily, days: data.retention.eventDays })}
          <br />
          {t('corrections.backupsFolder', { folder: data.folder })}
        </Text>
      )}
      <Group>
        <Button
          variant="light"
          onClick={() => create.mutate()}
          loading={create.isPending}
          data-testid="backup-create"
        >
          {t('corrections.backupNow')}
        </Button>
      </Group>
      <Notice>{notice}</Notice>
      <RefusalAlert error={create.error ?? download.error ?? list.error} />
      {data && data.backups.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('corrections.noBackups')}
        </Text>
      )}
      {data && data.backups.length > 0 && (
        <Table fz="sm" data-testid="backups-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('corrections.backupDate')}</Table.Th>
              <Table.Th>{t('corrections.backupReason')}</Table.Th>
              <Table.Th ta="right">{t('corrections.backupSize')}</Table.Th>
              <Table.Th>{t('corrections.backupHeld')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.backups.map((b) => (
              <Table.Tr key={b.id} data-testid="backup-row" data-id={b.id}>
                <Table.Td>{formatAt(b.createdAt)}</Table.Td>
                <Table.Td>
                  {t(`corrections.reason_${b.reason}`)}
                  {b.detail && b.detail !== b.reason && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      ({b.detail})
                    </Text>
                  )}
                  {b.integrity !== 'ok' && (
                    <Badge ml={4} color="red" variant="light">
                      {t('corrections.integrityBad')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {size(b.bytes, language)}
                </Table.Td>
                <Table.Td>{t('corrections.heldLine', { ...b.held })}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => download.mutate(b.id)}
                      loading={download.isPending && download.variables === b.id}
                      data-testid="backup-download"
                    >
                      {t('corrections.download')}
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="orange"
                      disabled={b.integrity !== 'ok'}
                      onClick={() => setRestoring({ id: b.id, createdAt: b.createdAt })}
                      data-testid="backup-restore"
                    >
                      {t('corrections.restore')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <RestoreDialog backup={restoring} onClose={() => setRestoring(null)} />
    </Stack>
  );
}
