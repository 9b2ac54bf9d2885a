import { Button } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { OperationInput } from '../../electron/shared/contract.ts';
import { api } from './api.ts';
import { saveBytes } from './files.ts';
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
  const download = useMutation({
    mutationFn: () => api('xlsx.export', { ...input, language }),
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
      {download.error && <RefusalAlert error={download.error} />}
    </>
  );
}
