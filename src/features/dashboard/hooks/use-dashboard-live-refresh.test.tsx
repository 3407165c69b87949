import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { HandoffChangedEvent } from '../../../api/schemas';
import { useLiveStore } from '../../../stores/live-store';
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

describe('useDashboardLiveRefresh', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    useLiveStore.setState({ lastChange: null });
  });

  it('refreshes at once on a change, then at most once per interval, keeping the last of a burst', () => {
    const client = new QueryClient();
    const invalidate = vi.spyOn(client, 'invalidateQueries').mockResolvedValue();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    );
    renderHook(() => useDashboardLiveRefresh(), { wrapper });
    expect(invalidate).not.toHaveBeenCalled();

    act(() => useLiveStore.setState({ lastChange: change(2) }));
    expect(invalidate).toHaveBeenCalledTimes(1);
    expect(invalidate).toHaveBeenLastCalledWith({ queryKey: ['dashboard'] });

    // A burst of changes inside the interval: one more refresh, when the interval ends.
    for (let v = 3; v < 10; v += 1) act(() => useLiveStore.setState({ lastChange: change(v) }));
    expect(invalidate).toHaveBeenCalledTimes(1);
    act(() => vi.advanceTimersByTime(DASHBOARD_REFRESH_THROTTLE_MS));
    expect(invalidate).toHaveBeenCalledTimes(2);

    // Quiet after that: nothing more.
    act(() => vi.advanceTimersByTime(10 * DASHBOARD_REFRESH_THROTTLE_MS));
    expect(invalidate).toHaveBeenCalledTimes(2);
  });
});
