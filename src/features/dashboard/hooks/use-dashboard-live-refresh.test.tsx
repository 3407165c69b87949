import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import type { HandoffChangedEvent } from '../../../api/handoff-schemas';
import { useLiveStore } from '../../../stores/live-store';
import { dashboardQueries } from '../api/queries';
import {
  DASHBOARD_REFRESH_THROTTLE_MS,
  useDashboardLiveRefresh,
} from './use-dashboard-live-refresh';

const change = (version: number): HandoffChangedEvent => ({
  type: 'handoff.changed',
  id: 'h-1',
  version,
  status: 'approved',
  assignee: null,
  by: null,
  at: '2026-11-25T09:00:00.000Z',
});

let loads = 0;

/** Figures under the dashboard's key: each load shows the next edition, as a refresh would. */
function Figures() {
  useDashboardLiveRefresh();
  const edition = useQuery({
    queryKey: [...dashboardQueries.all(), 'figures'],
    queryFn: () => {
      loads += 1;
      return loads;
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
  return <p>Figures, edition {edition.data ?? 0}</p>;
}

const flush = () => act(() => vi.advanceTimersByTimeAsync(1));

describe('useDashboardLiveRefresh', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    loads = 0;
  });
  afterEach(() => {
    vi.useRealTimers();
    useLiveStore.setState({ lastChange: null });
  });

  it('refreshes the figures at once on a change, then at most once per interval, keeping the last of a burst', async () => {
    const client = new QueryClient();
    render(
      <QueryClientProvider client={client}>
        <Figures />
      </QueryClientProvider>,
    );
    await flush();
    expect(screen.getByText('Figures, edition 1')).toBeInTheDocument();

    act(() => useLiveStore.setState({ lastChange: change(2) }));
    await flush();
    expect(screen.getByText('Figures, edition 2')).toBeInTheDocument();

    // A burst of changes inside the interval: one more refresh, when the interval ends.
    for (let v = 3; v < 10; v += 1) act(() => useLiveStore.setState({ lastChange: change(v) }));
    await flush();
    expect(screen.getByText('Figures, edition 2')).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(DASHBOARD_REFRESH_THROTTLE_MS));
    await flush();
    expect(screen.getByText('Figures, edition 3')).toBeInTheDocument();

    // Quiet after that: nothing more.
    await act(() => vi.advanceTimersByTimeAsync(10 * DASHBOARD_REFRESH_THROTTLE_MS));
    expect(screen.getByText('Figures, edition 3')).toBeInTheDocument();
  });
});
