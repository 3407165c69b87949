import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ChangeEvent } from '../api/handoff-schemas';
import { useApi } from '../lib/api-context';
import { handoffQueries } from '../lib/handoff-queries';
import { invalidate } from '../lib/invalidate';
import { useLiveStore } from '../stores/live-store';
import { useSessionStore } from '../stores/session-store';

/** Waits between reconnection attempts; the last one repeats. */
export const LIVE_RETRY_MS = [1_000, 2_000, 5_000, 10_000, 30_000] as const;
/** Lists are refetched at most this often, however many changes arrive. */
export const LIST_REFRESH_THROTTLE_MS = 1_000;

/** Runs `fn` at once, then at most once per `ms` (the last call in a burst is kept). */
function throttle(fn: () => void, ms: number) {
  let last = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    timer = null;
    last = Date.now();
    fn();
  };
  const call = () => {
    if (timer) return;
    const wait = last + ms - Date.now();
    if (wait <= 0) run();
    else timer = setTimeout(run, wait);
  };
  call.cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  return call;
}

function applyChange(
  queryClient: QueryClient,
  event: ChangeEvent,
  invalidateLists: () => void,
): void {
  if (event.type === 'world.reset') {
    void queryClient.invalidateQueries();
    return;
  }
  const { queryKey: detailKey } = handoffQueries.detail(event.id);
  const cached = queryClient.getQueryData(detailKey);
  if (cached && cached.version < event.version) {
    void queryClient.invalidateQueries({ queryKey: detailKey, exact: true });
  }
  void queryClient.invalidateQueries({
    queryKey: handoffQueries.eventsOf(event.id).queryKey,
    exact: true,
  });
  invalidateLists();
  useLiveStore.setState({ lastChange: event });
}

/**
 * Keeps the Query cache current from the server's change stream, mounted once in the shell.
 * While the stream is down it retries with backoff and reports `polling`, so screens poll.
 */
export function useLiveUpdates(): void {
  const api = useApi();
  const queryClient = useQueryClient();
  // The stream is opened as a person; a new identity opens a new one.
  const actorId = useSessionStore((s) => s.actorId);

  useEffect(() => {
    void actorId;
    const controller = new AbortController();
    const { signal } = controller;
    const invalidateLists = throttle(() => {
      void invalidate(queryClient, handoffQueries.lists());
    }, LIST_REFRESH_THROTTLE_MS);
    let attempt = 0;
    let wasLive = false;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const connect = async () => {
      try {
        await api.streamChanges(
          (event) => applyChange(queryClient, event, invalidateLists),
          signal,
          {
            onOpen: () => {
              // Changes made while disconnected were missed: catch up once.
              if (wasLive || attempt > 0) void invalidate(queryClient, handoffQueries.all());
              wasLive = true;
              attempt = 0;
              useLiveStore.setState({ status: 'live' });
            },
          },
        );
      } catch {
        // Reported through the status below; the queue polls meanwhile.
      }
      if (signal.aborted) return;
      useLiveStore.setState({ status: 'polling' });
      const delay = LIVE_RETRY_MS[Math.min(attempt, LIVE_RETRY_MS.length - 1)];
      attempt += 1;
      timer = setTimeout(() => void connect(), delay);
    };

    useLiveStore.setState({ status: 'connecting' });
    void connect();
    return () => {
      controller.abort();
      clearTimeout(timer);
      invalidateLists.cancel();
      useLiveStore.setState({ status: 'connecting', lastChange: null });
    };
  }, [api, queryClient, actorId]);
}
