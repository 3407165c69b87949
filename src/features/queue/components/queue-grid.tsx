// biome-ignore-all lint/a11y/useSemanticElements: a virtualized grid positions rows absolutely, which table rows cannot do reliably; the ARIA grid roles carry the semantics.
// biome-ignore-all lint/a11y/useFocusableInteractive: the grid is the single tab stop and points at the highlighted row with aria-activedescendant; rows and cells are not focused themselves.
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useCallback, useEffect, useMemo, useRef } from 'react';
import type { HandoffSummary, SortField } from '../../../api/schemas';
import { useShortcuts } from '../../../hooks/use-shortcuts';
import { useNow } from '../../../lib/time';
import { useSessionStore } from '../../../stores/session-store';
import { defaultOrder } from '../labels';
import { QueueRow, ROW_HEIGHT, rowDomId } from './queue-row';

/** Height of the sticky column header in pixels; the CSS uses the same number. */
export const HEADER_HEIGHT = 34;
/** Start loading the next page this many rows before the end of what is loaded. */
const PREFETCH_ROWS = 30;
/** SLA badges move on a 15-second clock: fresh enough for minutes, cheap for the list. */
const CLOCK_MS = 15_000;

interface Column {
  label: string;
  sort?: SortField;
}

const columns: readonly Column[] = [
  { label: 'Ticket' },
  { label: 'Status' },
  { label: 'Kind' },
  { label: 'Category' },
  { label: 'Urgency' },
  { label: 'Confidence', sort: 'confidence' },
  { label: 'Flags' },
  { label: 'SLA due', sort: 'dueAt' },
  { label: 'Level' },
  { label: 'Assignee' },
];

export interface QueueGridProps {
  rows: HandoffSummary[];
  /** Items matching the filters on the server, loaded or not. */
  total: number | undefined;
  loading: boolean;
  /** True while rows of a previous filter stand in for the new one. */
  stale: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  nextPageError: boolean;
  fetchNextPage: () => void;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
  sort: SortField;
  order: 'asc' | 'desc' | undefined;
  onSort: (sort: SortField) => void;
  /** Changes when the filters change: the list starts again at the top. */
  resetKey: string;
}

/**
 * The queue as an ARIA grid over a virtualizer: only the rows in view (plus a few) exist in
 * the DOM, so 100,000 items scroll like 100. The grid is one tab stop; j/k or the arrows move
 * the highlighted row (kept in the URL by the page), Enter opens it.
 */
