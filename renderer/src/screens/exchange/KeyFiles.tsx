import { Alert, Button, Code, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationResult } from '../../../../electron/shared/contract.ts';
import {
  api,
  dialogApi,
  invalidateAfter,
  type DialogOperation,
  useOperation,
  wasCancelled,
} from '../../api.ts';
import { Notice, RefusalAlert } from '../../ui.tsx';

/**
 * The key files a person handles in the window. Every file is chosen in the main process's native dialog
 * (the page names no path: these are the contract's dialog operations); a closed dialog does nothing.
 */
function useDialogOperation<K extends DialogOperation>(op: K, said: (result: OperationResult<K>) => string) {
  const client = useQueryClient();
  const [notice, setNotice] = useState('');
  const run = useMutation({
    // the key operations' only field is the file, which the dialog gives
    mutationFn: () => dialogApi(op, {} as Parameters<typeof dialogApi<K>>[1]),
    onMutate: () => setNotice(''),
    onSuccess: (result) => {
      if (wasCancelled(result)) return;
      setNotice(said(result));
      void invalidateAfter(client, op);
    },
  });
  return { run, notice };
}

/** A branch: its signing key's public half saved for headquarters, a backup of the key, and its restore. */
export function BranchKeyFiles() {
  const { t } = useTranslation();
  const keys = useOperation('keys.info', {});
  const pub = useDialogOperation('keys.exportPublic', (r) =>
    t('shell.savedPub', { file: r.file, fingerprint: r.fingerprint }),
  );
  const backup = useDialogOperation('keys.backup', (r) => t('shell.backedUp', { file: r.file }));
  const restore = useDialogOperation('keys.restore', (r) =>
    t('shell.restored', { fingerprint: r.fingerprint }),
  );
  const hasKey = Boolean(keys.data?.signing);
  return (
    <Stack gap="xs" data-testid="key-files">
      <Title order={6}>{t('shell.keysTitle')}</Title>
      <Group>
        {hasKey && (
          <>
            <Button
              size="xs"
              variant="light"
              onClick={() => pub.run.mutate()}
              loading={pub.run.isPending}
              data-testid="key-save-pub"
            >
              {t('shell.savePub')}
            </Button>
            <Button
              size="xs"
              variant="light"
              onClick={() => backup.run.mutate()}
              loading={backup.run.isPending}
              data-testid="key-backup"
            >
              {t('shell.backup')}
            </Button>
          </>
        )}
        <Button
          size="xs"
          variant="subtle"
          onClick={() => restore.run.mutate()}
          loading={restore.run.isPending}
          data-testid="key-restore"
        >
          {t('shell.restore')}
        </Button>
      </Group>
      {hasKey && (
        <Text size="xs" c="dimmed">
          {t('shell.backupNote')}
        </Text>
      )}
      <Notice>{pub.notice || backup.notice || restore.notice}</Notice>
      <RefusalAlert error={pub.run.error ?? backup.run.error ?? restore.run.error} />
    </Stack>
  );
}

/** Headquarters: its age identity made once, the recipient saved for the branches, the identity backed up. */
export function HqIdentity() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const keys = useOperation('keys.info', {});
  const create = useMutation({
    mutationFn: () => api('hqKey.init', {}),
    onSuccess: () => void invalidateAfter(client, 'hqKey.init'),
  });
  const recipient = useDialogOperation('hqKey.exportRecipient', (r) =>
    t('shell.hqSavedRecipient', { file: r.file }),
  );
  const backup = useDialogOperation('hqKey.exportIdentity', (r) => t('shell.hqBackedUp', { file: r.file }));
  const [warning, setWarning] = useState(false);
  const info = keys.data;
  return (
    <Stack gap="xs" data-testid="hq-identity">
      <Title order={5}>{t('shell.hqTitle')}</Title>
      {info && !info.hqRecipient && (
        <Group>
          <Text size="sm">{t('shell.hqNone')}</Text>
          <Button
            size="xs"
            onClick={() => create.mutate()}
            loading={create.isPending}
            data-testid="hq-key-create"
          >
            {t('shell.hqCreate')}
          </Button>
        </Group>
      )}
      {info?.hqRecipient && (
        <>
          <Text size="sm">{t('shell.hqRecipient')}:</Text>
          <Code block data-testid="hq-recipient">
            {info.hqRecipient}
          </Code>
          <Group>
            <Button
              size="xs"
              variant="light"
              onClick={() => recipient.run.mutate()}
              loading={recipient.run.isPending}
              data-testid="hq-save-recipient"
            >
              {t('shell.hqSaveRecipient')}
            </Button>
            <Button
              size="xs"
              variant="light"
              color="orange"
              onClick={() => setWarning(true)}
              loading={backup.run.isPending}
              data-testid="hq-backup"
            >
              {t('shell.hqBackup')}
            </Button>
          </Group>
        </>
      )}
      <Modal opened={warning} onClose={() => setWarning(false)} title={t('shell.hqBackup')}>
        <Stack>
          <Alert color="orange" data-testid="hq-backup-warning">
            {t('shell.hqBackupWarning')}
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setWarning(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="orange"
              onClick={() => {
                setWarning(false);
                backup.run.mutate();
              }}
              data-testid="hq-backup-confirm"
            >
              {t('shell.hqBackupConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Notice>{recipient.notice || backup.notice}</Notice>
      <RefusalAlert error={create.error ?? recipient.run.error ?? backup.run.error} />
    </Stack>
  );
}
