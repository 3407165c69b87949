import { useSyncExternalStore } from 'react';

/*
 * One ticking clock for every countdown on screen. Components read it through
 * useSyncExternalStore, so a queue of a hundred gated rows runs one interval, and only the
 * components that show a countdown re-render each second.
 */

const TICK_MS = 1000;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;
let now = 0;

const read = () => Math.floor(Date.now() / TICK_MS) * TICK_MS;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = read();
    timer = setInterval(() => {
      now = read();
      for (const l of listeners) l();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

// Between subscriptions nobody holds a stale value: read the time afresh (to the second).
const snapshot = () => (timer === undefined ? read() : now);

/** The current time to the second, from the one shared clock. */
export function useSecondClock(): number {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

/** "1h 5m" far off, "12:05" within the hour: a countdown that visibly moves. */
export function formatCountdown(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  if (s >= 3600) {
    const m = Math.floor(s / 60);
    return m % 60 ? `${Math.floor(m / 60)}h ${m % 60}m` : `${m / 60}h`;
  }
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The same time in words, for screen readers: "12 minutes 5 seconds". */
export function spokenCountdown(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const part = (n: number, unit: string) => (n ? `${n} ${unit}${n === 1 ? '' : 's'}` : '');
  return (
    [part(h, 'hour'), part(m, 'minute'), h ? '' : part(sec, 'second')].filter(Boolean).join(' ') ||
    '0 seconds'
  );
}
