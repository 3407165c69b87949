import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useLiveStore } from '../../../stores/live-store';
import { dashboardQueries } from '../api/queries';

/** A busy floor changes many times a second; the figures refresh at most this often. */
export const DASHBOARD_REFRESH_THROTTLE_MS = 2_000;

/**
 * Refreshes the dashboard when the change stream reports a change, at most once per
 * throttle interval (the last change of a burst is always picked up).
 */
export function useDashboardLiveRefresh(): void {
  const queryClient = useQueryClient();
  const lastChange = useLiveStore((s) => s.lastChange);
  const last = useRef(Number.NEGATIVE_INFINITY);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (!lastChange || timer.current) return;
    const run = () => {
      timer.current = null;
      last.current = Date.now();
      void queryClient.invalidateQueries({ queryKey: dashboardQueries.all() });
    };
    const wait = last.current + DASHBOARD_REFRESH_THROTTLE_MS - Date.now();
    if (wait <= 0) run();
    else timer.current = setTimeout(run, wait);
  }, [lastChange, queryClient]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
}
