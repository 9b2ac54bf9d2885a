import {
  Badge,
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fullName } from '../../../../electron/shared/collation.ts';
import { formatDate, formatTiyn } from '../../../../electron/shared/format.ts';
import {
  APPEAL_CATEGORIES,
  APPEAL_STATUSES,
  ORG_CLOSE_REASONS,
  SECTORS,
} from '../../../../electron/shared/vocabulary.ts';
import { api, invalidateAfter, useOperation } from '../../api.ts';
import { useIsHq } from '../hq/HqBranch.tsx';
import { OrgCorrections } from './OrgCorrections.tsx';
import { Notice, RefusalAlert, termLabel, termOptions, useLanguage, useMonthNames } from '../../ui.tsx';

/** A PPO with its members, this year's dues and its appeals; editing and closing (liquidated or merged). */
export function OrgCard({ code }: { code: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const months = useMonthNames();
  const client = useQueryClient();
  const year = new Date().getFullYear();
  const hq = useIsHq();
  const org = useOperation('orgs.get', { code });
  const members = useOperation('members.list', { orgCode: code, status: 'active', language, limit: 100 });
  const dues = useOperation('dues.list', { year, orgCode: code });
  const appeals = useOperation('appeals.list', { orgCode: code });
  const others = useOperation('orgs.list', { status: 'active', language });
  const [edit, setEdit] = useState<{
    name: string;
    headcount: string;
    chairName: string;
    chairPhone: string;
  } | null>(null);
  const [closing, setClosing] = useState({ closedOn: '', reason: 'liquidated', mergedInto: '' });
  const [notice, setNotice] = useState('');
  const update = useMutation({
    mutationFn: () =>
      api('orgs.update', {
        code,
        name: edit!.name,
        headcount: edit!.headcount ? Number(edit!.headcount) : undefined,
        chairName: edit!.chairName || undefined,
        chairPhone: edit!.chairPhone || undefined,
      }),
    onSuccess: () => {
      setEdit(null);
      setNotice(t('orgs.updated', { code }));
      void invalidateAfter(client, 'orgs.update');
    },
  });
  const close = useMutation({
    mutationFn: () =>
      api('orgs.close', {
        code,
        closedOn: closing.closedOn,
        reason: closing.reason as 'liquidated' | 'merged',
        mergedInto: closing.mergedInto || undefined,
      }),
    onSuccess: () => {
      setNotice(t('orgs.closedDone', { code }));
      void invalidateAfter(client, 'orgs.close');
    },
  });
  const o = org.data;
  if (!o) return <Text>{t('common.loading')}</Text>;
  const byMonth = new Map<string, number>();
  for (const r of dues.data ?? []) byMonth.set(r.month, (byMonth.get(r.month) ?? 0) + r.receivedTiyn);
  return (
    <Stack data-testid="org-card">
      <Group justify="space-between">
        <Title order={4}>
          {o.code} — {o.name}
        </Title>
        <Badge color={o.status === 'active' ? 'teal' : 'gray'}>{t(`orgs.${o.status}`)}</Badge>
      </Group>
      <Text size="sm">
        {t('orgs.bin')}: {o.bin ?? '—'} · {termLabel(SECTORS, o.sector, language)} · {t('orgs.headcount')}:{' '}
        {o.headcount ?? '—'} · {t('orgs.chair')}: {o.chairName ?? '—'} {o.chairPhone ?? ''}
      </Text>
      {o.status === 'closed' && (
        <Text size="sm" c="dimmed">
          {t('orgs.closedOn')}: {formatDate(o.closedOn)} ·{' '}
          {termLabel(ORG_CLOSE_REASONS, o.closeReason, language)}
        </Text>
      )}
      <Notice>{notice}</Notice>
      <OrgCorrections org={o} onDone={setNotice} />
      {o.status === 'active' && !edit && !hq && (
        <Group>
          <Button
            variant="light"
            onClick={() =>
              setEdit({
                name: o.name,
                headcount: String(o.headcount ?? ''),
                chairName: o.chairName ?? '',
                chairPhone: o.chairPhone ?? '',
              })
            }
            data-testid="org-edit"
          >
            {t('orgs.edit')}
          </Button>
          <Button
            variant="light"
            component="a"
            href={`#/print/members/${encodeURIComponent(o.code)}`}
            data-testid="org-print-members"
          >
            {t('print.membersButton')}
          </Button>
        </Group>
      )}
      {edit && (
        <Stack gap="xs">
          <TextInput
            label={t('orgs.name')}
            value={edit.name}
            onChange={(e) => setEdit({ ...edit, name: e.currentTarget.value })}
          />
          <SimpleGrid cols={3}>
            <TextInput
              label={t('orgs.headcount')}
              value={edit.headcount}
              onChange={(e) => setEdit({ ...edit, headcount: e.currentTarget.value })}
              data-testid="org-edit-headcount"
            />
            <TextInput
              label={t('orgs.chair')}
              value={edit.chairName}
              onChange={(e) => setEdit({ ...edit, chairName: e.currentTarget.value })}
            />
            <TextInput
              label={t('orgs.phone')}
              value={edit.chairPhone}
              onChange={(e) => setEdit({ ...edit, chairPhone: e.currentTarget.value })}
            />
          </SimpleGrid>
          <RefusalAlert error={update.error} />
          <Group>
            <Button onClick={() => update.mutate()} loading={update.isPending} data-testid="org-edit-save">
              {t('common.save')}
            </Button>
            <Button variant="subtle" onClick={() => setEdit(null)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      )}
      <Title order={5}>{t('orgs.membersOf', { count: members.data?.total ?? 0 })}</Title>
      <Table fz="xs">
        <Table.Tbody>
          {(members.data?.rows ?? []).map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>{fullName(m)}</Table.Td>
              <Table.Td>{m.position}</Table.Td>
              <Table.Td>{formatDate(m.joinedOn)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={5}>{t('orgs.duesOf', { year })}</Title>
      <SimpleGrid cols={6} spacing={4}>
        {months.map((name, i) => {
          const month = `${year}-${String(i + 1).padStart(2, '0')}`;
          return (
            <Text key={month} size="xs">
              {name}: {byMonth.has(month) ? formatTiyn(byMonth.get(month)!) : '—'}
            </Text>
          );
        })}
      </SimpleGrid>
      <Title order={5}>{t('orgs.appealsOf')}</Title>
      <Table fz="xs">
        <Table.Tbody>
          {(appeals.data ?? []).slice(0, 50).map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{a.regNo}</Table.Td>
              <Table.Td>{formatDate(a.receivedOn)}</Table.Td>
              <Table.Td>{termLabel(APPEAL_CATEGORIES, a.category, language)}</Table.Td>
              <Table.Td>{termLabel(APPEAL_STATUSES, a.status, language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {o.status === 'active' && (
        <Stack gap="xs">
          <Title order={5}>{t('orgs.closeOrg')}</Title>
          <SimpleGrid cols={3}>
            <TextInput
              label={t('orgs.closedOn')}
              placeholder={t('common.datePlaceholder')}
              value={closing.closedOn}
              onChange={(e) => setClosing({ ...closing, closedOn: e.currentTarget.value })}
              data-testid="org-close-date"
            />
            <Select
              label={t('orgs.closeReason')}
              data={termOptions(ORG_CLOSE_REASONS, language)}
              value={closing.reason}
              onChange={(v) => setClosing({ ...closing, reason: v ?? 'liquidated' })}
              data-testid="org-close-reason"
            />
            {closing.reason === 'merged' && (
              <Select
                label={t('orgs.mergedInto')}
                data={(others.data ?? [])
                  .filter((x) => x.code !== code)
                  .map((x) => ({ value: x.code, label: `${x.code} — ${x.shortName ?? x.name}` }))}
                value={closing.mergedInto || null}
                onChange={(v) => setClosing({ ...closing, mergedInto: v ?? '' })}
                data-testid="org-close-merged"
              />
            )}
          </SimpleGrid>
          <RefusalAlert error={close.error} />
          <Group>
            <Button
              color="red"
              variant="light"
              onClick={() => close.mutate()}
              loading={close.isPending}
              data-testid="org-close"
            >
              {t('orgs.closeOrg')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
