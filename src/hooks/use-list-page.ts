import { type RefObject, useCallback, useMemo, useRef } from 'react';
import type { Shortcut } from './use-shortcuts';

/** Merges a patch into the page's search params; `replace` keeps Back from stepping through it. */
export type UpdateSearch<S> = (patch: Partial<S>, options?: { replace?: boolean }) => void;

/** How a page moves its own search params: the route's `navigate`, bound to its path. */
export type ApplySearch<S> = (search: (prev: S) => S, replace: boolean | undefined) => void;

/**
 * The search wiring every list page shares: `update` merges a patch into the URL, `onSelect`
 * mirrors the highlighted row into it without a history entry. Both stay stable across renders,
 * so the grid's rows do not re-render with the page.
 */
export function useListSearch<S extends { selected?: unknown }>(apply: ApplySearch<S>) {
  const latest = useRef(apply);
  latest.current = apply;
  const update: UpdateSearch<S> = useCallback((patch, options) => {
    latest.current((prev) => ({ ...prev, ...patch }), options?.replace);
  }, []);
  const onSelect = useCallback(
    (id: string) => update({ selected: id } as Partial<S>, { replace: true }),
    [update],
  );
  return { update, onSelect };
}

/**
 * A list page's search without the highlighted row: what its loader and query depend on, so
 * moving the highlight never refetches.
 */
export function withoutSelected<S extends { selected?: unknown }>(search: S): Omit<S, 'selected'> {
  const { selected: _selected, ...filters } = search;
  return filters;
}

/** The pages of an infinite list as rows. A refresh can move a row across a page boundary: each row shows once. */
export function useInfiniteRows<P extends { items: { id: string }[] }>(
  data: { pages: P[] } | undefined,
) {
  const rows = useMemo(() => {
    const seen = new Set<string>();
    const out: P['items'][number][] = [];
    for (const page of data?.pages ?? []) {
      for (const row of page.items) {
        if (seen.has(row.id)) continue;
        seen.add(row.id);
        out.push(row);
      }
    }
    return out;
  }, [data]);
  return { rows, firstPage: data?.pages[0] };
}

/** `/` jumps to the page's search field and selects what it holds. */
export function focusSearchShortcut(input: RefObject<HTMLInputElement | null>): Shortcut {
  return {
    key: '/',
    label: 'Search',
    handler: () => {
      input.current?.focus();
      input.current?.select();
    },
  };
}
