import { Button, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { OperationInput } from '../../electron/shared/contract.ts';
import { api } from './api.ts';
import { saveBytes } from './files.ts';
import { useProgress } from './progress.tsx';
import { RefusalAlert, useLanguage } from './ui.tsx';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** "Excel": the register or report on screen as an XLSX file, in the UI language. */
export function XlsxButton({
  input,
  label,
  testId,
}: {
  input: Omit<OperationInput<'xlsx.export'>, 'language'>;
  label?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const bar = useProgress();
  const download = useMutation({
    mutationFn: () => (bar.reset(), api('xlsx.export', { ...input, language }, { onProgress: bar.report })),
    onSuccess: (file) => saveBytes(file.fileName, file.content, XLSX_TYPE),
  });
  return (
    <>
      <Button
        size="xs"
        variant="light"
        color="green"
        onClick={() => download.mutate()}
        loading={download.isPending}
        data-testid={testId ?? `xlsx-${input.kind}`}
      >
        {label ?? t('common.excel')}
      </Button>
      {download.isPending && bar.progress && bar.progress.total > 0 && (
        // a sheet of 75,000 members takes seconds: its rows written so far, beside the button
        <Text size="xs" c="dimmed" data-testid="xlsx-progress">
          {Math.floor((100 * bar.progress.done) / bar.progress.total)} %
        </Text>
      )}
      {download.error && <RefusalAlert error={download.error} />}
    </>
  );
}
