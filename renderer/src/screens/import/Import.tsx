import { Button, FileInput, Group, Progress, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api.ts';
import { toBase64 } from '../../files.ts';
import { Notice, RefusalAlert } from '../../ui.tsx';

type Kind = 'orgs' | 'members' | 'dues' | 'appeals';

/**
 * Choose a file, see every row problem before anything is written, then import. Checking is the same
 * call with `import.preview`, so what the table shows is exactly what the import would refuse.
 */
export function ImportScreen() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [kind, setKind] = useState<Kind>('members');
  const [file, setFile] = useState<File | null>(null);
  const source = async () => ({ kind, content: await toBase64(file!), fileName: file!.name });
  const preview = useMutation({ mutationFn: async () => api('import.preview', await source()) });
  const run = useMutation({
    mutationFn: async () => api('import.run', await source()),
    onSuccess: () => void client.invalidateQueries(),
  });
  const p = preview.data;
  const reset = () => {
    preview.reset();
    run.reset();
  };
  return (
    <Stack maw={900}>
      <Group align="flex-end">
        <Select
          label={t('import.kind')}
          data={(['orgs', 'members', 'dues', 'appeals'] as const).map((k) => ({
            value: k,
            label: t(`import.kind_${k}`),
          }))}
          value={kind}
          onChange={(v) => {
            setKind((v ?? 'members') as Kind);
            reset();
          }}
          w={300}
          data-testid="import-kind"
        />
        <FileInput
          label={t('import.file')}
          accept=".csv,.xlsx"
          value={file}
          onChange={(f) => {
            setFile(f);
            reset();
          }}
          w={320}
          data-testid="import-file"
        />
        <Button
          variant="light"
          disabled={!file}
          onClick={() => preview.mutate()}
          loading={preview.isPending}
          data-testid="import-check"
        >
          {t('import.check')}
        </Button>
        <Button
          disabled={!p || p.problems.length > 0 || run.isSuccess}
          onClick={() => run.mutate()}
          loading={run.isPending}
          data-testid="import-run"
        >
          {t('import.run')}
        </Button>
      </Group>
      {(preview.isPending || run.isPending) && <Progress value={100} animated striped />}
      <RefusalAlert error={preview.error ?? run.error} />
      {p && (
        <Text data-testid="import-summary">
          {t('import.summary', {
            rows: p.rows,
            created: p.created,
            updated: p.updated,
            unchanged: p.unchanged,
          })}
        </Text>
      )}
      {p && p.ignoredColumns.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('import.ignored', { columns: p.ignoredColumns.join(', ') })}
        </Text>
      )}
      {p && p.problems.length > 0 && (
        <RefusalAlert
          error={
            new ApiError({
              ok: false,
              code: 'import.invalid_rows',
              message: t('import.problems', { count: p.problems.length }),
              messageRu: t('import.problems', { count: p.problems.length }),
              details: p.problems,
            })
          }
        />
      )}
      <Notice>
        {run.data &&
          t('import.done', {
            created: run.data.created,
            updated: run.data.updated,
            unchanged: run.data.unchanged,
          })}
      </Notice>
    </Stack>
  );
}
