import type { z } from 'zod/mini';
import type { EntryKey } from './cursor';

/*
 * The audit log's non-item entries (policy changes, team changes, access changes) are read from
 * settings that are replaced as a whole array on every change. Each kind builds its entries once
 * per stored array, so a page of the log costs nothing until that setting changes again.
 */

export interface Keyed<E> {
  key: EntryKey;
  entry: E;
}

/**
 * A reader for one kind of entry: `build` turns a non-empty stored array into that kind's
 * entries in log order (newest first); the result is kept per array.
 */
export function cachedEntries<E>(build: (stored: unknown[]) => Keyed<E>[]) {
  const cache = new WeakMap<object, Keyed<E>[]>();
  return (stored: unknown): Keyed<E>[] => {
    if (!Array.isArray(stored) || stored.length === 0) return [];
    let entries = cache.get(stored);
    if (!entries) {
      entries = build(stored);
      cache.set(stored, entries);
    }
    return entries;
  };
}

/** The stored records that parse with `schema`; another module's record that does not is left out. */
export function parsedRecords<T>(stored: unknown[], schema: z.ZodMiniType<T>): T[] {
  return stored.flatMap((raw) => {
    const parsed = schema.safeParse(raw);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Newest first; entries of one kind with the same time keep their order by number, highest first. */
export const newestFirst = <E>(a: Keyed<E>, b: Keyed<E>) => b.key.t - a.key.t || b.key.s - a.key.s;
