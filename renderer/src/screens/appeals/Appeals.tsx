import {
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  UnstyledButton,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { OperationInput } from '../../../../electron/shared/contract.ts';
import { formatDate, formatTiyn } from '../../../../electron/shared/format.ts';
import {
  APPEAL_CATEGORIES,
  APPEAL_CHANNELS,
  APPEAL_STATUSES,
  LEGAL_KINDS,
} from '../../../../electron/shared/vocabulary.ts';
import { journalRows } from '../../../../electron/shared/journal.ts';
import { api, invalidateAfter } from '../../api.ts';
import { AppealsCategoryChart, AppealsMonthChart } from '../../charts/Charts.tsx';
import { XlsxButton } from '../../download.tsx';
import {
  contractResolver,
  FormFooter,
  FormModal,
  Notice,
  RefusalAlert,
  termLabel,
  termOptions,
  useLanguage,
} from '../../ui.tsx';
import { useHqBranch } from '../hq/HqBranch.tsx';
import { AppealMenu } from './AppealCorrections.tsx';

type AddInput = OperationInput<'appeals.add'>;
type CloseInput = OperationInput<'appeals.close'>;

function RegisterForm({ onDone, setDirty }: { onDone: (m: string) => void; setDirty: (d: boolean) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useQueryClient();
  const form = useForm<AddInput>({
    resolver: contractResolver('appeals.add'),
    defaultValues: { onControl: false },
  });
  setDirty(form.formState.isDirty);
  const add = useMutation({
    mutationFn: (input: AddInput) =>
      api('appeals.add', {
        ...input,
        memberIin: input.memberIin || undefined,
        orgCode: input.orgCode || undefined,
        legalSum: input.legalSum || undefined,
      }),
    onSuccess: (a) => {
      void invalidateAfter(client, 'appeals.add');
      onDone(t('appeals.registered', { regNo: a.regNo }));
    },
  });
  const e = form.formState.errors;
  const req = (name: keyof AddInput) => (e[name] ? t('common.required') : undefined);
  const select = (
    name: 'channel' | 'category' | 'legalKind',
    terms: typeof APPEAL_CHANNELS | typeof APPEAL_CATEGORIES | typeof LEGAL_KINDS,
    label: string,
    required = true,
  ) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <Select
          label={label}
          withAsterisk={required}
          clearable={!required}
          data={termOptions(terms, language)}
          value={(field.value as string) ?? null}
          onChange={(v) => field.onChange(v ?? undefined)}
          error={req(name)}
          data-testid={`appeal-${name}`}
        />
      )}
    />
  );
  return (
    <form onSubmit={form.handleSubmit((v) => add.mutate(v))}>
      <Stack>
        <SimpleGrid cols={3}>
          <TextInput
            label={t('appeals.receivedOn')}
            withAsterisk
            placeholder={t('common.datePlaceholder')}
            {...form.register('receivedOn')}
            error={req('receivedOn')}
            data-testid="appeal-received"
          />
          {select('channel', APPEAL_CHANNELS, t('appeals.channel'))}
          {select('category', APPEAL_CATEGORIES, t('appeals.category'))}
        </SimpleGrid>
        <SimpleGrid cols={3}>
          <TextInput
            label={t('appeals.applicant')}
            withAsterisk
            {...form.register('applicant')}
            error={req('applicant')}
            data-testid="appeal-applicant"
          />
          <TextInput label={t('members.iin')} {...form.register('memberIin')} />
          <TextInput label={t('members.org')} {...form.register('orgCode')} />
        </SimpleGrid>
        <Textarea label={t('appeals.summary')} {...form.register('summary')} />
        <SimpleGrid cols={3}>
          {select('legalKind', LEGAL_KINDS, t('appeals.legalKind'), false)}
          <TextInput label={t('appeals.legalSum')} {...form.register('legalSum')} />
          <Checkbox mt="lg" label={t('appeals.onControl')} {...form.register('onControl')} />
        </SimpleGrid>
        <FormFooter
          errors={form.formState.errors}
          error={add.error}
          pending={add.isPending}
          label={t('appeals.register')}
          testId="appeal-save"
        />
      </Stack>
    </form>
  );
}

