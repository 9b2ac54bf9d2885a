import { Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, dialogApi, invalidateAfter } from '../../api.ts';
import { RefusalAlert } from '../../ui.tsx';

/**
 * Where backups go: shown, chosen in the main process's folder dialog (the page names no path), or put
 * back beside the database.
 */
export function BackupsFolder({ folder }: { folder: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const choose = useMutation({
    mutationFn: () => dialogApi('settings.backupsDir', {}),
    onSuccess: () => void client.invalidateQueries(),
  });
  const beside = useMutation({
    mutationFn: () => api('settings.update', { backupsDir: '' }),
    onSuccess: () => void invalidateAfter(client, 'settings.update'),
  });
  return (
    <Stack gap={4} data-testid="backups-folder">
      <Text size="sm" fw={500}>
        {t('settings.backupsDir')}
      </Text>
      <Text size="sm" data-testid="backups-folder-path">
        {folder || t('shell.backupsBeside')}
      </Text>
      <Group gap="xs">
        <Button
          size="xs"
          variant="light"
          onClick={() => choose.mutate()}
          loading={choose.isPending}
          data-testid="backups-folder-choose"
        >
          {t('shell.backupsChoose')}
        </Button>
        {folder && (
          <Button size="xs" variant="subtle" onClick={() => beside.mutate()} loading={beside.isPending}>
            {t('shell.backupsDefault')}
          </Button>
        )}
      </Group>
      <RefusalAlert error={choose.error ?? beside.error} />
    </Stack>
  );
}
