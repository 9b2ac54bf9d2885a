import { Badge, Button, Checkbox, FileInput, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationResult } from '../../../../electron/shared/contract.ts';
import type { OperationInput } from '../../../../electron/shared/contract.ts';
import { ProgressBar, useProgress } from '../../progress.tsx';
import { api, invalidateAfter } from '../../api.ts';
import { isRefusalCode, wordRefusal } from '../../../../electron/shared/refusals/index.ts';
import { RefusalAlert, useLanguage } from '../../ui.tsx';
import { toBase64 } from '../../files.ts';

type Upload = OperationInput<'exchange.mergeUpload'>;
type Result = OperationResult<'exchange.mergeUpload'>['results'][number];
const STATUS_COLOR = { accepted: 'teal', ready: 'blue', duplicate: 'gray', rejected: 'red' } as const;

/** Added / changed / removed per table, the way headquarters checks a corrected package. */
function DiffCell({ diff }: { diff: Result['diff'] }) {
  const { t } = useTranslation();
  if (!diff) return null;
  const parts = ['orgs', 'members', 'dues_remittances', 'appeals'].map((table) => {
    const d = diff[table];
    if (!d || d.added + d.changed + d.removed === 0) return null;
    return (
      <Text key={table} size="xs">
        {t(`exchange.table_${table}`)}: +{d.added} ~{d.changed} −{d.removed}
      </Text>
    );
  });
  return parts.some(Boolean) ? <>{parts}</> : <Text size="xs">{t('exchange.noChanges')}</Text>;
}

function Results({ results, testId }: { results: Result[]; testId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Table fz="sm" data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('exchange.file')}</Table.Th>
          <Table.Th>{t('exchange.result')}</Table.Th>
          <Table.Th>{t('exchange.branch')}</Table.Th>
          <Table.Th>{t('exchange.diff')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {results.map((r) => (
          <Table.Tr key={r.file}>
            <Table.Td>{r.file}</Table.Td>
            <Table.Td>
              {/* never cut to «ОТКЛО…» in a narrow window: the status is the word to read */}
              <Badge color={STATUS_COLOR[r.status]} style={{ minWidth: 'max-content' }}>
                {t(`exchange.status_${r.status}`)}
              </Badge>
            </Table.Td>
            <Table.Td>
              {r.status === 'rejected'
                ? r.code && isRefusalCode(r.code)
                  ? wordRefusal(r.code, r.params ?? {}, language)
                  : language === 'en'
                    ? r.reason
                    : r.reasonRu
                : `${r.branch} ${r.period} № ${r.seq}`}
              {r.details?.slice(0, 20).map((d, i) => (
                <Text key={i} size="xs" c="red" data-testid="package-problem">
                  {d.column}, {t('import.row')} {d.row}:{' '}
                  {d.code && isRefusalCode(d.code)
                    ? wordRefusal(d.code, d.params ?? {}, language)
                    : d.messageRu}
                </Text>
              ))}
              {r.warnings?.map((w) => (
                <Text key={w.code} size="xs" c="orange">
                  {wordRefusal(w.code, w.params, language)}
                </Text>
              ))}
            </Table.Td>
            <Table.Td>
              <DiffCell diff={r.diff} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * Headquarters receives packages: several files at once are first checked (signature, hashes, sequence,
 * rows) and shown with what each would change; "Merge" then applies those that passed.
 */
export function HqPackages() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [files, setFiles] = useState<File[]>([]);
  const [over, setOver] = useState(false);
  // Each file is read and encoded once: the check and the merge send the same bytes.
  const bar = useProgress();
  const inspect = useMutation({
    mutationFn: (upload: Upload) => (
      bar.reset(),
      api('exchange.inspectUpload', upload, { onProgress: bar.report })
    ),
  });
  const merge = useMutation({
    mutationFn: (upload: Upload) => (
      bar.reset(),
      api('exchange.mergeUpload', upload, { onProgress: bar.report })
    ),
    onSuccess: () => {
      // cleared, so that choosing the same file again is a new choice
      setFiles([]);
      inspect.reset();
      void invalidateAfter(client, 'exchange.mergeUpload');
    },
  });
  const choose = async (chosen: File[]) => {
    setFiles(chosen);
    merge.reset();
    if (!chosen.length) return inspect.reset();
    const packages = await Promise.all(
      chosen.map(async (f) => ({ name: f.name, content: await toBase64(f) })),
    );
    inspect.mutate({ packages });
  };
  // A package number far past the last one accepted: checked again, and merged, only once the person has
  // confirmed it with the branch (a lost package or a copied register look the same from here).
  const jumped = inspect.data?.results.some((r) => r.code === 'package.seq_jump') ?? false;
  const confirmed = inspect.variables?.confirmSeqJump === true;
  const confirmJump = (checked: boolean) => {
    if (inspect.variables) inspect.mutate({ ...inspect.variables, confirmSeqJump: checked });
  };
  const ready = inspect.data?.results.some((r) => r.status === 'ready') ?? false;
  return (
    <Stack>
      <Title order={5}>{t('exchange.packages')}</Title>
      <Text size="sm" c="dimmed">
        {t('exchange.packagesHelp')}
      </Text>
      <Group
        align="flex-end"
        p="sm"
        data-testid="packages-drop"
        data-over={over ? 'yes' : 'no'}
        style={{
          border: `2px dashed ${over ? 'var(--mantine-color-teal-6)' : 'var(--mantine-color-gray-4)'}`,
          borderRadius: 8,
        }}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          void choose([...e.dataTransfer.files].filter((f) => f.name.endsWith('.aqpkg')));
        }}
      >
        <Text size="sm" c="dimmed" w="100%">
          {t('exchange.dropHere')}
        </Text>
        <FileInput
          multiple
          accept=".aqpkg"
          value={files}
          onChange={(chosen) => void choose(chosen)}
          w={420}
          placeholder={t('exchange.choosePackages')}
          data-testid="packages-input"
        />
        <Button
          disabled={!ready}
          onClick={() => inspect.variables && merge.mutate(inspect.variables)}
          loading={merge.isPending || inspect.isPending}
          data-testid="packages-merge"
        >
          {t('exchange.merge')}
        </Button>
      </Group>
      {(jumped || confirmed) && !merge.data && (
        <Checkbox
          checked={confirmed}
          disabled={inspect.isPending}
          onChange={(e) => confirmJump(e.currentTarget.checked)}
          label={t('exchange.confirmSeqJump')}
          data-testid="confirm-seq-jump"
        />
      )}
      <ProgressBar
        progress={bar.progress}
        running={merge.isPending || inspect.isPending}
        testId="packages-progress"
      />
      <RefusalAlert error={inspect.error ?? merge.error} />
      {inspect.data && !merge.data && <Results results={inspect.data.results} testId="inspect-results" />}
      {merge.data && <Results results={merge.data.results} testId="merge-results" />}
    </Stack>
  );
}
