import { Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatPercent, formatTiyn } from '../../../electron/shared/format.ts';
import { api } from '../api.ts';
import { DashboardCharts } from '../charts/Charts.tsx';
import { XlsxButton } from '../download.tsx';
import { useLanguage } from '../ui.tsx';

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

export function Dashboard() {
  const { t } = useTranslation();
  const language = useLanguage();
  const info = useQuery({ queryKey: ['register.info'], queryFn: () => api('register.info', {}) });
  const year = new Date().getFullYear();
  const membership = useQuery({
    queryKey: ['reports.membership', language],
    queryFn: () => api('reports.membership', { language }),
  });
  const dues = useQuery({ queryKey: ['reports.dues', year], queryFn: () => api('reports.dues', { year }) });
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
      <DashboardCharts year={year} hq={info.data?.kind === 'hq'} />
    </Stack>
  );
}
