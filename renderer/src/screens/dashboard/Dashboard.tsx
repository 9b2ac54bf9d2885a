import { Button, Card, Select, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPercent, formatTiyn } from '../../../../electron/shared/format.ts';
import { useOperation } from '../../api.ts';
import { formatCount } from '../../formats.ts';
import { DashboardCharts } from '../../charts/Charts.tsx';
import { XlsxButton } from '../../download.tsx';
import { periodShort, printPath, usePeriodPicker } from '../../period/PeriodPicker.tsx';
import { useLanguage } from '../../ui.tsx';

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
  const info = useOperation('register.info', {});
  const year = new Date().getFullYear();
  const hq = info.data?.kind === 'hq';
  // At headquarters: the whole union, or one branch (the branches that have a key or sent a package)
  const [branchChoice, setBranch] = useState<string | null>(null);
  const branch = hq ? (branchChoice ?? undefined) : undefined;
  const branches = useOperation('exchange.submissions', {}, { enabled: hq });
  const membership = useOperation('reports.membership', { language, branch });
  const dues = useOperation('reports.dues', { year, branch });
  const open = useOperation('appeals.list', { open: true, branch });
  const overdue = useOperation('reports.overdue', { branch });
  const scope = branch ? `?branch=${branch}` : '';
  // the printed and Excel reports follow a period of their own: a year, a quarter or a range of dates
  const { period, complete, picker } = usePeriodPicker(year);
  const annualYear = period.year ?? year - 1;
  const m = membership.data;
  const openCount = open.data?.length ?? 0;
  return (
    <Stack>
      <Group gap="xs" data-testid="print-links">
        {hq && (
          <Select
            size="xs"
            w={200}
            placeholder={t('dashboard.wholeUnion')}
            clearable
            data={branches.data?.branches ?? []}
            value={branchChoice}
            onChange={setBranch}
            data-testid="dashboard-branch"
          />
        )}
        <Button size="xs" variant="light" component="a" href={`#/print/membership${scope}`}>
          {t('dashboard.printMembership')}
        </Button>
        <XlsxButton input={{ kind: 'membership-report', branch }} label={t('dashboard.xlsxMembership')} />
      </Group>
      <Group gap="xs" align="flex-end" data-testid="period-links">
        {picker}
        <Button
          size="xs"
          variant="light"
          component="a"
          href={printPath('appeals', period, branch)}
          disabled={!complete}
          data-testid="print-appeals"
        >
          {t('dashboard.printAppeals', { year: periodShort(period) })}
        </Button>
        <Button
          size="xs"
          variant="light"
          component="a"
          href={printPath('dues', period, branch)}
          disabled={!complete}
          data-testid="print-dues"
        >
          {t('dashboard.printDues', { year: periodShort(period) })}
        </Button>
        {complete && (
          <XlsxButton
            input={{ kind: 'legal-report', ...period, branch }}
            label={t('appeals.legalXlsx')}
            testId="xlsx-legal-period"
          />
        )}
        {hq && (
          <>
            <Button
              size="xs"
              variant="light"
              color="grape"
              component="a"
              href={`#/print/annual/${annualYear}`}
              data-testid="print-annual"
            >
              {t('hq.annualPrint', { year: annualYear })}
            </Button>
            <XlsxButton input={{ kind: 'annual-report', year: annualYear }} label={t('hq.annualXlsx')} />
          </>
        )}
      </Group>
      <SimpleGrid cols={{ base: 2, md: 5 }}>
        <Stat
          label={t('dashboard.members')}
          value={m ? formatCount(m.total.members) : '…'}
          testId="stat-members"
        />
        <Stat label={t('dashboard.orgs')} value={m ? formatCount(m.total.orgs) : '…'} testId="stat-orgs" />
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
      <DashboardCharts year={year} hq={hq} branch={branch} />
    </Stack>
  );
}
