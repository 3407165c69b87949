import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, Outlet } from '@tanstack/react-router';
import { AppShell } from '../components/app-shell';
import { RouteError } from '../components/route-error';

/** What every route's loader gets from the app: declared here, where the routes need it. */
export interface RouterContext {
  queryClient: QueryClient;
  /** True when the backend runs inside this tab (demo mode): shows the demo controls. */
  demo: boolean;
}

export const Route = createRootRouteWithContext<RouterContext>()({
  component: () => (
    <AppShell>
      <Outlet />
    </AppShell>
  ),
  errorComponent: RouteError,
  notFoundComponent: () => (
    <main id="main" className="page">
      <h1>Page not found</h1>
      <p>
        <a href="/queue">Go to the queue</a>
      </p>
    </main>
  ),
});
