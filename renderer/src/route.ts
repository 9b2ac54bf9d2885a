import { useEffect, useState } from 'react';

/** Hash routes (#/members …): they work the same from app:// in Electron and over http in the preview. */
export const ROUTES = [
  'dashboard',
  'orgs',
  'members',
  'dues',
  'appeals',
  'import',
  'exchange',
  'settings',
] as const;
export type Route = (typeof ROUTES)[number];

function current(): Route {
  const name = window.location.hash.replace(/^#\/?/, '').split('/')[0] as Route;
  return ROUTES.includes(name) ? name : 'dashboard';
}

export function useRoute(): [Route, (r: Route) => void] {
  const [route, setRoute] = useState<Route>(current);
  useEffect(() => {
    const onChange = () => setRoute(current());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return [route, (r) => (window.location.hash = `#/${r === 'dashboard' ? '' : r}`)];
}
