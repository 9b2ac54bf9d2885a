import { Stack, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOperation } from '../../api.ts';
import { BranchExport } from './BranchExport.tsx';
import { ImportLog, PeopleAcrossBranches, SubmissionsMatrix } from './HqOverview.tsx';
import { HqPackages } from './HqPackages.tsx';
import { HqIdentity } from './KeyFiles.tsx';
import { KeyRegistry } from './KeyRegistry.tsx';
import { HqSigned } from './Receipts.tsx';

/** Headquarters: accept packages, see who sent what, who is in two branches, which keys are trusted. */
function HqExchange() {
  const { t } = useTranslation();
  return (
    <Tabs defaultValue="packages" keepMounted={false}>
      <Tabs.List mb="md">
        <Tabs.Tab value="packages">{t('exchange.tabPackages')}</Tabs.Tab>
        <Tabs.Tab value="people" data-testid="tab-people">
          {t('exchange.tabPeople')}
        </Tabs.Tab>
        <Tabs.Tab value="log" data-testid="tab-log">
          {t('exchange.log')}
        </Tabs.Tab>
        <Tabs.Tab value="keys" data-testid="tab-keys">
          {t('exchange.tabKeys')}
        </Tabs.Tab>
        <Tabs.Tab value="signed" data-testid="tab-signed">
          {t('hq.tabSigned')}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="packages">
        <Stack maw={1200}>
          <HqPackages />
          <SubmissionsMatrix />
        </Stack>
      </Tabs.Panel>
      <Tabs.Panel value="people">
        <PeopleAcrossBranches />
      </Tabs.Panel>
      <Tabs.Panel value="log">
        <ImportLog />
      </Tabs.Panel>
      <Tabs.Panel value="keys">
        <Stack maw={1200}>
          <HqIdentity />
          <KeyRegistry />
        </Stack>
      </Tabs.Panel>
      <Tabs.Panel value="signed">
        <HqSigned />
      </Tabs.Panel>
    </Tabs>
  );
}

export function Exchange() {
  const info = useOperation('register.info', {});
  if (!info.data) return <Text>…</Text>;
  return info.data.kind === 'hq' ? <HqExchange /> : <BranchExport />;
}
