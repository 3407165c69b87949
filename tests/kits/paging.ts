/*
 * Reading a keyset-paged list to its end in a test: ask for a page with the last page's cursor
 * until a page comes back without one.
 */

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** One page: the first when `cursor` is null, else the page after it. */
export type PageFetch<T> = (cursor: string | null) => Promise<Page<T>>;

/** The items of every page after `cursor`, in order (none when `cursor` is null). */
export async function pagesAfter<T>(cursor: string | null, fetchPage: PageFetch<T>): Promise<T[]> {
  const items: T[] = [];
  let next = cursor;
  while (next) {
    const page = await fetchPage(next);
    items.push(...page.items);
    next = page.nextCursor;
  }
  return items;
}

/** The items of every page, from the first, in order. */
export async function everyPage<T>(fetchPage: PageFetch<T>): Promise<T[]> {
  const first = await fetchPage(null);
  return [...first.items, ...(await pagesAfter(first.nextCursor, fetchPage))];
}

/** The query of a page: `query` with the limit and, after the first page, the cursor. */
export const pageQuery = (query: Record<string, string>, limit: number, cursor: string | null) => ({
  ...query,
  limit: String(limit),
  ...(cursor ? { cursor } : {}),
});
