import { createRouter, type RouterHistory } from '@tanstack/react-router';
import type { RouterContext } from '../routes/__root';
import { routeTree } from '../routeTree.gen';

export type { RouterContext } from '../routes/__root';

export function createAppRouter(context: RouterContext, history?: RouterHistory) {
  return createRouter({
    routeTree,
    context,
    history,
    defaultPreload: 'intent',
    // Loaders fill the Query cache; the cache decides freshness, not the router.
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
