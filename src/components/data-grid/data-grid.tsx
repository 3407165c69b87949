// biome-ignore-all lint/a11y/useSemanticElements: a virtualized grid positions rows absolutely, which table rows cannot do reliably; the ARIA grid roles carry the semantics.
// biome-ignore-all lint/a11y/useFocusableInteractive: the grid is the single tab stop and points at the highlighted row with aria-activedescendant; rows and cells are not focused themselves.
import { useRouter } from '@tanstack/react-router';
import {
  type KeyboardEvent,
  memo,
  type ReactNode,
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useShortcuts } from '../../hooks/use-shortcuts';
import { ErrorNotice, RetryingNotice } from '../error-notice';
import './data-grid.css';
import { useRowWindow } from './row-window';

/** Height of the sticky column header in pixels; the CSS uses the same number. */
const HEADER_HEIGHT = 34;
/** A keyboard walk reaches the URL once it pauses for this long, not on every key. */
const MIRROR_DELAY_MS = 300;

export interface DataGridColumn {
  /** The header text; also the column's key. */
  label: string;
  /** A sortable column: whether the grid is sorted by it, and what a click on its header does. */
  sort?: { direction: 'ascending' | 'descending' | undefined; onSort: () => void };
}

/** The next page of an infinite list: loaded as the reviewer nears the end of what is there. */
export interface DataGridPages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  failed: boolean;
  fetchNextPage: () => void;
  /** Start loading this many rows before the end of what is loaded. */
  prefetchRows: number;
  /** What the load-more row says when a page failed, next to its retry button. */
  failedText: string;
}

