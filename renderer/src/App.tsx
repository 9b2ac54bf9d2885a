import {
  AppShell,
  Burger,
  Button,
  Group,
  Kbd,
  Modal,
  NavLink,
  SegmentedControl,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../electron/shared/collation.ts';
import { api, useOperation } from './api.ts';
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

/** Screens that only a branch works in: headquarters loads no register from files of its own. */
const BRANCH_ONLY: ReadonlySet<Route> = new Set(['import']);

const NAV_KEY = 'aqniet.navCollapsed';

/** The keys Help lists (the same in every language; what they do is in the translation files). */
const KEYS = [
  ['ctrlF', 'Ctrl+F'],
  ['ctrlN', 'Ctrl+N'],
  ['enter', 'Enter'],
  ['esc', 'Esc'],
  ['tab', 'Tab'],
  ['grid', 'Enter · Tab · ← ↑ → ↓'],
  ['f1', 'F1'],
] as const;

export function App() {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const [route] = useRoute();
  const info = useOperation('register.info', {});
  const hq = info.data?.kind === 'hq';
  const [collapsed, setCollapsed] = useState(() => window.localStorage.getItem(NAV_KEY) === '1');
  const [help, setHelp] = useState(false);
  useShortcuts(setHelp);
  const Screen = SCREENS[route];
  // Headquarters receives what branches send: the same screen, named for what it is there.
  const title = (r: Route) => t(r === 'exchange' && hq ? 'nav.exchangeHq' : `nav.${r}`);
  const routes = ROUTES.filter((r) => !(hq && BRANCH_ONLY.has(r)));
  const toggle = () => {
    window.localStorage.setItem(NAV_KEY, collapsed ? '0' : '1');
    setCollapsed(!collapsed);
  };
  return (
    <AppShell
      header={{ height: 52 }}
      navbar={{
        width: { base: 200, lg: 230 },
        breakpoint: 0,
        collapsed: { desktop: collapsed, mobile: collapsed },
      }}
      padding="md"
    >
      <AppShell.Header px="sm">
        <Group h="100%" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger
              size="sm"
              opened={!collapsed}
              onClick={toggle}
              aria-label={collapsed ? t('frame.showNav') : t('frame.hideNav')}
              data-testid="nav-toggle"
            />
            <Title order={4} style={{ whiteSpace: 'nowrap' }}>
              {t('app.title')}
            </Title>
            {info.data && (
              <Text c="dimmed" size="sm" truncate data-testid="branch-name" title={info.data.branchName}>
                {info.data.branchName} ({info.data.branchCode})
              </Text>
            )}
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Button size="xs" variant="subtle" onClick={() => setHelp(true)} data-testid="help-open">
              {t('frame.keys')}
            </Button>
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
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" data-testid="navbar">
        {routes.map((r) => (
          <NavLink
            key={r}
            component="a"
            href={`#/${r === 'dashboard' ? '' : r}`}
            label={title(r)}
            active={r === route}
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
      <Modal opened={help} onClose={() => setHelp(false)} title={t('frame.keysTitle')} data-testid="help">
        <Table fz="sm" data-testid="help-keys">
          <Table.Tbody>
            {KEYS.map(([k, keys]) => (
              <Table.Tr key={k}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Kbd>{keys}</Kbd>
                </Table.Td>
                <Table.Td>{t(`frame.does_${k}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Modal>
    </AppShell>
  );
}

/**
 * The window's keys: Ctrl+F goes to the screen's search, Ctrl+N opens its «new» form, F1 lists the keys.
 * A screen marks its search field and its «new» button with `data-shortcut`, so each screen decides
 * what they are and the keys work the same everywhere. No shortcut fires while a dialog is open.
 */
function useShortcuts(setHelp: (open: boolean) => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F1') {
        e.preventDefault();
        setHelp(true);
        return;
      }
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      const key = e.key.toLowerCase();
      // by the key's place too, so the keys work on the Russian and Kazakh layouts (Ctrl+А, Ctrl+Т)
      const which =
        key === 'f' || e.code === 'KeyF' ? 'search' : key === 'n' || e.code === 'KeyN' ? 'new' : null;
      if (!which || document.querySelector('[role="dialog"]')) return;
      const target = document.querySelector<HTMLElement>(`[data-shortcut="${which}"]`);
      if (!target) return;
      e.preventDefault();
      if (which === 'search') {
        target.focus();
        if (target instanceof HTMLInputElement) target.select();
      } else target.click();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setHelp]);
}
