import type { IncomingMessage } from 'node:http';
import { ACTOR_HEADER } from '../../src/api/headers';

/*
 * Writes per identity, as a token bucket: `limit` writes at once, refilled at `limit` per
 * window. The identity comes from a key function, so the limiter can key on a signed-in
 * person as readily as on the actor header.
 */

export interface RateLimitOptions {
  /** Writes allowed per window (and the burst); 0 turns the limit off. */
  limit: number;
  windowMs?: number;
  /** Who is writing; null leaves the request unlimited (the backend refuses it anyway). */
  key?: (req: IncomingMessage) => string | null;
  clock?: () => number;
}

export const actorKey = (req: IncomingMessage): string | null => {
  const value = req.headers[ACTOR_HEADER.toLowerCase()];
  return typeof value === 'string' && value ? value : null;
};

/** Held buckets beyond this are swept of the full ones, so memory stays bounded. */
const SWEEP_AT = 10_000;

/** Returns null when the write may go ahead, else the seconds to wait. */
export type RateLimiter = (req: IncomingMessage) => number | null;

export function rateLimiter({
  limit,
  windowMs = 60_000,
  key = actorKey,
  clock = Date.now,
}: RateLimitOptions): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const perMs = limit / windowMs;
  const refill = (bucket: { tokens: number; at: number }, now: number) => {
    bucket.tokens = Math.min(limit, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
  };
  return (req) => {
    if (limit <= 0) return null;
    const id = key(req);
    if (id === null) return null;
    const now = clock();
    if (buckets.size > SWEEP_AT) {
      for (const [k, b] of buckets) {
        refill(b, now);
        if (b.tokens >= limit) buckets.delete(k);
      }
    }
    const bucket = buckets.get(id) ?? { tokens: limit, at: now };
    refill(bucket, now);
    buckets.set(id, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return null;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
  };
}
