import { Button } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { OperationInput } from '../../electron/shared/contract.ts';
import { api } from './api.ts';
import { RefusalAlert, useLanguage } from './ui.tsx';

/** Saves a file the page made: the browser's download, or Electron's save dialog. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Hands bytes to the browser (or Electron's save dialog) as a file download. */
export function saveBytes(fileName: string, base64: string, type: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  saveBlob(new Blob([bytes], { type }), fileName);
}

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
