import { Progress as Bar, Stack, Text } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Progress } from './api.ts';

/**
 * A long operation's real progress (rows checked and written, packages merged): `report` is given to
 * `api(op, input, { onProgress: report })`; `reset` before the next run.
 */
export function useProgress() {
  const [progress, setProgress] = useState<Progress | null>(null);
  const report = useCallback((p: Progress) => setProgress(p), []);
  const reset = useCallback(() => setProgress(null), []);
  return { progress, report, reset };
}

/** The determinate bar while `running`: the share done, and the count under it. */
export function ProgressBar({
  progress,
  running,
  testId = 'progress',
}: {
  progress: Progress | null;
  running: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  if (!running) return null;
  const share = progress && progress.total > 0 ? Math.min(100, (100 * progress.done) / progress.total) : 0;
  return (
    <Stack gap={4} data-testid={testId} data-done={progress?.done ?? 0} data-total={progress?.total ?? 0}>
      <Bar value={share} aria-label={t('shell.progress')} transitionDuration={100} />
      {progress && progress.total > 0 && (
        <Text size="xs" c="dimmed">
          {t('shell.progressCount', {
            done: progress.done.toLocaleString('ru-RU'),
            total: progress.total.toLocaleString('ru-RU'),
          })}
        </Text>
      )}
    </Stack>
  );
}
