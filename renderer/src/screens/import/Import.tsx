import { Button, Checkbox, FileInput, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_UPLOAD_BYTES } from '../../../../electron/shared/contract.ts';
import { api, ApiError, invalidateAfter } from '../../api.ts';
import { toBase64 } from '../../files.ts';
import { ProgressBar, useProgress } from '../../progress.tsx';
import { UndoImport } from '../../corrections/Restore.tsx';
import { Notice, RefusalAlert } from '../../ui.tsx';

type Kind = 'orgs' | 'members' | 'dues' | 'appeals';

/** How a text file was read, as the office's programs name it (Excel's «CSV UTF-8», Notepad's ANSI…). */
const ENCODING_NAMES: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 (BOM)',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1251': 'Windows-1251',
};

/**
 * Choose a file, see every row problem before anything is written, then import. Checking is the same
 * call with `import.preview`, so what the table shows is exactly what the import would refuse. Rows whose
 * records are already in the register with other values are listed field by field (stored → file); the
 * import writes them only after «Обновить существующие записи» is ticked, never in silence.
 */
export function ImportScreen() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [kind, setKind] = useState<Kind>('members');
  const [file, setFile] = useState<File | null>(null);
  const [update, setUpdate] = useState(false);
  const source = async () => {
    // refused before it is read: the bytes of a larger file do not fit one message to the register
    if (file!.size > MAX_UPLOAD_BYTES)
      throw new ApiError({
        ok: false,
        code: 'import.too_large',
        message: `${file!.name} is too large`,
        messageRu: `${file!.name}: файл слишком большой`,
        details: [],
        params: {
          file: file!.name,
          size: Math.ceil(file!.size / 1024 / 1024),
          limit: MAX_UPLOAD_BYTES / 1024 / 1024,
        },
      });
    return { kind, content: await toBase64(file!), fileName: file!.name };
  };
  const bar = useProgress();
  const preview = useMutation({
    mutationFn: async () => (bar.reset(), api('import.preview', await source(), { onProgress: bar.report })),
  });
  const run = useMutation({
    mutationFn: async () => (
      bar.reset(),
      api('import.run', { ...(await source()), update }, { onProgress: bar.report })
    ),
    onSuccess: () => void invalidateAfter(client, 'import.run'),
  });
  const p = preview.data;
  const reset = () => {
    preview.reset();
    run.reset();
    setUpdate(false);
  };
  const problemsText = p
    ? [
        t('import.problems', { count: p.problemCount }),
        p.problemCount > p.problems.length
          ? t('import.problemsShown', { shown: p.problems.length, count: p.problemCount })
          : '',
      ].join(' ')
    : '';
  const blocked = !p || p.problemCount > 0 || (p.conflictCount > 0 && !update);
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
          onClick={() => {
            reset();
            preview.mutate();
          }}
          loading={preview.isPending}
          data-testid="import-check"
        >
          {t('import.check')}
        </Button>
        <Button
          disabled={blocked || run.isSuccess}
          onClick={() => run.mutate()}
          loading={run.isPending}
          data-testid="import-run"
        >
          {t('import.run')}
        </Button>
      </Group>
      <ProgressBar
        progress={bar.progress}
        running={preview.isPending || run.isPending}
        testId="import-progress"
      />
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
      {p && (p.sheet !== null || p.encoding !== null) && (
        <Text size="sm" c="dimmed" data-testid="import-source">
          {p.sheet !== null
            ? [
                t('import.sheet', { sheet: p.sheet }),
                p.hiddenSheets.length > 0 &&
                  t('import.hiddenSheets', { sheets: p.hiddenSheets.map((h) => `«${h}»`).join(', ') }),
              ]
                .filter(Boolean)
                .join('; ')
            : t('import.encoding', { encoding: ENCODING_NAMES[p.encoding!] ?? p.encoding })}
        </Text>
      )}
      {p && p.ignoredColumns.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('import.ignored', { columns: p.ignoredColumns.join(', ') })}
        </Text>
      )}
      {p && p.problemCount > 0 && (
        <RefusalAlert
          error={
            new ApiError({
              ok: false,
              code: 'import.invalid_rows',
              message: problemsText,
              messageRu: problemsText,
              details: p.problems,
            })
          }
        />
      )}
      {p && p.problemCount === 0 && p.conflictCount > 0 && (
        <Stack gap="xs" data-testid="import-conflicts">
          <Text size="sm" c="orange.9">
            {t('import.conflicts', { count: p.conflictCount })}
            {p.conflictCount > p.conflicts.length &&
              ` ${t('import.conflictsShown', { shown: p.conflicts.length, count: p.conflictCount })}`}
          </Text>
          <Table fz="xs" withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('import.row')}</Table.Th>
                <Table.Th>{t('import.conflictKey')}</Table.Th>
                <Table.Th>{t('import.conflictField')}</Table.Th>
                <Table.Th>{t('import.conflictStored')}</Table.Th>
                <Table.Th>{t('import.conflictIncoming')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.conflicts.flatMap((c) =>
                c.fields.map((f, i) => (
                  <Table.Tr key={`${c.row}-${f.column}`} data-testid="import-conflict">
                    <Table.Td>{i === 0 ? c.row : ''}</Table.Td>
                    <Table.Td>{i === 0 ? c.key : ''}</Table.Td>
                    <Table.Td>{f.column}</Table.Td>
                    <Table.Td>{f.stored || '—'}</Table.Td>
                    <Table.Td>{f.incoming || '—'}</Table.Td>
                  </Table.Tr>
                )),
              )}
            </Table.Tbody>
          </Table>
          <Checkbox
            label={t('import.update')}
            checked={update}
            onChange={(e) => setUpdate(e.currentTarget.checked)}
            disabled={run.isSuccess}
            data-testid="import-update"
          />
        </Stack>
      )}
      <Notice>
        {run.data &&
          t('import.done', {
            created: run.data.created,
            updated: run.data.updated,
            unchanged: run.data.unchanged,
          })}
      </Notice>
      {run.data?.backup && <UndoImport backup={run.data.backup} />}
    </Stack>
  );
}