function CloseForm({
  year,
  regNo,
  onDone,
  setDirty,
}: {
  year: number;
  regNo: string;
  onDone: (m: string) => void;
  setDirty: (d: boolean) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm<CloseInput>({
    resolver: contractResolver('appeals.close'),
    defaultValues: { year, regNo },
  });
  setDirty(form.formState.isDirty);
  const close = useMutation({
    mutationFn: (input: CloseInput) =>
      api('appeals.close', { ...input, economicEffect: input.economicEffect || undefined }),
    onSuccess: (a) => {
      void invalidateAfter(client, 'appeals.close');
      onDone(t('appeals.closedDone', { regNo: a.regNo }));
    },
  });
  return (
    <form onSubmit={form.handleSubmit((v) => close.mutate(v))}>
      <Stack>
        <SimpleGrid cols={2}>
          <TextInput
            label={t('appeals.closedOn')}
            withAsterisk
            placeholder={t('common.datePlaceholder')}
            {...form.register('closedOn')}
            error={form.formState.errors.closedOn ? t('common.required') : undefined}
            data-testid="close-date"
          />
          <TextInput
            label={t('appeals.effect')}
            placeholder="12 345,67"
            {...form.register('economicEffect')}
            data-testid="close-effect"
          />
        </SimpleGrid>
        <Textarea label={t('appeals.outcome')} {...form.register('outcome')} data-testid="close-outcome" />
        <FormFooter
          errors={form.formState.errors}
          error={close.error}
          pending={close.isPending}
          label={t('appeals.close')}
          testId="close-save"
        />
      </Stack>
    </form>
  );
}

export function Appeals() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const [status, setStatus] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const [overdue, setOverdue] = useState(false);
  const [onControl, setOnControl] = useState(false);
  const [registering, setRegistering] = useState(false);
  const [closing, setClosing] = useState<{ year: number; regNo: string } | null>(null);
  const [notice, setNotice] = useState('');
  const [search, setSearch] = useState('');
  const [newestFirst, setNewestFirst] = useState(true);
  // At headquarters: the whole union's journal, or one branch's (read-only)
  const { hq, branch, chooser } = useHqBranch();
  const appeals = useQuery({
    queryKey: ['appeals.list', year, status, category, overdue, onControl, branch],
    queryFn: () =>
      api('appeals.list', {
        branch,
        year,
        status: (status ?? undefined) as never,
        category: (category ?? undefined) as never,
        overdue: overdue || undefined,
        onControl: onControl || undefined,
      }),
  });
  const client = useQueryClient();
  const update = useMutation({
    mutationFn: (input: OperationInput<'appeals.update'>) => api('appeals.update', input),
    onSuccess: () => void invalidateAfter(client, 'appeals.update'),
  });
  const done = (message: string) => {
    setRegistering(false);
    setClosing(null);
    setNotice(message);
  };
  // The journal's own search: folded as everywhere (ә→а, қ→к…, any case), words in any order.
  const shown = journalRows(appeals.data ?? [], search, newestFirst);
  return (
    <Stack>
      <Group align="flex-end">
        {chooser}
        <TextInput
          label={t('common.search')}
          placeholder={t('appeals.searchHint')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={240}
          data-shortcut="search"
          data-testid="appeal-search"
        />
        <NumberInput
          label={t('dues.year')}
          value={year}
          onChange={(v) => typeof v === 'number' && setYear(v)}
          w={100}
        />
        <Select
          label={t('appeals.status')}
          clearable
          data={termOptions(APPEAL_STATUSES, language)}
          value={status}
          onChange={setStatus}
          w={180}
        />
        <Select
          label={t('appeals.category')}
          clearable
          data={termOptions(APPEAL_CATEGORIES, language)}
          value={category}
          onChange={setCategory}
          w={300}
        />
        {!hq && (
          // the file holds what the journal shows: its filters, search and order
          <XlsxButton
            input={{
              kind: 'appeals',
              year,
              appealStatus: (status ?? undefined) as never,
              appealCategory: (category ?? undefined) as never,
              overdue: overdue || undefined,
              onControl: onControl || undefined,
              search: search.trim() || undefined,
              newestFirst,
            }}
          />
        )}
        <XlsxButton input={{ kind: 'appeals-report', year, branch }} label={t('appeals.reportXlsx')} />
        <XlsxButton input={{ kind: 'legal-report', year, branch }} label={t('appeals.legalXlsx')} />
        <Button
          size="xs"
          variant="light"
          component="a"
          href={`#/print/appeals/${year}${branch ? `?branch=${branch}` : ''}`}
        >
          {t('print.printButton')}
        </Button>
        <Checkbox
          label={t('appeals.overdue')}
          checked={overdue}
          onChange={(e) => setOverdue(e.currentTarget.checked)}
        />
        <Checkbox
          label={t('appeals.onControl')}
          checked={onControl}
          onChange={(e) => setOnControl(e.currentTarget.checked)}
        />
        {!hq && (
          <Button onClick={() => setRegistering(true)} data-testid="appeal-register" data-shortcut="new">
            {t('appeals.register')}
          </Button>
        )}
      </Group>
      <Notice>{notice}</Notice>
      <RefusalAlert error={update.error} />
      <Table striped fz="xs" horizontalSpacing={6} data-testid="appeals-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('appeals.regNo')}</Table.Th>
            <Table.Th>
              <UnstyledButton
                onClick={() => setNewestFirst(!newestFirst)}
                fw={700}
                fz="sm"
                data-testid="appeal-sort-date"
                aria-label={t('appeals.sortByDate')}
              >
                {t('appeals.receivedOn')} {newestFirst ? '↓' : '↑'}
              </UnstyledButton>
            </Table.Th>
            <Table.Th>{t('appeals.applicant')}</Table.Th>
            <Table.Th>{t('appeals.category')}</Table.Th>
            <Table.Th>{t('appeals.status')}</Table.Th>
            <Table.Th ta="right">{t('appeals.effect')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((a) => (
            <Table.Tr key={a.id} data-testid="appeal-row">
              <Table.Td>{a.branch ? `${a.branch} ${a.regNo}` : a.regNo}</Table.Td>
              {/* the due date under the date received: one column fewer on a small screen */}
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDate(a.receivedOn)}
                {a.dueOn && (
                  <Text fz="xs" c="dimmed" data-testid="appeal-due">
                    {t('appeals.dueOn')}: {formatDate(a.dueOn)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{a.applicant}</Table.Td>
              <Table.Td>{termLabel(APPEAL_CATEGORIES, a.category, language)}</Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" color={a.status === 'closed' ? 'gray' : 'blue'}>
                  {termLabel(APPEAL_STATUSES, a.status, language)}
                </Badge>
                {a.onControl && (
                  <Badge size="sm" variant="light" color="orange">
                    {t('appeals.onControl')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td ta="right">
                {a.economicEffectTiyn !== null ? formatTiyn(a.economicEffectTiyn) : ''}
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap" justify="flex-end" align="flex-start">
                  {a.status !== 'closed' && !hq && (
                    // stacked, short words: a row's actions stay inside a 1024-pixel window
                    <Stack gap={2} align="flex-start">
                      {a.status === 'registered' && (
                        <Button
                          size="xs"
                          variant="subtle"
                          onClick={() =>
                            update.mutate({ year: a.year, regNo: a.regNo, status: 'in_progress' })
                          }
                          data-testid="appeal-take-up"
                        >
                          {t('appeals.takeUp')}
                        </Button>
                      )}
                      <Checkbox
                        size="xs"
                        label={t('appeals.onControlShort')}
                        aria-label={t('appeals.controlToggle')}
                        title={t('appeals.controlToggle')}
                        checked={a.onControl}
                        onChange={(e) =>
                          update.mutate({ year: a.year, regNo: a.regNo, onControl: e.currentTarget.checked })
                        }
                        data-testid="appeal-control"
                      />
                      <Button
                        size="xs"
                        variant="subtle"
                        onClick={() => setClosing({ year: a.year, regNo: a.regNo })}
                        data-testid="appeal-close"
                      >
                        {t('appeals.closeShort')}
                      </Button>
                    </Stack>
                  )}
                  {!hq && <AppealMenu appeal={a} onDone={setNotice} />}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <FormModal opened={registering} onClose={() => setRegistering(false)} title={t('appeals.register')}>
        {(setDirty) => <RegisterForm onDone={done} setDirty={setDirty} />}
      </FormModal>
      <FormModal opened={closing !== null} onClose={() => setClosing(null)} title={t('appeals.close')}>
        {(setDirty) => closing && <CloseForm {...closing} onDone={done} setDirty={setDirty} />}
      </FormModal>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <AppealsCategoryChart year={year} />
        <AppealsMonthChart year={year} />
      </SimpleGrid>
    </Stack>
  );
}
