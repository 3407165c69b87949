import { useRouter, useRouterState } from '@tanstack/react-router';
import { useEffect } from 'react';

/*
 * Where a list screen was last seen (its filters, sort and search as a URL), per app (router)
 * instance, so that leaving an item for the list returns to the same list and not to its
 * defaults. The highlighted row and the scroll position are the grid's to restore (see
 * `restoreKey` on the data grid): the URL mirrors the row only lazily, so it is left out here.
 */
const places = new WeakMap<object, Map<string, string>>();

function placesOf(router: object): Map<string, string> {
  let map = places.get(router);
  if (!map) {
    map = new Map();
    places.set(router, map);
  }
  return map;
}

/** The URL without its `selected` search param. */
export function withoutSelected(href: string): string {
  const [path = '', query] = href.split('?', 2);
  if (query === undefined) return href;
  const rest = query.split('&').filter((p) => p !== '' && !p.startsWith('selected='));
  return rest.length > 0 ? `${path}?${rest.join('&')}` : path;
}

/** Remembers the URL of the list screen on show, as it changes. */
export function useRememberListPlace() {
  const router = useRouter();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const href = useRouterState({ select: (s) => s.location.href });
  useEffect(() => {
    placesOf(router).set(pathname, withoutSelected(href));
  }, [router, pathname, href]);
}

/** The URL to return to the list at `pathname` with: as it was last seen, else its default. */
export function useListPlace(pathname: string): string {
  const router = useRouter();
  return placesOf(router).get(pathname) ?? pathname;
}
