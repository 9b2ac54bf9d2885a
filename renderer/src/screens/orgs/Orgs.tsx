import {
  Badge,
  Drawer,
  Button,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { OperationInput } from '../../../../electron/shared/contract.ts';
import { SECTORS, type Sector } from '../../../../electron/shared/vocabulary.ts';
import { api, invalidateAfter } from '../../api.ts';
import { formatCount } from '../../formats.ts';
import { OrgCard } from './OrgCard.tsx';
import { useHqBranch } from '../hq/HqBranch.tsx';
import {
  contractResolver,
  FormFooter,
  FormModal,
  Notice,
  termLabel,
  termOptions,
  useLanguage,
} from '../../ui.tsx';

type OrgInput = OperationInput<'orgs.create'>;

function OrgForm({ onDone, setDirty }: { onDone: (code: string) => void; setDirty: (d: boolean) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useQueryClient();
  const form = useForm<OrgInput>({
    resolver: contractResolver('orgs.create'),
    defaultValues: { sector: 'healthcare' },
  });
  const create = useMutation({
    mutationFn: (input: OrgInput) => api('orgs.create', input),
    onSuccess: (org) => {
      void invalidateAfter(client, 'orgs.create');
      onDone(org.code);
    },
  });
  setDirty(form.formState.isDirty);
  const err = (name: keyof OrgInput) => (form.formState.errors[name] ? t('common.required') : undefined);
  return (
    <form onSubmit={form.handleSubmit((v) => create.mutate(v))}>
      <Stack>
        <SimpleGrid cols={2}>
          <TextInput
            label={t('orgs.code')}
            withAsterisk
            {...form.register('code')}
            error={err('code')}
            data-testid="org-code"
          />
          <TextInput label={t('orgs.bin')} {...form.register('bin')} />
        </SimpleGrid>
        <TextInput
          label={t('orgs.name')}
          withAsterisk
          {...form.register('name')}
          error={err('name')}
          data-testid="org-name"
        />
        <SimpleGrid cols={2}>
          <TextInput label={t('orgs.shortName')} {...form.register('shortName')} />
          <Controller
            control={form.control}
            name="sector"
            render={({ field }) => (
              <Select
                label={t('orgs.sector')}
                data={termOptions(SECTORS, language)}
                value={field.value ?? null}
                onChange={field.onChange}
              />
            )}
          />
          <Controller
            control={form.control}
            name="headcount"
            render={({ field }) => (
              <NumberInput
                label={t('orgs.headcount')}
                min={0}
                value={field.value ?? ''}
                onChange={(v) => field.onChange(typeof v === 'number' ? v : undefined)}
                data-testid="org-headcount"
              />
            )}
          />
          <TextInput label={t('orgs.chair')} {...form.register('chairName')} />
          <TextInput label={t('orgs.phone')} {...form.register('chairPhone')} />
          <TextInput label={t('orgs.address')} {...form.register('address')} />
        </SimpleGrid>
        <FormFooter
          errors={form.formState.errors}
          error={create.error}
          pending={create.isPending}
          label={t('common.save')}
          testId="org-save"
        />
      </Stack>
    </form>
  );
}

export function Orgs() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState('');
  const [opened, setOpened] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>('active');
  const [sector, setSector] = useState<string | null>(null);
  // At headquarters: the whole union's PPOs, or one branch's (read-only)
  const { hq, branch, chooser } = useHqBranch();
  const orgs = useQuery({
    queryKey: ['orgs.list', search, status, sector, language, branch],
    queryFn: () =>
      api('orgs.list', {
        branch,
        search: search || undefined,
        status: (status as 'active' | 'closed' | null) ?? undefined,
        sector: (sector as Sector | null) ?? undefined,
        language,
      }),
  });
  return (
    <Stack>
      <Group align="flex-end">
        {chooser}
        <TextInput
          placeholder={t('orgs.searchHint')}
          aria-label={t('common.search')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={300}
          data-shortcut="search"
          data-testid="org-search"
        />
        <Select
          aria-label={t('orgs.status')}
          placeholder={t('orgs.status')}
          clearable
          data={[
            { value: 'active', label: t('orgs.active') },
            { value: 'closed', label: t('orgs.closed') },
          ]}
          value={status}
          onChange={setStatus}
          w={160}
          data-testid="orgs-status"
        />
        <Select
          aria-label={t('orgs.sector')}
          placeholder={t('orgs.sector')}
          clearable
          data={termOptions(SECTORS, language)}
          value={sector}
          onChange={setSector}
          w={240}
        />
        {!hq && (
          <Button onClick={() => setCreating(true)} data-testid="org-create" data-shortcut="new">
            {t('orgs.create')}
          </Button>
        )}
      </Group>
      <Notice>{notice}</Notice>
      <Table striped highlightOnHover data-testid="orgs-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('orgs.code')}</Table.Th>
            <Table.Th>{t('orgs.name')}</Table.Th>
            <Table.Th>{t('orgs.sector')}</Table.Th>
            <Table.Th ta="right">{t('orgs.headcount')}</Table.Th>
            <Table.Th ta="right">{t('orgs.members')}</Table.Th>
            <Table.Th>{t('orgs.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(orgs.data ?? []).map((o) => (
            <Table.Tr
              key={o.id}
              // at headquarters the card is opened by the code qualified with its branch (KRG/P001)
              onClick={() => setOpened(o.branch && !o.code.includes('/') ? `${o.branch}/${o.code}` : o.code)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') e.currentTarget.click();
              }}
              tabIndex={0}
              style={{ cursor: 'pointer' }}
              data-testid="org-row"
            >
              <Table.Td>{o.code}</Table.Td>
              <Table.Td>{o.shortName ? `${o.shortName} — ${o.name}` : o.name}</Table.Td>
              <Table.Td>{termLabel(SECTORS, o.sector, language)}</Table.Td>
              <Table.Td ta="right">{formatCount(o.headcount)}</Table.Td>
              <Table.Td ta="right">{formatCount(o.activeMembers)}</Table.Td>
              <Table.Td>
                <Badge color={o.status === 'active' ? 'teal' : 'gray'} variant="light">
                  {t(`orgs.${o.status}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Drawer
        opened={opened !== null}
        onClose={() => setOpened(null)}
        position="right"
        size="xl"
        title={t('orgs.card')}
      >
        {opened && <OrgCard code={opened} />}
      </Drawer>
      <FormModal opened={creating} onClose={() => setCreating(false)} title={t('orgs.create')}>
        {(setDirty) => (
          <OrgForm
            setDirty={setDirty}
            onDone={(code) => {
              setCreating(false);
              setNotice(t('orgs.created', { code }));
            }}
          />
        )}
      </FormModal>
    </Stack>
  );
}
