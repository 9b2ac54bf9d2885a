import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JOURNAL_KINDS, KIND_WORDS, type JournalKind } from '../../../../electron/shared/history.ts';
import { api } from '../../api.ts';
import { HistoryTable } from '../../corrections/History.tsx';
import { RefusalAlert, useLanguage } from '../../ui.tsx';

const PAGE = 100;

/** A date typed into a filter counts once it is a whole date (a half-typed one is not sent). */
const whole = (v: string) =>
  /^\d{1,2}\.\d{1,2}\.\d{4}$|^\d{4}-\d{2}-\d{2}$/.test(v.trim()) ? v.trim() : undefined;

/**
 * «Журнал изменений»: every change of the register, newest first — who, when, which record, field before →
 * after, and the reason — filtered by the office's dates, the kind of record and the record itself.
 */
export function Journal() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [since, setSince] = useState('');
  const [until, setUntil] = useState('');
  const [kind, setKind] = useState<string | null>(null);
  const [record, setRecord] = useState('');
  const [pages, setPages] = useState(1);
  const filters = {
    since: whole(since),
    until: whole(until),
    kind: (kind ?? undefined) as JournalKind | undefined,
    record: useDeferredValue(record.trim()) || undefined,
  };
  const journal = useQuery({
    queryKey: ['history.journal', filters, pages],
    queryFn: () => api('history.journal', { ...filters, limit: PAGE * pages }),
    placeholderData: (previous) => previous,
  });
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPages(1);
    };
  const rows = journal.data?.rows ?? [];
  return (
    <Stack>
      <Group align="flex-end">
        <TextInput
          label={t('corrections.since')}
          placeholder={t('common.datePlaceholder')}
          value={since}
          onChange={(e) => reset(setSince)(e.currentTarget.value)}
          w={130}
          data-testid="journal-since"
        />
        <TextInput
          label={t('corrections.until')}
          placeholder={t('common.datePlaceholder')}
          value={until}
          onChange={(e) => reset(setUntil)(e.currentTarget.value)}
          w={130}
          data-testid="journal-until"
        />
        <Select
          label={t('corrections.kind')}
          clearable
          data={JOURNAL_KINDS.map((k) => ({ value: k, label: KIND_WORDS[k][language] }))}
          value={kind}
          onChange={reset(setKind)}
          w={220}
          data-testid="journal-kind"
        />
        <TextInput
          label={t('corrections.recordFilter')}
          value={record}
          onChange={(e) => reset(setRecord)(e.currentTarget.value)}
          w={300}
          data-testid="journal-record"
        />
      </Group>
      <RefusalAlert error={journal.error} />
      {journal.data && (
        <Text size="sm" c="dimmed" data-testid="journal-count">
          {t('corrections.shown', { shown: rows.length, total: journal.data.total })}
        </Text>
      )}
      <HistoryTable entries={rows} withRecord />
      {journal.data && rows.length < journal.data.total && (
        <Group>
          <Button variant="light" onClick={() => setPages(pages + 1)} data-testid="journal-more">
            {t('corrections.more')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
