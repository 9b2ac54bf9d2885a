import { AppShell, Group, NavLink, SegmentedControl, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../electron/shared/collation.ts';
import { api } from './api.ts';
import { LANGUAGES, rememberLanguage } from './i18n/index.ts';
import { NewRegister } from './NewRegister.tsx';
import { ROUTES, useRoute, type Route } from './route.ts';
import { Appeals } from './screens/appeals/Appeals.tsx';
import { Dashboard } from './screens/dashboard/Dashboard.tsx';
import { Dues } from './screens/dues/Dues.tsx';
import { Exchange } from './screens/exchange/Exchange.tsx';
import { ImportScreen } from './screens/import/Import.tsx';
import { Journal } from './screens/journal/Journal.tsx';
import { Members } from './screens/members/Members.tsx';
import { Orgs } from './screens/orgs/Orgs.tsx';
import { Settings } from './screens/settings/Settings.tsx';
import { useLanguage } from './ui.tsx';

const SCREENS: Record<Route, () => React.JSX.Element> = {
  dashboard: Dashboard,
  orgs: Orgs,
  members: Members,
  dues: Dues,
  appeals: Appeals,
  import: ImportScreen,
  exchange: Exchange,
  journal: Journal,
  settings: Settings,
};

export function App() {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const [route, go] = useRoute();
  const info = useQuery({ queryKey: ['register.info'], queryFn: () => api('register.info', {}) });
  const Screen = SCREENS[route];
  // Headquarters receives what branches send: the same screen, named for what it is there.
  const title = (r: Route) => t(r === 'exchange' && info.data?.kind === 'hq' ? 'nav.exchangeHq' : `nav.${r}`);
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 0 }} padding="md">
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between">
          <Group gap="xs">
            <Title order={4}>{t('app.title')}</Title>
            {info.data && (
              <Text c="dimmed" size="sm" data-testid="branch-name">
                {info.data.branchName} ({info.data.branchCode})
              </Text>
            )}
          </Group>
          <SegmentedControl
            size="xs"
            aria-label={t('common.language')}
            value={language}
            data={LANGUAGES}
            onChange={(value) => {
              rememberLanguage(value as UiLanguage);
              void i18n.changeLanguage(value);
              // stored with the register too: the window's menu follows it
              void api('settings.update', { language: value as UiLanguage }).catch(() => undefined);
            }}
          />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        {ROUTES.map((r) => (
          <NavLink
            key={r}
            label={title(r)}
            active={r === route}
            onClick={() => go(r)}
            data-testid={`nav-${r}`}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Title order={3} mb="md">
          {title(route)}
        </Title>
        <Screen />
        <NewRegister />
      </AppShell.Main>
    </AppShell>
  );
}
