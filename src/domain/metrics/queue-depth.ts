import type { DepthPoint } from '../../api/dashboard-schemas';
import { type Category, categorySchema, type Level, levelSchema } from '../../api/handoff-schemas';
import type { ItemFacts, Window } from './facts';

/*
 * Queue depth over time, from each item's spans in the queue (see open-spans.ts). The last
 * point is now, and equals the open items the queue lists.
 */

/** Samples of the queue's depth at `points` evenly spaced instants, the last one `now`. */
export function queueDepth(items: Iterable<ItemFacts>, w: Window, points = 25): DepthPoint[] {
  const n = Math.max(2, points);
  const step = (w.now - w.from) / (n - 1);
  const at = (k: number) => (k === n - 1 ? w.now : w.from + k * step);
  // Difference arrays: +1 where a span starts covering sample points, -1 after its last one.
  const total = new Array<number>(n + 1).fill(0);
  const byLevel = new Map(levelSchema.options.map((l) => [l, new Array<number>(n + 1).fill(0)]));
  const byCategory = new Map(
    categorySchema.options.map((c) => [c, new Array<number>(n + 1).fill(0)]),
  );
  /** Index of the first sample at or after t. */
  const firstAtOrAfter = (t: number) => {
    if (t <= w.from) return 0;
    if (t > w.now) return n;
    let k = Math.ceil((t - w.from) / step);
    while (k > 0 && at(k - 1) >= t) k -= 1;
    while (k < n && at(k) < t) k += 1;
    return k;
  };
  for (const item of items) {
    for (const span of item.spans) {
      const start = firstAtOrAfter(span.from);
      const end = span.to === Number.POSITIVE_INFINITY ? n : firstAtOrAfter(span.to);
      if (start >= end) continue;
      for (const series of [total, byLevel.get(span.level)!, byCategory.get(span.category)!]) {
        series[start]! += 1;
        series[end]! -= 1;
      }
    }
  }
  const running = (series: number[]) => {
    let sum = 0;
    return series.slice(0, n).map((d) => (sum += d));
  };
  const totals = running(total);
  const levels = new Map([...byLevel].map(([l, s]) => [l, running(s)]));
  const categories = new Map([...byCategory].map(([c, s]) => [c, running(s)]));
  return totals.map((value, k) => ({
    at: new Date(at(k)).toISOString(),
    total: value,
    byLevel: Object.fromEntries([...levels].map(([l, s]) => [l, s[k]!])) as Record<Level, number>,
    byCategory: Object.fromEntries([...categories].map(([c, s]) => [c, s[k]!])) as Record<
      Category,
      number
    >,
  }));
}
