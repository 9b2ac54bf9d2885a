import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAt } from '../../../electron/shared/history.ts';
import { api } from '../api.ts';
import { RefusalAlert } from '../ui.tsx';

/** Set just before the page reloads after a restore, so the reloaded Settings can say what happened. */
const RESTORED_KEY = 'aqniet.restored';

/** What the last restore did, once (the reloaded page shows it, then forgets it). */
export function takeRestoredNotice(): { date: string; savedAs: string } | null {
  const raw = window.sessionStorage.getItem(RESTORED_KEY);
  if (!raw) return null;
  window.sessionStorage.removeItem(RESTORED_KEY);
  try {
    return JSON.parse(raw) as { date: string; savedAs: string };
  } catch {
    return null;
  }
}

/**
 * «Восстановить реестр из копии?»: what will happen (the current register backed up first, the file
 * replaced, the window reloaded, the history told), an optional reason, and the button. After the restore
 * the page starts again on Settings → «Резервные копии», which says what was restored and where the
 * previous state was kept.
 */
export function RestoreDialog(props: {
  backup: { id: string; createdAt: string } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const restore = useMutation({
    mutationFn: (id: string) => api('backups.restore', { id, reason: reason.trim() || undefined }),
    onSuccess: (r) => {
      window.sessionStorage.setItem(
        RESTORED_KEY,
        JSON.stringify({ date: formatAt(r.createdAt), savedAs: r.savedAs }),
      );
      // everything on screen was read from the register that is gone: start the page again
      // replaceState fires no hashchange: the current page must not render Settings (and take the notice)
      window.history.replaceState(null, '', '#/settings');
      window.location.reload();
    },
  });
  const close = () => {
    if (restore.isPending) return;
    restore.reset();
    setReason('');
    props.onClose();
  };
  const b = props.backup;
  return (
    <Modal
      opened={b !== null}
      onClose={close}
      title={b ? t('corrections.restoreTitle', { date: formatAt(b.createdAt) }) : ''}
      size="lg"
    >
      <Stack>
        <Text size="sm">{t('corrections.restoreHelp')}</Text>
        <TextInput
          label={t('corrections.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data-testid="restore-reason"
        />
        <RefusalAlert error={restore.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close} disabled={restore.isPending}>
            {t('common.cancel')}
          </Button>
          <Button
            color="orange"
            onClick={() => b && restore.mutate(b.id)}
            loading={restore.isPending}
            data-testid="restore-confirm"
          >
            {t('corrections.restoreYes')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * After an import: «Отменить импорт» puts the register back as it was, from the copy made just before the
 * import (the same restore as in Settings, so the state after the import is itself kept in a copy).
 */
export function UndoImport({ backup }: { backup: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = backup.split(/[\\/]/).pop()!;
  const list = useMutation({ mutationFn: () => api('backups.list', {}) });
  const [found, setFound] = useState<{ id: string; createdAt: string } | null>(null);
  return (
    <>
      <Group>
        <Button
          variant="light"
          color="orange"
          loading={list.isPending}
          onClick={() =>
            list.mutate(undefined, {
              onSuccess: (r) => {
                const b = r.backups.find((x) => x.id === id);
                if (b) {
                  setFound({ id: b.id, createdAt: b.createdAt });
                  setOpen(true);
                }
              },
            })
          }
          data-testid="import-undo"
        >
          {t('corrections.undoImport')}
        </Button>
        <Text size="sm" c="dimmed">
          {t('corrections.undoImportHelp')}
        </Text>
      </Group>
      <RefusalAlert error={list.error} />
      <RestoreDialog backup={open ? found : null} onClose={() => setOpen(false)} />
    </>
  );
}
