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
  'journal',
  'settings',
] as const;
export type Route = (typeof ROUTES)[number];

function routeOf(hash: string): Route {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] as Route;
  return ROUTES.includes(name) ? name : 'dashboard';
}

/** The page's hash, kept current: the app's screens and the print views both follow it. */
export function useHash(): string {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return hash;
}

export function useRoute(): [Route, (r: Route) => void] {
  const route = routeOf(useHash());
  return [route, (r) => (window.location.hash = `#/${r === 'dashboard' ? '' : r}`)];
}
