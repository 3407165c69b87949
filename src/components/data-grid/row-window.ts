import { type RefObject, useCallback, useLayoutEffect, useRef, useState } from 'react';

/** Rows rendered beyond the viewport on each side: enough to scroll smoothly, few enough to stay light. */
const OVERSCAN = 4;

/** The rows that exist in the DOM: the ones in view plus the overscan, by index. */
interface Range {
  first: number;
  last: number;
}

export interface WindowedRow {
  index: number;
  /** Offset of the row's top from the top of the grid's content, header included. */
  start: number;
}

export interface RowWindowOptions {
  /** Rows in the list (a load-more row included); 0 turns windowing off. */
  count: number;
  rowHeight: number;
  /** The sticky header above the first row: row i starts at headerHeight + i * rowHeight. */
  headerHeight: number;
  /** Where the scroll starts once mounted (a return to the list). */
  initialOffset: number;
}

function rangeAt(offset: number, height: number, rowHeight: number, headerHeight: number): Range {
  const first = Math.floor(Math.max(0, offset - headerHeight) / rowHeight);
  const last = Math.max(first, Math.ceil((offset + height - headerHeight) / rowHeight) - 1);
  return { first: Math.max(0, first - OVERSCAN), last: last + OVERSCAN };
}

/**
 * Which rows of a list of equal-height rows are rendered, from the scroller's offset and height.
 * Rows share one height, so where each sits is arithmetic: nothing is measured. The window moves
 * only when a row boundary is crossed, and a scroll the grid makes itself (j/k) moves it in the
 * same render as the highlight, so a key press renders once, never again from its scroll event.
 * The offset and the height are tracked here, so the key press path reads no layout.
 */
export function useRowWindow(
  scroller: RefObject<HTMLElement | null>,
  { count, rowHeight, headerHeight, initialOffset }: RowWindowOptions,
) {
  const offset = useRef(initialOffset);
  // Until the scroller is measured, the window's own height stands in: the grid is never taller,
  // so the first render already has every row in view, and measuring forces no early layout.
  const height = useRef(typeof window === 'undefined' ? 0 : window.innerHeight);
  const [range, setRange] = useState(() =>
    rangeAt(initialOffset, height.current, rowHeight, headerHeight),
  );
  const shown = useRef(range);

  const place = useCallback(
    (nextOffset: number, { growOnly = false } = {}) => {
      offset.current = nextOffset;
      const next = rangeAt(nextOffset, height.current, rowHeight, headerHeight);
      const was = shown.current;
      if (next.first === was.first && next.last === was.last) return;
      // A measurement that finds a few rows too many rendered leaves them: the next scroll trims.
      if (growOnly && next.first >= was.first && next.last <= was.last) return;
      shown.current = next;
      setRange(next);
    },
    [rowHeight, headerHeight],
  );

  const windowed = count > 0;
  const start = useRef(initialOffset);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || !windowed) return;
    if (start.current > 0) {
      el.scrollTop = start.current;
      start.current = 0;
    }
    const onScroll = () => place(el.scrollTop);
    el.addEventListener('scroll', onScroll, { passive: true });
    // Told after layout, so reading the height then costs nothing extra.
    const resized =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(() => {
            height.current = el.clientHeight;
            place(offset.current, { growOnly: true });
          });
    resized?.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      resized?.disconnect();
    };
  }, [scroller, windowed, place]);

  /** Scrolls to `to` (clamped at the top) and moves the window in the render under way. */
  const scrollTo = useCallback(
    (to: number) => {
      const el = scroller.current;
      if (!el) return;
      const target = Math.max(0, Math.round(to));
      if (target !== offset.current) el.scrollTop = target;
      place(target);
    },
    [scroller, place],
  );

  /**
   * Shows row `index` whole below the header, scrolling only when it is out of view: by the
   * least distance ('nearest'), or to centre it in the rows' part of the scroller ('center').
   */
  const reveal = useCallback(
    (index: number, align: 'nearest' | 'center') => {
      const top = headerHeight + index * rowHeight;
      const [from, seen] = [offset.current, height.current];
      if (top >= from + headerHeight && top + rowHeight <= from + seen) return;
      if (align === 'center') scrollTo(top + rowHeight / 2 - (headerHeight + seen) / 2);
      else if (top < from + headerHeight) scrollTo(top - headerHeight);
      else scrollTo(top + rowHeight - seen);
    },
    [headerHeight, rowHeight, scrollTo],
  );

  const readOffset = useCallback(() => offset.current, []);
  const readHeight = useCallback(() => height.current, []);
  const items: WindowedRow[] = [];
  for (let index = range.first; index <= Math.min(range.last, count - 1); index++) {
    items.push({ index, start: headerHeight + index * rowHeight });
  }
  return {
    items,
    totalSize: headerHeight + count * rowHeight,
    /** The scroller's offset as last seen or set, read without touching layout (stable). */
    offset: readOffset,
    /** The scroller's inner height as last measured. */
    height: readHeight,
    scrollTo,
    reveal,
  };
}
