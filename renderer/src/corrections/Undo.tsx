import { Alert, Button, Group, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, invalidateAfter } from '../api.ts';
import { RefusalAlert } from '../ui.tsx';

/** How long «Отменить» stays after a deletion: long enough to notice a wrong click, short enough not to linger. */
export const UNDO_SECONDS = 8;

/**
 * What was just deleted, with «Отменить» for a few seconds: the core kept the deleted row (its removal id)
 * and `dues.restore` puts it back with its own id and lines.
 */
export function UndoNotice(props: {
  text: string;
  removalId: number;
  onGone: () => void;
  /** The undo button's test id where a screen names its own. */
  undoTestId?: string;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [left, setLeft] = useState(UNDO_SECONDS);
  const [undone, setUndone] = useState(false);
  // the latest callback, without restarting the countdown whenever the parent renders again
  const onGone = useRef(props.onGone);
  onGone.current = props.onGone;
  const undo = useMutation({
    mutationFn: () => api('dues.restore', { removalId: props.removalId }),
    onSuccess: () => {
      setUndone(true);
      void invalidateAfter(client, 'dues.restore');
    },
  });
  useEffect(() => {
    if (undone || undo.isPending) return;
    if (left <= 0) return onGone.current();
    const timer = setTimeout(() => setLeft((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [left, undone, undo.isPending]);
  if (undone)
    return (
      <Alert color="teal" role="status" data-testid="undo-done">
        {t('corrections.undone')}
      </Alert>
    );
  return (
    <Alert color="yellow" role="status" data-testid="undo-notice">
      <Group justify="space-between">
        <Text size="sm">{props.text}</Text>
        <Button
          size="xs"
          variant="white"
          onClick={() => undo.mutate()}
          loading={undo.isPending}
          data-testid={props.undoTestId ?? 'undo'}
        >
          {t('corrections.undo')} ({left})
        </Button>
      </Group>
      <RefusalAlert error={undo.error} />
    </Alert>
  );
}
