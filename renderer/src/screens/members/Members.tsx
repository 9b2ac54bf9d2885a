import {
  Badge,
  Box,
  Button,
  Drawer,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fullName } from '../../../../electron/shared/collation.ts';
import { formatDate } from '../../../../electron/shared/format.ts';
import {
  EXIT_REASONS,
  STAFF_CATEGORIES,
  type StaffCategory,
} from '../../../../electron/shared/vocabulary.ts';
import { api, useOperation } from '../../api.ts';
import { formatCount } from '../../formats.ts';
import { XlsxButton } from '../../download.tsx';
import { FormModal, Notice, orgOption, termLabel, termOptions, useLanguage } from '../../ui.tsx';
import { AdmitForm, ExitForm, TransferForm } from './MemberForms.tsx';
import { AnnulForm, CorrectForm, lastEvent } from './MemberCorrections.tsx';
import { HistoryButton } from '../../corrections/History.tsx';
import { MemberBranches, useHqBranch, useIsHq } from '../hq/HqBranch.tsx';

const ROW = 36;
const PAGE = 200;
// The IIN and the date have their own width, so 12 digits never run into the PPO code; the other columns
// share what is left and cut long text with an ellipsis (the whole text in the cell's title).
const COLUMNS = 'minmax(0, 2.4fr) 112px minmax(0, 0.8fr) minmax(0, 1.4fr) 92px minmax(0, 1fr)';
const GAP = 12;

function Cell({ children }: { children: string }) {
  return (
    <span
      title={children}
      style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 }}
    >
      {children}
    </span>
  );
}

function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

type CardAction = 'exit' | 'transfer' | 'correct' | 'annul';