export function QueueGrid(props: QueueGridProps) {
  const {
    rows,
    total,
    loading,
    hasNextPage,
    isFetchingNextPage,
    nextPageError,
    fetchNextPage,
    selectedId,
  } = props;
  const gridRef = useRef<HTMLDivElement>(null);
  const now = useNow(CLOCK_MS);
  const meId = useSessionStore((s) => s.actorId);

  const virtualizer = useVirtualizer({
    count: rows.length + (hasNextPage ? 1 : 0),
    getScrollElement: () => gridRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const virtualItems = virtualizer.getVirtualItems();

  const selectedIndex = useMemo(
    () => (selectedId ? rows.findIndex((r) => r.id === selectedId) : -1),
    [rows, selectedId],
  );

  // Near the end of what is loaded: fetch the next page.
  const lastIndex = virtualItems.at(-1)?.index ?? -1;
  useEffect(() => {
    if (
      lastIndex >= rows.length - PREFETCH_ROWS &&
      hasNextPage &&
      !isFetchingNextPage &&
      !nextPageError
    ) {
      fetchNextPage();
    }
  }, [lastIndex, rows.length, hasNextPage, isFetchingNextPage, nextPageError, fetchNextPage]);

  // Coming back to the queue (Back, or a shared link with `selected`): show the highlighted row.
  const revealed = useRef(false);
  useEffect(() => {
    if (revealed.current || loading) return;
    revealed.current = true;
    if (selectedIndex > 0) virtualizer.scrollToIndex(selectedIndex, { align: 'center' });
  }, [loading, selectedIndex, virtualizer]);

  // New filters: start at the top.
  const lastResetKey = useRef(props.resetKey);
  useEffect(() => {
    if (lastResetKey.current === props.resetKey) return;
    lastResetKey.current = props.resetKey;
    virtualizer.scrollToOffset(0);
  }, [props.resetKey, virtualizer]);

  // Rows get stable callbacks (so memo holds); the handlers read the latest state from a ref.
  const latest = useRef({ rows, selectedIndex, onSelect: props.onSelect, onOpen: props.onOpen });
  latest.current = { rows, selectedIndex, onSelect: props.onSelect, onOpen: props.onOpen };

  const selectIndex = useCallback(
    (index: number, options: { scroll?: boolean; focus?: boolean } = {}) => {
      const { rows: current, onSelect } = latest.current;
      if (current.length === 0) return;
      const clamped = Math.max(0, Math.min(current.length - 1, index));
      const item = current[clamped];
      if (!item) return;
      if (options.scroll) virtualizer.scrollToIndex(clamped, { align: 'auto' });
      if (options.focus) gridRef.current?.focus({ preventScroll: true });
      onSelect(item.id);
    },
    [virtualizer],
  );

  const onRowSelect = useCallback(
    (index: number) => selectIndex(index, { focus: true }),
    [selectIndex],
  );
  const onRowOpen = useCallback((index: number) => {
    const item = latest.current.rows[index];
    if (item) latest.current.onOpen(item.id);
  }, []);

  const move = useCallback(
    (delta: number) => {
      const { selectedIndex: current } = latest.current;
      // Nothing highlighted yet: start at the first row in view.
      const from =
        current >= 0 ? current + delta : Math.ceil((virtualizer.scrollOffset ?? 0) / ROW_HEIGHT);
      selectIndex(from, { scroll: true, focus: true });
    },
    [selectIndex, virtualizer],
  );

  const openSelected = useCallback(() => {
    const { rows: current, selectedIndex: index, onOpen } = latest.current;
    const item = current[index];
    if (item) onOpen(item.id);
  }, []);

  useShortcuts([
    { key: 'j', handler: () => move(1) },
    { key: 'k', handler: () => move(-1) },
  ]);

  // Enter opens the highlighted row when nothing else has focus (after j/k, focus is on the
  // grid and its own handler below takes it). Buttons and links keep their own Enter.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (
        e.key !== 'Enter' ||
        e.defaultPrevented ||
        e.ctrlKey ||
        e.metaKey ||
        e.altKey ||
        e.shiftKey
      )
        return;
      if (e.target !== document.body) return;
      if (latest.current.selectedIndex < 0) return;
      e.preventDefault();
      openSelected();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [openSelected]);

  const onGridKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget || e.ctrlKey || e.metaKey || e.altKey) return;
    const page = Math.max(1, Math.floor((gridRef.current?.clientHeight ?? 0) / ROW_HEIGHT) - 1);
    switch (e.key) {
      case 'ArrowDown':
        move(1);
        break;
      case 'ArrowUp':
        move(-1);
        break;
      case 'PageDown':
        move(page);
        break;
      case 'PageUp':
        move(-page);
        break;
      case 'Home':
        selectIndex(0, { scroll: true });
        break;
      case 'End':
        selectIndex(latest.current.rows.length - 1, { scroll: true });
        break;
      case 'Enter':
        openSelected();
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  const selectedRendered =
    selectedIndex >= 0 && virtualItems.some((v) => v.index === selectedIndex);
  const effectiveOrder = props.order ?? defaultOrder(props.sort);

  return (
    <div
      ref={gridRef}
      role="grid"
      tabIndex={0}
      className={`queue-grid${props.stale ? ' is-stale' : ''}`}
      aria-label="Handoffs"
      aria-rowcount={total === undefined ? -1 : total + 1}
      aria-colcount={columns.length}
      aria-busy={loading || props.stale}
      aria-activedescendant={selectedRendered && selectedId ? rowDomId(selectedId) : undefined}
      onKeyDown={onGridKeyDown}
    >
      <div
        className="queue-grid-content"
        style={{ height: loading ? undefined : virtualizer.getTotalSize() }}
      >
        <div role="rowgroup" className="queue-grid-head">
          <div role="row" aria-rowindex={1} className="queue-row queue-head-row">
            {columns.map((column) => {
              const sorted = column.sort !== undefined && column.sort === props.sort;
              return (
                <div
                  key={column.label}
                  role="columnheader"
                  className="cell"
                  aria-sort={
                    sorted ? (effectiveOrder === 'asc' ? 'ascending' : 'descending') : undefined
                  }
                >
                  {column.sort ? (
                    <button
                      type="button"
                      className="column-sort"
                      onClick={() => column.sort && props.onSort(column.sort)}
                      tabIndex={-1}
                    >
                      {column.label}
                      <span aria-hidden="true" className="column-sort-icon">
                        {sorted ? (effectiveOrder === 'asc' ? '↑' : '↓') : '↕'}
                      </span>
                    </button>
                  ) : (
                    column.label
                  )}
                </div>
              );
            })}
          </div>
        </div>
        <div role="rowgroup" className="queue-grid-body">
          {loading ? <SkeletonRows /> : null}
          {!loading
            ? virtualItems.map((v) => {
                const item = rows[v.index];
                if (!item) {
                  return (
                    <LoadMoreRow
                      key="load-more"
                      start={v.start}
                      index={v.index}
                      failed={nextPageError}
                      onRetry={fetchNextPage}
                    />
                  );
                }
                return (
                  <QueueRow
                    key={item.id}
                    item={item}
                    index={v.index}
                    start={v.start}
                    selected={v.index === selectedIndex}
                    now={now}
                    meId={meId}
                    onSelect={onRowSelect}
                    onOpen={onRowOpen}
                  />
                );
              })
            : null}
        </div>
      </div>
    </div>
  );
}

function LoadMoreRow({
  start,
  index,
  failed,
  onRetry,
}: {
  start: number;
  index: number;
  failed: boolean;
  onRetry: () => void;
}) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className="queue-row queue-load-more"
      style={{ transform: `translateY(${start}px)` }}
    >
      <div role="gridcell" className="cell" aria-colspan={columns.length}>
        {failed ? (
          <>
            <span>Could not load more handoffs.</span>{' '}
            <button type="button" className="button" onClick={onRetry}>
              Load more
            </button>
          </>
        ) : (
          <span className="muted">Loading more…</span>
        )}
      </div>
    </div>
  );
}

const skeletonRows = Array.from({ length: 10 }, (_, i) => i);

function SkeletonRows() {
  return (
    <>
      {skeletonRows.map((i) => (
        <div key={i} className="queue-row queue-skeleton-row" aria-hidden="true">
          {columns.map((c) => (
            <div key={c.label} className="cell">
              <span className="skeleton" />
            </div>
          ))}
        </div>
      ))}
    </>
  );
}
