// biome-ignore-all lint/a11y/useSemanticElements: a virtualized grid positions rows absolutely, which table rows cannot do reliably; the ARIA grid roles carry the semantics.
// biome-ignore-all lint/a11y/useFocusableInteractive: the grid is the single tab stop and points at the highlighted row with aria-activedescendant; rows and cells are not focused themselves.
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useCallback, useEffect, useMemo, useRef } from 'react';
import type { AuditEntry } from '../../../api/audit-schemas';
import { useShortcuts } from '../../../hooks/use-shortcuts';
import { AUDIT_ROW_HEIGHT, AuditRow, auditColumns, auditRowId } from './audit-row';

const HEADER_HEIGHT = 34;
const PREFETCH_ROWS = 40;

export interface AuditListProps {
  entries: AuditEntry[];
  total: number | undefined;
  loading: boolean;
  stale: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  nextPageError: boolean;
  fetchNextPage: () => void;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  /** Opens the entry's item; policy changes have none. */
  onOpen: (entry: AuditEntry) => void;
  resetKey: string;
}

/**
 * The log as an ARIA grid over a virtualizer: only the rows in view exist in the DOM, so half
 * a million events scroll like a hundred. One tab stop; j/k or the arrows move, Enter opens.
 */
export function AuditList(props: AuditListProps) {
  const { entries, total, loading, hasNextPage, isFetchingNextPage, nextPageError, fetchNextPage } =
    props;
  const gridRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: entries.length + (hasNextPage ? 1 : 0),
    getScrollElement: () => gridRef.current,
    estimateSize: () => AUDIT_ROW_HEIGHT,
    overscan: 8,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const selectedIndex = useMemo(
    () => (props.selectedId ? entries.findIndex((e) => e.id === props.selectedId) : -1),
    [entries, props.selectedId],
  );

  const lastIndex = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (
      lastIndex >= entries.length - PREFETCH_ROWS &&
      hasNextPage &&
      !isFetchingNextPage &&
      !nextPageError
    )
      fetchNextPage();
  }, [lastIndex, entries.length, hasNextPage, isFetchingNextPage, nextPageError, fetchNextPage]);

  const lastResetKey = useRef(props.resetKey);
  useEffect(() => {
    if (lastResetKey.current === props.resetKey) return;
    lastResetKey.current = props.resetKey;
    virtualizer.scrollToOffset(0);
  }, [props.resetKey, virtualizer]);

  const latest = useRef({ entries, selectedIndex, onSelect: props.onSelect, onOpen: props.onOpen });
  latest.current = { entries, selectedIndex, onSelect: props.onSelect, onOpen: props.onOpen };

  const selectIndex = useCallback(
    (index: number, scroll: boolean) => {
      const { entries: current, onSelect } = latest.current;
      if (current.length === 0) return;
      const clamped = Math.max(0, Math.min(current.length - 1, index));
      if (scroll) virtualizer.scrollToIndex(clamped, { align: 'auto' });
      gridRef.current?.focus({ preventScroll: true });
      onSelect(current[clamped]!.id);
    },
    [virtualizer],
  );
  const move = useCallback(
    (delta: number) => {
      const current = latest.current.selectedIndex;
      selectIndex(current >= 0 ? current + delta : 0, true);
    },
    [selectIndex],
  );
  const open = useCallback((index: number) => {
    const entry = latest.current.entries[index];
    if (entry) latest.current.onOpen(entry);
  }, []);
  const onRowSelect = useCallback((index: number) => selectIndex(index, false), [selectIndex]);

  useShortcuts([
    { key: 'j', handler: () => move(1) },
    { key: 'k', handler: () => move(-1) },
  ]);
  // Enter opens the highlighted entry's item when focus is on the page itself.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Enter' || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.target !== document.body || latest.current.selectedIndex < 0) return;
      e.preventDefault();
      open(latest.current.selectedIndex);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  const onGridKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget || e.ctrlKey || e.metaKey || e.altKey) return;
    const page = Math.max(
      1,
      Math.floor((gridRef.current?.clientHeight ?? 0) / AUDIT_ROW_HEIGHT) - 1,
    );
    const { entries: current, selectedIndex: index } = latest.current;
    const targets: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: current.length - 1,
    };
    if (e.key === 'Enter') {
      e.preventDefault();
      open(index);
      return;
    }
    const target = targets[e.key];
    if (target === undefined) return;
    e.preventDefault();
    selectIndex(index < 0 && e.key !== 'End' ? 0 : target, true);
  };

  const selected = entries[selectedIndex];
  return (
    <div
      ref={gridRef}
      role="grid"
      aria-label="Audit log, newest first"
      aria-rowcount={total === undefined ? -1 : total + 1}
      aria-colcount={auditColumns.length}
      aria-activedescendant={selected ? auditRowId(selected.id) : undefined}
      aria-busy={loading || props.stale}
      tabIndex={0}
      className={`audit-grid${props.stale ? ' is-stale' : ''}`}
      onKeyDown={onGridKeyDown}
    >
      <div className="audit-grid-content" style={{ height: virtualizer.getTotalSize() }}>
        <div role="rowgroup" className="audit-grid-head">
          <div role="row" aria-rowindex={1} className="audit-row audit-head-row">
            {auditColumns.map((c) => (
              <div key={c} role="columnheader" className="cell">
                {c}
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" className="audit-grid-body">
          {loading ? (
            <div role="row" className="audit-row audit-loading">
              <div role="gridcell" className="cell" aria-colspan={auditColumns.length}>
                Loading the audit log…
              </div>
            </div>
          ) : (
            items.map((v) => {
              const entry = entries[v.index];
              if (!entry) {
                return (
                  <div
                    key="more"
                    role="row"
                    aria-rowindex={v.index + 2}
                    className="audit-row audit-more"
                    style={{ transform: `translateY(${v.start}px)` }}
                  >
                    <div role="gridcell" className="cell" aria-colspan={auditColumns.length}>
                      {nextPageError ? (
                        <>
                          <span>Could not load more entries.</span>{' '}
                          <button type="button" className="button" onClick={fetchNextPage}>
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
              return (
                <AuditRow
                  key={entry.id}
                  entry={entry}
                  index={v.index}
                  start={v.start}
                  selected={v.index === selectedIndex}
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