function MemberCard({ iin, onAction }: { iin: string; onAction: (a: CardAction) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const hq = useIsHq();
  const member = useOperation('members.get', { iin });
  const orgs = useOperation('orgs.list', { language }, { enabled: !hq });
  const m = member.data;
  if (!m) return <Text>{t('common.loading')}</Text>;
  const org = orgs.data?.find((o) => o.code === m.orgCode);
  return (
    <Stack data-testid="member-card">
      <Text fw={700} size="lg">
        {fullName(m)}
      </Text>
      {/* what the card shows, each under its label: the PPO by name, the status with its date */}
      <SimpleGrid cols={2} spacing="xs" verticalSpacing={6} data-testid="member-facts">
        <Fact label={t('members.iin')} value={m.iin} />
        <Fact label={t('members.birthDate')} value={formatDate(m.birthDate)} />
        <Fact
          label={t('members.org')}
          value={org ? `${m.orgCode} — ${org.shortName ?? org.name}` : m.orgCode}
          testId="member-card-org"
        />
        <Fact
          label={t('members.status')}
          value={
            m.status === 'exited' && m.exitedOn
              ? `${t('members.exited')} ${formatDate(m.exitedOn)}`
              : m.status === 'active'
                ? `${t('members.active')} ${t('members.since', { date: formatDate(m.joinedOn) })}`
                : m.status === 'annulled'
                  ? t('corrections.statusAnnulled')
                  : t(`members.${m.status}`)
          }
          testId="member-card-status"
        />
        <Fact label={t('members.category')} value={termLabel(STAFF_CATEGORIES, m.category, language)} />
        <Fact label={t('members.position')} value={m.position ?? '—'} />
        <Fact label={t('members.card')} value={m.cardNo ?? '—'} />
        <Fact label={t('members.phone')} value={m.phone ?? '—'} />
      </SimpleGrid>
      {m.status === 'active' && !hq && (
        <Group>
          <Button variant="light" onClick={() => onAction('transfer')} data-testid="member-transfer">
            {t('members.transfer')}
          </Button>
          <Button variant="light" color="red" onClick={() => onAction('exit')} data-testid="member-exit">
            {t('members.exit')}
          </Button>
        </Group>
      )}
      {!hq && (
        <Group gap="xs">
          <Button variant="light" size="xs" onClick={() => onAction('correct')} data-testid="member-correct">
            {t('corrections.correct')}
          </Button>
          {lastEvent(m.history) && (
            <Button
              variant="light"
              size="xs"
              color="orange"
              onClick={() => onAction('annul')}
              data-testid="member-annul"
            >
              {t('corrections.annul')}
            </Button>
          )}
          <HistoryButton
            kind="member"
            recordKey={m.iin}
            title={fullName(m)}
            size="xs"
            testId="member-history-open"
          />
        </Group>
      )}
      <MemberBranches card={m} />
      <Text fw={600}>{t('members.history')}</Text>
      <Table fz="sm" data-testid="member-history">
        <Table.Tbody>
          {m.history.map((e) => (
            <Table.Tr
              key={e.seq}
              data-testid={e.annulledBy ? 'member-event-annulled' : 'member-event'}
              style={
                e.annulledBy
                  ? { textDecoration: 'line-through', color: 'var(--mantine-color-dimmed)' }
                  : undefined
              }
            >
              <Table.Td>{formatDate(e.eventDate)}</Table.Td>
              <Table.Td>
                {e.kind === 'annulled' ? t('corrections.eventAnnulled') : t(`members.event_${e.kind}`)}{' '}
                {e.kind === 'exited' && e.reason ? `(${termLabel(EXIT_REASONS, e.reason, language)})` : ''}
                {e.annulledBy && (
                  <Text size="xs" span style={{ display: 'block', textDecoration: 'none' }}>
                    {t('corrections.annulledMark', {
                      date: formatDate(e.annulledBy.on),
                      reason: e.annulledBy.reason ?? '',
                    })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {e.counterpartOrgCode
                  ? `${e.orgCode} ↔ ${e.counterpartOrgCode}`
                  : e.counterpartBranch
                    ? `${e.orgCode} ↔ ${t('members.branch')} ${e.counterpartBranch}`
                    : e.orgCode}
              </Table.Td>
              <Table.Td>
                {e.decisionNo
                  ? `${e.decisionBody ?? ''} № ${e.decisionNo} ${formatDate(e.decisionDate)}`
                  : (e.note ?? '')}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

export function Members() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [search, setSearch] = useState('');
  const deferredSearch = useDeferredValue(search);
  const [orgCode, setOrgCode] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>('active');
  const [category, setCategory] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [modal, setModal] = useState<'admit' | CardAction | null>(null);
  const [notice, setNotice] = useState('');
  // At headquarters: the whole union's members, or one branch's (read-only)
  const { hq, branch, chooser } = useHqBranch();
  const orgs = useOperation('orgs.list', { language, branch });
  const filters = {
    branch,
    search: deferredSearch || undefined,
    orgCode: orgCode ?? undefined,
    status: (status as 'active' | 'exited' | 'annulled' | null) ?? undefined,
    category: (category as StaffCategory | null) ?? undefined,
    language,
  };
  // The list is paged in SQL at any offset: only the pages on screen are fetched, so a keystroke costs one
  // page and jumping to the end of 75,000 rows costs one page too, not every page before it.
  const page = (n: number) => ({
    queryKey: ['members.list', filters, n],
    queryFn: () => api('members.list', { ...filters, limit: PAGE, offset: n * PAGE }),
    placeholderData: (previous: Awaited<ReturnType<typeof api<'members.list'>>> | undefined) => previous,
  });
  const first = useQuery(page(0));
  const total = first.data?.total ?? 0;
  const parent = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: total,
    getScrollElement: () => parent.current,
    estimateSize: () => ROW,
    overscan: 20,
  });
  const items = virtual.getVirtualItems();
  const shown: number[] = [];
  if (items.length > 0) {
    const from = Math.floor(items[0]!.index / PAGE);
    const to = Math.floor(items[items.length - 1]!.index / PAGE);
    for (let n = from; n <= to; n++) if (n > 0) shown.push(n);
  }
  const pages = useQueries({ queries: shown.map(page) });
  type Row = NonNullable<typeof first.data>['rows'][number];
  const loaded = new Map<number, Row[]>([[0, first.data?.rows ?? []]]);
  shown.forEach((n, i) => {
    const data = pages[i]?.data;
    if (data) loaded.set(n, data.rows);
  });
  const rowAt = (index: number) => loaded.get(Math.floor(index / PAGE))?.[index % PAGE];
  const done = (message: string) => {
    setModal(null);
    setSelected(null);
    setNotice(message);
  };
  return (
    <Stack>
      <Group align="flex-end">
        {chooser}
        <TextInput
          label={t('common.search')}
          placeholder={t('members.searchHint')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={300}
          data-testid="member-search"
          data-shortcut="search"
        />
        <Select
          label={t('members.org')}
          clearable
          searchable
          data={(orgs.data ?? []).map(orgOption)}
          value={orgCode}
          onChange={setOrgCode}
          w={260}
        />
        <Select
          label={t('members.status')}
          clearable
          data={[
            { value: 'active', label: t('members.active') },
            { value: 'exited', label: t('members.exited') },
            { value: 'annulled', label: t('corrections.statusAnnulled') },
          ]}
          value={status}
          onChange={setStatus}
          w={160}
          data-testid="member-status-filter"
        />
        <Select
          label={t('members.category')}
          clearable
          data={termOptions(STAFF_CATEGORIES, language)}
          value={category}
          onChange={setCategory}
          w={220}
        />
        {!hq && (
          <>
            <Button onClick={() => setModal('admit')} data-testid="member-admit" data-shortcut="new">
              {t('members.admit')}
            </Button>
            {/* the file holds what the list shows: the same PPO, status, category and search */}
            <XlsxButton
              input={{
                kind: 'members',
                orgCode: orgCode ?? undefined,
                status: status === 'active' || status === 'exited' ? status : undefined,
                category: (category ?? undefined) as never,
                search: search.trim() || undefined,
              }}
            />
          </>
        )}
      </Group>
      <Notice>{notice}</Notice>
      <Text size="sm" c="dimmed" data-testid="member-count">
        {t('members.found', { n: formatCount(total) })}
      </Text>
      <Box
        style={{
          display: 'grid',
          gridTemplateColumns: COLUMNS,
          columnGap: GAP,
          fontWeight: 600,
          fontSize: 14,
        }}
        px="xs"
      >
        <span>{t('members.fullName')}</span>
        <span>{t('members.iin')}</span>
        <span>{t('members.org')}</span>
        <span>{t('members.category')}</span>
        <span>{t('members.joined')}</span>
        <span>{t('members.status')}</span>
      </Box>
      <div
        ref={parent}
        style={{ height: 'calc(100vh - 330px)', minHeight: 240, overflow: 'auto' }}
        data-testid="member-list"
      >
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const m = rowAt(item.index);
            if (!m) return null;
            return (
              <Box
                key={m.id}
                data-testid="member-row"
                onClick={() => setSelected(m.iin)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') setSelected(m.iin);
                }}
                tabIndex={0}
                px="xs"
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW,
                  transform: `translateY(${item.start}px)`,
                  display: 'grid',
                  gridTemplateColumns: COLUMNS,
                  columnGap: GAP,
                  alignItems: 'center',
                  fontSize: 14,
                  cursor: 'pointer',
                  borderBottom: '1px solid var(--mantine-color-gray-2)',
                }}
              >
                <Cell>{fullName(m)}</Cell>
                <span style={{ fontVariantNumeric: 'tabular-nums' }}>{m.iin}</span>
                <Cell>{m.branch && !m.orgCode.includes('/') ? `${m.branch}/${m.orgCode}` : m.orgCode}</Cell>
                <Cell>{termLabel(STAFF_CATEGORIES, m.category, language)}</Cell>
                <span>{formatDate(m.joinedOn)}</span>
                <span>
                  <Badge size="sm" variant="light" color={m.status === 'active' ? 'teal' : 'gray'}>
                    {m.status === 'annulled' ? t('corrections.statusAnnulled') : t(`members.${m.status}`)}
                  </Badge>
                </span>
              </Box>
            );
          })}
        </div>
      </div>
      <Drawer opened={selected !== null} onClose={() => setSelected(null)} position="right" size="xl">
        {selected && <MemberCard iin={selected} onAction={setModal} />}
      </Drawer>
      <FormModal opened={modal === 'admit'} onClose={() => setModal(null)} title={t('members.admit')}>
        {(setDirty) => <AdmitForm onDone={done} setDirty={setDirty} />}
      </FormModal>
      <FormModal opened={modal === 'exit'} onClose={() => setModal(null)} title={t('members.exit')}>
        {(setDirty) => selected && <ExitForm iin={selected} onDone={done} setDirty={setDirty} />}
      </FormModal>
      <FormModal opened={modal === 'transfer'} onClose={() => setModal(null)} title={t('members.transfer')}>
        {(setDirty) => selected && <TransferForm iin={selected} onDone={done} setDirty={setDirty} />}
      </FormModal>
      <MemberCorrection iin={selected} modal={modal} close={() => setModal(null)} done={done} />
    </Stack>
  );
}

/** «Исправить данные» and «Отменить последнее событие» over the member's card (MemberCorrections.tsx). */
function MemberCorrection(props: {
  iin: string | null;
  modal: string | null;
  close: () => void;
  done: (message: string) => void;
}) {
  const { t } = useTranslation();
  const member = useQuery({
    queryKey: ['members.get', props.iin],
    queryFn: () => api('members.get', { iin: props.iin! }),
    enabled: props.iin !== null && (props.modal === 'correct' || props.modal === 'annul'),
  });
  const m = member.data;
  return (
    <>
      <FormModal
        opened={props.modal === 'correct' && !!m}
        onClose={props.close}
        title={t('corrections.correct')}
      >
        {(setDirty) => m && <CorrectForm member={m} onDone={props.done} setDirty={setDirty} />}
      </FormModal>
      <FormModal opened={props.modal === 'annul' && !!m} onClose={props.close} title={t('corrections.annul')}>
        {(setDirty) => m && <AnnulForm member={m} onDone={props.done} setDirty={setDirty} />}
      </FormModal>
    </>
  );
}
