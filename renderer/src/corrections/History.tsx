import { Button, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  KIND_WORDS,
  actionLabel,
  describeChange,
  formatAt,
  type HistoryEntry,
  type HistoryKind,
} from '../../../electron/shared/history.ts';
import { useOperation } from '../api.ts';
import { RefusalAlert, useLanguage } from '../ui.tsx';

/**
 * «История изменений» as people read it: when (office time), who, what happened, each field before →
 * after, and the reason. The same table serves one record's history and the register-wide journal (which
 * also names the record of each entry).
 */
export function HistoryTable({
  entries,
  withRecord = false,
}: {
  entries: HistoryEntry[];
  withRecord?: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (entries.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid="history-empty">
        {t('corrections.noChanges')}
      </Text>
    );
  return (
    // long unbroken values (a file's SHA-256, a backup's name) wrap instead of widening the page
    <Table fz="sm" verticalSpacing={4} style={{ overflowWrap: 'anywhere' }} data-testid="history-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={120}>{t('corrections.at')}</Table.Th>
          <Table.Th w={110}>{t('corrections.actor')}</Table.Th>
          {withRecord && <Table.Th>{t('corrections.record')}</Table.Th>}
          <Table.Th>{t('corrections.action')}</Table.Th>
          <Table.Th miw={200}>{t('corrections.changes')}</Table.Th>
          <Table.Th>{t('corrections.reason')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((e) => (
          <Table.Tr key={e.id} data-testid="history-entry" style={{ verticalAlign: 'top' }}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatAt(e.at)}</Table.Td>
            <Table.Td>{e.actor ?? '—'}</Table.Td>
            {withRecord && (
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {KIND_WORDS[e.kind][language]}
                </Text>
                {e.record}
              </Table.Td>
            )}
            <Table.Td>{actionLabel(e.action, language)}</Table.Td>
            {/* long values break anywhere: the journal fits a 1024-pixel window */}
            <Table.Td style={{ overflowWrap: 'anywhere' }}>
              {e.changes.map((c) => (
                <div key={`${c.table}.${c.column}`}>{describeChange(c, language)}</div>
              ))}
            </Table.Td>
            <Table.Td data-testid="history-reason">{e.reason ?? ''}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function RecordHistory({ kind, recordKey, year }: { kind: HistoryKind; recordKey: string; year?: number }) {
  const { t } = useTranslation();
  const history = useOperation('history.record', { kind, key: recordKey, year });
  if (history.error) return <RefusalAlert error={history.error} />;
  if (!history.data) return <Text>{t('common.loading')}</Text>;
  return <HistoryTable entries={history.data} />;
}

interface RecordProps {
  kind: HistoryKind;
  recordKey: string;
  year?: number;
  /** What the dialog's title names: the record as people call it. */
  title: string;
}

/** A record's «История изменений» in a dialog over whatever is on screen (opened by a button or a menu). */
export function HistoryDialog(props: RecordProps & { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t('corrections.historyOf', { record: props.title })}
      size="xl"
    >
      {props.opened && (
        <Stack data-testid="history-dialog">
          <RecordHistory kind={props.kind} recordKey={props.recordKey} year={props.year} />
        </Stack>
      )}
    </Modal>
  );
}

/** A button that opens a record's «История изменений». */
export function HistoryButton(props: RecordProps & { testId?: string; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size={props.size ?? 'sm'}
        variant="subtle"
        onClick={() => setOpen(true)}
        data-testid={props.testId ?? `${props.kind}-history`}
      >
        {t('corrections.history')}
      </Button>
      <HistoryDialog {...props} opened={open} onClose={() => setOpen(false)} />
    </>
  );
}
