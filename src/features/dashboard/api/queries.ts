import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { DashboardWindow } from '../../../api/dashboard-schemas';
import { apiOf } from '../../../lib/api-context';

/** Without live changes the dashboard polls; with them, only the clock moves figures (SLA). */
export const DASHBOARD_POLL_MS = 10_000;
export const DASHBOARD_CLOCK_MS = 60_000;

export const dashboardQueries = {
  all: () => ['dashboard'] as const,
  summary: (window: DashboardWindow, live = false) =>
    queryOptions({
      queryKey: [...dashboardQueries.all(), window] as const,
      queryFn: ({ client }) => apiOf(client).getDashboard({ query: { window } }),
      refetchInterval: live ? DASHBOARD_CLOCK_MS : DASHBOARD_POLL_MS,
      // Switching window keeps the last figures on screen while the new ones load.
      placeholderData: keepPreviousData,
    }),
};
