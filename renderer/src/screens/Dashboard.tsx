import { Box, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatPercent, formatTiyn } from '../../../electron/shared/format.ts';
import { APPEAL_CATEGORIES } from '../../../electron/shared/vocabulary.ts';
import { api } from '../api.ts';
import { XlsxButton } from '../download.tsx';
import { termLabel, useLanguage, useMonthNames } from '../ui.tsx';

function Stat({ label, value, testId }: { label: string; value: string | number; testId: string }) {
  return (
    <Card withBorder padding="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={testId}>
        {value}
      </Text>
    </Card>
  );
}

/** A bar per row, with the number beside it: a chart that is also its own table. */
function Bars({ rows }: { rows: Array<{ label: string; value: number; color?: string }> }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <Stack gap={4}>
      {rows.map((r) => (
        <Group key={r.label} gap="xs" wrap="nowrap">
          <Text size="xs" w={200} truncate>
            {r.label}
          </Text>
          <Box
            h={12}
            bg={r.color ?? 'teal.5'}
            style={{ width: `${(r.value / max) * 240}px`, borderRadius: 2 }}
          />
          <Text size="xs">{r.value}</Text>
        </Group>
      ))}
    </Stack>
  );
}

export function Dashboard() {
  const { t } = useTranslation();
  const language = useLanguage();
  const months = useMonthNames();
  const year = new Date().getFullYear();
  const membership = useQuery({
    queryKey: ['reports.membership', language],
    queryFn: () => api('reports.membership', { language }),
  });
  const dues = useQuery({ queryKey: ['reports.dues', year], queryFn: () => api('reports.dues', { year }) });
  const appeals = useQuery({
    queryKey: ['reports.appeals', year],
    queryFn: () => api('reports.appeals', { year }),
  });
  const open = useQuery({
    queryKey: ['appeals.list', 'open'],
    queryFn: () => api('appeals.list', { open: true }),
  });
  const overdue = useQuery({ queryKey: ['reports.overdue'], queryFn: () => api('reports.overdue', {}) });
  const m = membership.data;
  const openCount = open.data?.length ?? 0;
  return (
    <Stack>
      <Group gap="xs" data-testid="print-links">
        <Button size="xs" variant="light" component="a" href="#/print/membership">
          {t('dashboard.printMembership')}
        </Button>
        <Button size="xs" variant="light" component="a" href={`#/print/appeals/${year}`}>
          {t('dashboard.printAppeals', { year })}
        </Button>
        <Button size="xs" variant="light" component="a" href={`#/print/dues/${year}`}>
          {t('dashboard.printDues', { year })}
        </Button>
        <XlsxButton input={{ kind: 'membership-report' }} label={t('dashboard.xlsxMembership')} />
      </Group>
      <SimpleGrid cols={{ base: 2, md: 5 }}>
        <Stat label={t('dashboard.members')} value={m?.total.members ?? '…'} testId="stat-members" />
        <Stat label={t('dashboard.orgs')} value={m?.total.orgs ?? '…'} testId="stat-orgs" />
        <Stat
          label={t('dashboard.density')}
          value={m ? formatPercent(m.total.density) : '…'}
          testId="stat-density"
        />
        <Stat
          label={t('dashboard.duesYear', { year })}
          value={dues.data ? `${formatTiyn(dues.data.total.receivedTiyn)} ₸` : '…'}
          testId="stat-dues"
        />
        <Stat
          label={`${t('dashboard.openAppeals')} / ${t('dashboard.overdueAppeals')}`}
          value={`${openCount} / ${overdue.data?.length ?? '…'}`}
          testId="stat-appeals"
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Text fw={600} mb="xs">
            {t('dashboard.movement')}
          </Text>
          <Bars
            rows={(m?.movement ?? []).map((r) => ({
              label: `${months[Number(r.month.slice(5)) - 1]} — ${t('dashboard.admitted')}`,
              value: r.admitted,
            }))}
          />
        </Card>
        <Card withBorder>
          <Text fw={600} mb="xs">
            {t('dashboard.appealsByCategory')}
          </Text>
          <Bars
            rows={(appeals.data?.rows ?? []).map((r) => ({
              label: termLabel(APPEAL_CATEGORIES, r.category, language),
              value: r.total,
            }))}
          />
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
