import { createRootRouteWithContext, Outlet } from '@tanstack/react-router';
import type { RouterContext } from '../app/router';
import { AppShell } from '../components/app-shell';
import { RouteError } from '../components/route-error';

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