/** What the grid reads from an infinite query (TanStack Query's `useInfiniteQuery` result). */
export interface InfiniteListQuery {
  isPending: boolean;
  isPlaceholderData: boolean;
  isLoadingError: boolean;
  error: unknown;
  /** Failed attempts of the current load, and why the last one failed: shown while retrying. */
  failureCount: number;
  failureReason: unknown;
  refetch: () => Promise<unknown>;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/**
 * The grid's loading, stale, error and paging props for an infinite query: a first page being
 * tried again says so in place of the grid; a first page that failed for good is an error notice
 * with a retry; a later page that failed is a retry in the load-more row.
 */
export function infiniteListProps(
  query: InfiniteListQuery,
  options: Pick<DataGridPages, 'prefetchRows' | 'failedText'>,
) {
  return {
    loading: query.isPending,
    stale: query.isPlaceholderData,
    error: query.isLoadingError ? (
      <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
    ) : query.isPending && query.failureCount > 0 ? (
      <RetryingNotice failures={query.failureCount} reason={query.failureReason} />
    ) : null,
    pages: {
      hasNextPage: query.hasNextPage,
      isFetchingNextPage: query.isFetchingNextPage,
      failed: query.isFetchNextPageError,
      fetchNextPage: () => void query.fetchNextPage(),
      ...options,
    },
  } satisfies Partial<DataGridProps<unknown, unknown>>;
}

/** What a list page hands its grid: the rows it holds and where the reviewer is in them. */
export type ListGridProps<T> = Pick<
  DataGridProps<T, unknown>,
  'rows' | 'total' | 'empty' | 'selectedId' | 'onSelectionChange' | 'resetKey'
> & {
  /** The list's query: its loading, error and next-page states. */
  query: InfiniteListQuery;
};

/**
 * Draws one row's cells. Keep it stable (a module-level function): cells are memoized on it, on
 * their item and on `context`, so moving the highlight re-renders two rows' wrappers, not their
 * cells. `state.selected` is the row's highlight only where the grid's `cellsShowSelection` is set
 * (and those cells re-render with it); elsewhere it is always false.
 */
export type RenderCells<T, C> = (row: T, context: C, state: { selected: boolean }) => ReactNode;

export interface DataGridProps<T, C> {
  /** The grid's accessible name. */
  label: string;
  /** The feature's class on the grid: it sets the column template and row height. */
  className: string;
  columns: readonly DataGridColumn[];
  /** Show the column header row (a short list with self-explaining rows may do without). */
  header?: boolean;
  rows: readonly T[];
  getId: (row: T) => string;
  /** The DOM id of a row, for aria-activedescendant. */
  rowDomId: (id: string) => string;
  /** Height of one row in pixels; the CSS uses the same number. */
  rowHeight: number;
  renderCells: RenderCells<T, C>;
  /** The cells draw the highlight themselves (they read `state.selected`). */
  cellsShowSelection?: boolean;
  /** Whatever the cells need beyond their row (a clock, who is signed in). Memoize it. */
  context: C;
  /** Rows on the server, loaded or not; undefined while unknown. */
  total?: number | undefined;
  loading: boolean;
  /** Said in a row while loading; without it, skeleton rows stand in. */
  loadingText?: string;
  /** True while rows of a previous filter stand in for the new one. */
  stale?: boolean;
  /** Shown instead of the grid when the list could not load. */
  error?: ReactNode;
  /** Shown instead of the grid once it is known that nothing matches. */
  empty?: ReactNode;
  pages?: DataGridPages;
  /** The highlighted row from outside (the URL, or the page's state). */
  selectedId: string | undefined;
  /** Told of the highlighted row after the reviewer pauses (see `selectionDelayMs`). */
  onSelectionChange?: (id: string) => void;
  /** How long the highlight must rest before `onSelectionChange` hears of it; 0 tells at once. */
  selectionDelayMs?: number;
  /** Enter or a double click: open the row. */
  onOpen?: (row: T) => void;
  /** j/k work anywhere on the page (true), or only while the grid has focus. */
  globalKeys?: boolean;
  /** Changes when the filters change: the list starts again at the top. */
  resetKey?: string;
  /** Remember the highlight and scroll position under this key while the reviewer is away. */
  restoreKey?: string;
  /** Render every row instead of virtualizing: for short lists that flow with the page. */
  virtual?: boolean;
}

/**
 * A list as an ARIA grid, virtualized: only the rows in view (plus a few) exist in the DOM, so
 * 100,000 items scroll like 100. The grid is one tab stop; j/k, the arrows, Page Up/Down and
 * Home/End move the highlighted row, Enter opens it. The highlight lives here, so a key press
 * re-renders two rows; the page hears of it once the reviewer pauses.
 */
export function DataGrid<T, C>(latestProps: DataGridProps<T, C>) {
  // New rows (a first page, a refresh, new filters) render in a pass React can interrupt, so a
  // page of rows arriving never holds the main thread for one long task; the grid's own state
  // (the highlight, the scrolled window) is not deferred, so j/k answer at once.
  const props = useDeferredValue(latestProps);
  if (props.error) return <>{props.error}</>;
  const known = !props.loading && !props.stale;
  const none = props.total !== undefined ? props.total === 0 : props.rows.length === 0;
  if (props.empty && known && none) return <>{props.empty}</>;
  return <MemoGridView {...props} />;
}

interface Remembered {
  selectedId: string | undefined;
  /** Where that row was: if it left the list meanwhile (decided), the row now in its place. */
  index: number;
  offset: number;
}

/** The row highlighted on arrival: the one asked for, else the one remembered, else its successor. */
function arrivalSelection<T>(
  props: Pick<DataGridProps<T, unknown>, 'selectedId' | 'rows' | 'getId'>,
  remembered: Remembered | undefined,
): string | undefined {
  const wanted = props.selectedId ?? remembered?.selectedId;
  if (wanted === undefined || !remembered || remembered.index < 0) return wanted;
  if (props.rows.length === 0 || props.rows.some((r) => props.getId(r) === wanted)) return wanted;
  const row = props.rows[Math.min(remembered.index, props.rows.length - 1)];
  return row === undefined ? wanted : props.getId(row);
}

/** Per app (router) instance: where each remembered grid was when the reviewer left it. */
const memories = new WeakMap<object, Map<string, Remembered>>();

function useMemory(restoreKey: string | undefined) {
  const router = useRouter();
  let memory = memories.get(router);
  if (!memory) {
    memory = new Map();
    memories.set(router, memory);
  }
  return { memory, remembered: restoreKey ? memory.get(restoreKey) : undefined };
}

function GridView<T, C>(props: DataGridProps<T, C>) {
  const {
    rows,
    getId,
    rowHeight,
    pages,
    loading,
    total,
    columns,
    header = true,
    virtual = true,
    globalKeys = true,
  } = props;
  const headerHeight = header ? HEADER_HEIGHT : 0;
  const gridRef = useRef<HTMLDivElement>(null);
  const { memory, remembered } = useMemory(props.restoreKey);

  // The highlight: local, so a key press re-renders the grid's two changed rows and nothing else.
  const [selectedId, setSelectedId] = useState(() => arrivalSelection(props, remembered));
  const told = useRef(props.selectedId);
  const pending = useRef<{ id: string; timer: ReturnType<typeof setTimeout> } | null>(null);
  // A change from outside (Back, a link, the page moving on) wins; our own echo is ignored.
  useEffect(() => {
    if (props.selectedId === told.current) return;
    told.current = props.selectedId;
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = null;
    setSelectedId(props.selectedId);
  }, [props.selectedId]);

  const hasMore = virtual && (pages?.hasNextPage ?? false);
  const rowWindow = useRowWindow(gridRef, {
    count: virtual ? rows.length + (hasMore ? 1 : 0) : 0,
    rowHeight,
    headerHeight,
    // Back from an item: where the reviewer left the list, if its rows are still at hand.
    initialOffset: remembered && !loading && rows.length > 0 ? remembered.offset : 0,
  });
  const virtualItems = virtual ? rowWindow.items : null;
  const { offset: windowOffset, height: windowHeight, scrollTo, reveal } = rowWindow;

  const selectedIndex = useMemo(
    () => (selectedId === undefined ? -1 : rows.findIndex((r) => getId(r) === selectedId)),
    [rows, selectedId, getId],
  );

  useLoadMore(pages, rows.length, virtualItems?.at(-1)?.index ?? -1);

  // The highlighted row left the list (decided, here or elsewhere): the highlight stays where
  // it was, on the row now in its place, so j/k go on from there rather than from the top.
  // New filters are a new list: there the old place means nothing.
  const lastPlace = useRef({ index: remembered?.index ?? -1, list: props.resetKey });
  const list = props.resetKey;
  const settled = !loading && !props.stale;
  useEffect(() => {
    if (selectedIndex >= 0) {
      lastPlace.current = { index: selectedIndex, list };
      return;
    }
    const { index, list: placeList } = lastPlace.current;
    if (selectedId === undefined || index < 0 || placeList !== list || !settled) return;
    const row = rows[Math.min(index, rows.length - 1)];
    if (row !== undefined) setSelectedId(getId(row));
  }, [selectedIndex, selectedId, rows, getId, list, settled]);

  // The latest state for handlers that must stay stable (so row memoization holds).
  const latest = useRef({ props, selectedId, selectedIndex });
  latest.current = { props, selectedId, selectedIndex };

  // Leaving: remember where the reviewer was; a pending echo is dropped (the page is going).
  useEffect(
    () => () => {
      if (pending.current) clearTimeout(pending.current.timer);
      const { restoreKey } = latest.current.props;
      if (restoreKey)
        memory.set(restoreKey, {
          selectedId: latest.current.selectedId,
          index: latest.current.selectedIndex,
          offset: windowOffset(),
        });
    },
    [memory, windowOffset],
  );

  // Arriving (Back, a shared link with the highlight, a return from an item): show the row,
  // and where nothing else holds focus, give it to the grid so j/k and Enter go on from there.
  const revealed = useRef(false);
  useEffect(() => {
    if (revealed.current || loading) return;
    revealed.current = true;
    const restoring = latest.current.props.restoreKey !== undefined && selectedIndex >= 0;
    if (restoring && (document.activeElement === document.body || !document.activeElement))
      gridRef.current?.focus({ preventScroll: true });
    if (selectedIndex <= 0 || !virtual) return;
    reveal(selectedIndex, 'center');
  }, [loading, selectedIndex, reveal, virtual]);

  // New filters: start at the top.
  const lastResetKey = useRef(props.resetKey);
  useEffect(() => {
    if (lastResetKey.current === props.resetKey) return;
    lastResetKey.current = props.resetKey;
    if (virtual) scrollTo(0);
  }, [props.resetKey, scrollTo, virtual]);

  /** Tell the page now (before it navigates away, or when it asked to hear at once). */
  const tell = useCallback((id: string) => {
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = null;
    if (told.current === id) return;
    told.current = id;
    latest.current.props.onSelectionChange?.(id);
  }, []);

  const selectIndex = useCallback(
    (index: number, options: { scroll?: boolean; focus?: boolean } = {}) => {
      const { props: current } = latest.current;
      if (current.rows.length === 0) return;
      const clamped = Math.max(0, Math.min(current.rows.length - 1, index));
      const row = current.rows[clamped];
      if (row === undefined) return;
      const id = current.getId(row);
      if (options.scroll) {
        if (current.virtual === false) {
          const el = document.getElementById(current.rowDomId(id));
          el?.scrollIntoView?.({ block: 'nearest' });
        } else {
          // Rows share one height, so the least scroll that shows the row is arithmetic, and
          // the window moves in this same render.
          reveal(clamped, 'nearest');
        }
      }
      if (options.focus) gridRef.current?.focus({ preventScroll: true });
      setSelectedId(id);
      const delay = current.selectionDelayMs ?? MIRROR_DELAY_MS;
      if (delay <= 0) return tell(id);
      if (pending.current) clearTimeout(pending.current.timer);
      pending.current = { id, timer: setTimeout(() => tell(id), delay) };
    },
    [tell, reveal],
  );

  const open = useCallback(
    (index: number) => {
      const { props: current } = latest.current;
      const row = current.rows[index];
      if (row === undefined || !current.onOpen) return;
      // The URL keeps the highlight before the page moves on, so Back returns to it.
      tell(current.getId(row));
      current.onOpen(row);
    },
    [tell],
  );
  const onRowSelect = useCallback(
    (index: number) => selectIndex(index, { focus: true }),
    [selectIndex],
  );

  const move = useCallback(
    (delta: number) => {
      const { selectedIndex: current, props: p } = latest.current;
      // Nothing highlighted yet: start at the first row in view.
      const firstInView =
        p.virtual === false ? 0 : Math.ceil(windowOffset() / latest.current.props.rowHeight);
      selectIndex(current >= 0 ? current + delta : firstInView, { scroll: true, focus: true });
    },
    [selectIndex, windowOffset],
  );

  useShortcuts([
    { key: 'j', handler: () => move(1), enabled: globalKeys, label: 'Next row' },
    { key: 'k', handler: () => move(-1), enabled: globalKeys, label: 'Previous row' },
  ]);

  // Enter opens the highlighted row when nothing else has focus (after j/k, focus is on the
  // grid and its own handler below takes it). Buttons and links keep their own Enter.
  useEffect(() => {
    if (!globalKeys) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Enter' || e.defaultPrevented) return;
      if (e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
      if (e.target !== document.body || latest.current.selectedIndex < 0) return;
      e.preventDefault();
      open(latest.current.selectedIndex);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open, globalKeys]);

  const onGridKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget || e.ctrlKey || e.metaKey || e.altKey) return;
    const height = windowHeight();
    const page = Math.max(1, Math.floor(height / rowHeight) - 1);
    const last = latest.current.props.rows.length - 1;
    switch (e.key) {
      case 'ArrowDown':
        move(1);
        break;
      case 'ArrowUp':
        move(-1);
        break;
      case 'j':
        if (globalKeys) return;
        move(1);
        break;
      case 'k':
        if (globalKeys) return;
        move(-1);
        break;
      case 'PageDown':
        move(page);
        break;
      case 'PageUp':
        move(-page);
        break;
      case 'Home':
        selectIndex(0, { scroll: true, focus: true });
        break;
      case 'End':
        selectIndex(last, { scroll: true, focus: true });
        break;
      case 'Enter':
        open(latest.current.selectedIndex);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  const selectedRendered =
    selectedIndex >= 0 &&
    (virtualItems === null || virtualItems.some((v) => v.index === selectedIndex));
  const items =
    virtualItems ?? rows.map((_, index) => ({ index, start: headerHeight + index * rowHeight }));
  const slotKey = useSlotKeys(virtualItems?.length ?? 0);

  return (
    <div
      ref={gridRef}
      role="grid"
      tabIndex={0}
      className={`data-grid ${props.className}${props.stale ? ' is-stale' : ''}${virtual ? '' : ' is-static'}`}
      aria-label={props.label}
      aria-rowcount={total === undefined ? -1 : total + (header ? 1 : 0)}
      aria-colcount={columns.length}
      aria-busy={loading || props.stale}
      aria-activedescendant={
        selectedRendered && selectedId !== undefined ? props.rowDomId(selectedId) : undefined
      }
      onKeyDown={onGridKeyDown}
    >
      <div
        className="data-grid-content"
        style={{ height: loading || !virtual ? undefined : rowWindow.totalSize }}
      >
        {header ? <HeaderRow columns={columns} /> : null}
        <div role="rowgroup" className="data-grid-body">
          {loading ? (
            <LoadingRows columns={columns} text={props.loadingText} />
          ) : (
            items.map((v) => {
              const row = rows[v.index];
              const rowIndex = v.index + (header ? 2 : 1);
              if (row === undefined) {
                return pages ? (
                  <LoadMoreRow
                    key="load-more"
                    start={v.start}
                    rowIndex={rowIndex}
                    columns={columns.length}
                    pages={pages}
                  />
                ) : null;
              }
              const id = getId(row);
              return (
                <GridRow
                  key={virtual ? slotKey(v.index) : id}
                  row={row}
                  domId={props.rowDomId(id)}
                  index={v.index}
                  rowIndex={rowIndex}
                  start={virtual ? v.start : undefined}
                  selected={v.index === selectedIndex}
                  context={props.context}
                  renderCells={props.renderCells as RenderCells<unknown, unknown>}
                  cellsShowSelection={props.cellsShowSelection ?? false}
                  onSelect={onRowSelect}
                  onOpen={open}
                />
              );
            })
          )}
        </div>
      </div>
    </div>
  );
}

/** The urgent render that precedes a deferred one passes the same props again: it stops here. */
const MemoGridView = memo(GridView) as typeof GridView;

/**
 * Keys for the rendered window that recycle DOM rows: a row scrolled out at one end comes back at
 * the other showing a new item, so walking the list with j/k updates one row's text instead of
 * building a row and leaving another to the garbage collector on every key. The window is a
 * contiguous run of indexes no longer than the largest window seen, so index modulo that length
 * is unique within it.
 */
function useSlotKeys(windowLength: number) {
  const slots = useRef(1);
  if (windowLength > slots.current) slots.current = windowLength;
  const size = slots.current;
  return useCallback((index: number) => `slot-${index % size}`, [size]);
}

/** Near the end of what is loaded: fetch the next page. */
function useLoadMore(pages: DataGridPages | undefined, loaded: number, lastRendered: number) {
  const wanted =
    pages !== undefined &&
    lastRendered >= loaded - pages.prefetchRows &&
    pages.hasNextPage &&
    !pages.isFetchingNextPage &&
    !pages.failed;
  const fetchNextPage = pages?.fetchNextPage;
  useEffect(() => {
    if (wanted) fetchNextPage?.();
  }, [wanted, fetchNextPage]);
}

function HeaderRow({ columns }: { columns: readonly DataGridColumn[] }) {
  return (
    <div role="rowgroup" className="data-grid-head">
      <div role="row" aria-rowindex={1} className="data-grid-row data-grid-head-row">
        {columns.map((column) => (
          <div
            key={column.label}
            role="columnheader"
            className="cell"
            aria-sort={column.sort?.direction}
          >
            {column.sort ? (
              <button
                type="button"
                className="column-sort"
                onClick={column.sort.onSort}
                tabIndex={-1}
              >
                {column.label}
                <span aria-hidden="true" className="column-sort-icon">
                  {column.sort.direction === 'ascending'
                    ? '↑'
                    : column.sort.direction === 'descending'
                      ? '↓'
                      : '↕'}
                </span>
              </button>
            ) : (
              column.label
            )}
          </div>
        ))}
      </div>
    </div>
  );
}

interface GridRowProps {
  row: unknown;
  domId: string;
  index: number;
  /** aria-rowindex: 1-based, counting the header row. */
  rowIndex: number;
  /** Offset from the top of the grid's content, from the virtualizer; none when static. */
  start: number | undefined;
  selected: boolean;
  context: unknown;
  renderCells: RenderCells<unknown, unknown>;
  cellsShowSelection: boolean;
  onSelect: (index: number) => void;
  onOpen: (index: number) => void;
}

const fromControl = (target: EventTarget) =>
  target instanceof Element && target.closest('a, button') !== null;

/**
 * One row. Memoized: it re-renders only when its item, its selection, its place or the cells'
 * context changes, so moving the highlight touches two rows, not the whole list.
 */
const GridRow = memo(function GridRow({
  row,
  domId,
  index,
  rowIndex,
  start,
  selected,
  context,
  renderCells,
  cellsShowSelection,
  onSelect,
  onOpen,
}: GridRowProps) {
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the grid owns keyboard selection (j/k, arrows, Enter); a click is the pointer equivalent.
    <div
      role="row"
      id={domId}
      aria-rowindex={rowIndex}
      aria-selected={selected}
      className={`data-grid-row${selected ? ' is-selected' : ''}${index % 2 ? ' is-odd' : ''}`}
      style={start === undefined ? undefined : { transform: `translateY(${start}px)` }}
      onClick={(e) => {
        if (!fromControl(e.target)) onSelect(index);
      }}
      onDoubleClick={(e) => {
        if (!fromControl(e.target)) onOpen(index);
      }}
    >
      <RowCells
        row={row}
        context={context}
        renderCells={renderCells}
        selected={cellsShowSelection && selected}
      />
    </div>
  );
});

/** A row's cells: drawn again when their item or context changes, not when the highlight moves. */
const RowCells = memo(function RowCells({
  row,
  context,
  renderCells,
  selected,
}: {
  row: unknown;
  context: unknown;
  renderCells: RenderCells<unknown, unknown>;
  selected: boolean;
}) {
  return renderCells(row, context, { selected });
});

function LoadMoreRow({
  start,
  rowIndex,
  columns,
  pages,
}: {
  start: number;
  rowIndex: number;
  columns: number;
  pages: DataGridPages;
}) {
  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      className="data-grid-row data-grid-load-more"
      style={{ transform: `translateY(${start}px)` }}
    >
      <div role="gridcell" className="cell" aria-colspan={columns}>
        {pages.failed ? (
          <>
            <span>{pages.failedText}</span>{' '}
            <button type="button" className="button" onClick={pages.fetchNextPage}>
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

function LoadingRows({
  columns,
  text,
}: {
  columns: readonly DataGridColumn[];
  text: string | undefined;
}) {
  if (text !== undefined) {
    return (
      <div role="row" className="data-grid-row data-grid-loading">
        <div role="gridcell" className="cell" aria-colspan={columns.length}>
          {text}
        </div>
      </div>
    );
  }
  return (
    <>
      {skeletonRows.map((i) => (
        <div key={i} className="data-grid-row data-grid-skeleton-row" aria-hidden="true">
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
