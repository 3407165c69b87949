import '../api/zod-config';
import { createFileRoute, stripSearchParams } from '@tanstack/react-router';
import { z } from 'zod/mini';
import { dashboardWindowSchema } from '../api/dashboard-schemas';
import { dashboardQueries } from '../features/dashboard/api/queries';
import { DashboardPage } from '../features/dashboard/components/dashboard-page';

const searchSchema = z.object({
  window: z.catch(z._default(dashboardWindowSchema, '24h'), '24h'),
});

export const Route = createFileRoute('/dashboard')({
  validateSearch: searchSchema,
  search: { middlewares: [stripSearchParams({ window: '24h' })] },
  loaderDeps: ({ search }) => ({ window: search.window }),
  loader: async ({ context: { queryClient }, deps }) => {
    // A failure is shown in place, with a retry; the rest of the app keeps working.
    await queryClient.ensureQueryData(dashboardQueries.summary(deps.window)).catch(() => undefined);
  },
  component: DashboardRoute,
});

function DashboardRoute() {
  const { window } = Route.useSearch();
  return <DashboardPage window={window} />;
}
