import type {
  Handoff,
  HandoffListParams,
  HandoffPage,
  HandoffSummary,
  StatusCounts,
  User,
} from '../../src/api/handoff-schemas';
import { priorityScore, SLA_RISK_WINDOW_MS, slaState } from '../../src/domain/sla';
import { ItemColumns, statuses } from './list-columns';
import { sortedPositions } from './list-order';
import type { World } from './world';

export function toSummary(h: Handoff): HandoffSummary {
  return {
    id: h.id,
    kind: h.kind,
    status: h.status,
    level: h.level,
    assignee: h.assignee,
    dueAt: h.dueAt,
    gate: h.gate,
    version: h.version,
    team: h.team,
    createdAt: h.createdAt,
    updatedAt: h.updatedAt,
    ticketNumber: h.ticket.number,
    subject: h.ticket.subject,
    customerName: h.ticket.customer.name,
    tier: h.ticket.customer.tier,
    category: h.ticket.category,
    urgency: h.ticket.urgency,
    confidence: h.context.confidence,
    flags: h.context.flags.map(({ rule, severity, hardStop }) => ({ rule, severity, hardStop })),
  };
}

/**
 * A queue entry: the summary, its sort key, and what filters read, taken once per version. A
 * sort index's row also remembers the row it replaced, so a view that last looked before the
 * write can find what it holds for the item without keeping a map of its own.
 */
type Row = { summary: HandoffSummary; key: number | string } & Kept & History;
interface History {
  /** The index's revision when this row went in. */
  since?: number;
  /** The item's row before this one: null for none (a new item), undefined when forgotten. */
  prev?: Row | null;
}
/** How many earlier rows of one item an index remembers; a view further behind rebuilds. */
const HISTORY = 4;
interface Kept {
  /** The text `q` searches, lower-cased. */
  hay: string;
  /** The due time in ms. */
  due: number;
  /** The creation time in ms. */
  created: number;
  /** The item's place in the filter columns. */
  slot: number;
}

const searchText = (s: HandoffSummary) =>
  `${s.ticketNumber} ${s.subject} ${s.customerName}`.toLowerCase();

/** Whether the summary matches every filter but the status; `q` already lower-cased. */
export function matchesExceptStatus(
  s: HandoffSummary,
  p: HandoffListParams,
  me: User,
  now: number,
  q: string | null,
) {
  if (p.level?.length && !p.level.includes(s.level)) return false;
  if (p.category?.length && !p.category.includes(s.category)) return false;
  if (p.flag?.length && !s.flags.some((f) => p.flag?.includes(f.rule))) return false;
  if (p.assignee === 'me' && s.assignee?.id !== me.id) return false;
  if (p.assignee === 'unassigned' && s.assignee !== null) return false;
  if (p.slaAtRisk && slaState(s.dueAt, now) === 'ok') return false;
  if (p.team?.length && !(s.team && p.team.includes(s.team.teamId))) return false;
  if (q && !searchText(s).includes(q)) return false;
  return true;
}

/**
 * `matchesExceptStatus` made for one query: only the filters it sets are tested, over what each
 * row keeps (its search text and due time), so a scan of every item allocates nothing per row.
 */
function matcher(
  p: HandoffListParams,
  me: User,
  now: number,
  q: string | null,
): (r: Row) => boolean {
  const tests: ((r: Row) => boolean)[] = [];
  if (p.level?.length) {
    const levels = new Set<string>(p.level);
    tests.push((r) => levels.has(r.summary.level));
  }
  if (p.category?.length) {
    const categories = new Set<string>(p.category);
    tests.push((r) => categories.has(r.summary.category));
  }
  if (p.flag?.length) {
    const flags = new Set<string>(p.flag);
    tests.push((r) => r.summary.flags.some((f) => flags.has(f.rule)));
  }
  if (p.assignee === 'me') tests.push((r) => r.summary.assignee?.id === me.id);
  if (p.assignee === 'unassigned') tests.push((r) => r.summary.assignee === null);
  // As slaState: at risk or breached once the time left is within the risk window.
  if (p.slaAtRisk) tests.push((r) => r.due - now <= SLA_RISK_WINDOW_MS);
  if (p.team?.length) {
    const teams = new Set<string>(p.team);
    tests.push((r) => r.summary.team !== null && teams.has(r.summary.team.teamId));
  }
  if (q) tests.push((r) => r.hay.includes(q));
  const [a, b, ...rest] = tests;
  if (!a) return () => true;
  if (!b) return a;
  if (rest.length === 0) return (r) => a(r) && b(r);
  return (r) => tests.every((t) => t(r));
}

/** The row's key in one sort; the times come parsed from what the item keeps. */
function sortKey(
  kept: { summary: HandoffSummary; due: number; created: number },
  sort: NonNullable<HandoffListParams['sort']>,
  now: number,
) {
  switch (sort) {
    case 'priority':
      return priorityScore(kept.summary, now);
    case 'dueAt':
      return kept.due;
    case 'confidence':
      return kept.summary.confidence;
    case 'createdAt':
      return kept.created;
  }
}

interface Cursor {
  k: number | string;
  id: string;
}

const encodeCursor = (c: Cursor) => btoa(JSON.stringify(c));
function decodeCursor(raw: string): Cursor | null {
  try {
    const c = JSON.parse(atob(raw)) as Cursor;
    return typeof c.id === 'string' && (typeof c.k === 'number' || typeof c.k === 'string')
      ? c
      : null;
  } catch {
    return null;
  }
}

export class InvalidCursorError extends Error {}

type Sort = NonNullable<HandoffListParams['sort']>;
type Counts = StatusCounts;

/** Every item in one sort's ascending order, as of a world revision. */
interface SortIndex {
  revision: number;
  /** Moves when an item leaves the index, which row histories cannot tell a view. */
  generation: number;
  rows: Row[];
  /** Each row's slot, in the same order (the first rows.length entries), for column passes. */
  slots: Int32Array;
  /** Each item's row, by its slot. */
  bySlot: (Row | undefined)[];
  sort: Sort;
  /** The minute the priority order is for (other orders do not move with the clock). */
  minute: number;
}

/** One query's rows in its own order, with the counts by status its other filters allow. */
interface View {
  revision: number;
  /** The index the rows are from, and its generation then. */
  index: SortIndex;
  generation: number;
  rows: Row[];
  counts: Counts;
}

// Bounded, oldest first out: a reviewer switching filters keeps a few warm, not every one ever.
const INDEX_LIMIT = 4;
const VIEW_LIMIT = 8;

/**
 * Filters, sorts and pages the queue over indexes that follow the world's writes: each sort
 * keeps every item in order, and each recent query keeps its filtered rows. A write moves only
 * the entries of the items it touched (a binary search and a splice), so the page after a
 * write costs what a warm page costs. Priority depends on the clock; a minute's resolution
 * keeps pages consistent while scrolling, and a new minute builds its priority order afresh.
 */
export class HandoffLister {
  private summaries = new Map<string, { version: number; summary: HandoffSummary } & Kept>();
  private columns = new ItemColumns();
  private indexes = new Map<string, SortIndex>();
  private views = new Map<string, View>();

  private rowOf(h: Handoff, sort: Sort, minute: number): Row {
    let kept = this.summaries.get(h.id);
    if (!kept || kept.version !== h.version) {
      const summary = toSummary(h);
      const slot = kept?.slot ?? this.columns.slotOf(h.id);
      kept = {
        version: h.version,
        summary,
        hay: searchText(summary),
        due: Date.parse(h.dueAt),
        created: Date.parse(h.createdAt),
        slot,
      };
      this.summaries.set(h.id, kept);
      this.columns.set(slot, summary, kept.hay, kept.due);
    }
    const { summary, hay, due, created, slot } = kept;
    // Every field from the start, so all rows share one shape.
    const key = sortKey(kept, sort, minute);
    return { summary, key, hay, due, created, slot, since: 0, prev: null };
  }

  list(world: World, p: HandoffListParams, me: User, now: number): HandoffPage {
    const sort = p.sort ?? 'priority';
    // Higher priority first; everything else oldest/lowest first unless asked otherwise.
    const order = p.order ?? (sort === 'priority' ? 'desc' : 'asc');
    const minute = Math.floor(now / 60_000) * 60_000;
    const { cursor, limit, ...filters } = p;
    const index = this.indexOf(world, sort, minute);
    const viewKey = JSON.stringify([minute, me.id, sort, order, filters]);
    const view = this.viewOf(viewKey, index, world, p, me, minute, order);
    const { rows, counts } = view;

    let start = 0;
    if (cursor) {
      const c = decodeCursor(cursor);
      if (!c) throw new InvalidCursorError('The cursor is not one this server issued.');
      start = firstAfter(rows, c, order);
    }
    const size = limit ?? 50;
    const page = rows.slice(start, start + size);
    const last = page.at(-1);
    const hasMore = start + size < rows.length;
    return {
      items: page.map((r) => r.summary),
      nextCursor: hasMore && last ? encodeCursor({ k: last.key, id: last.summary.id }) : null,
      total: rows.length,
      counts: { ...counts },
    };
  }

  /**
   * The item claim-next hands out: the highest priority one `canTake` allows, `preferred` ones
   * (work routed to the claimer's own level) first, ties to the lowest id. It reads the queue's
   * own priority order from the top, so it is the item at the head of the reviewer's queue and
   * costs a few rows, not a pass over every item.
   */
  nextClaimable(
    world: World,
    now: number,
    canTake: (s: HandoffSummary) => boolean,
    /** How much the claimer prefers an item, 0 to `topRank`: a higher rank is served first. */
    rankOf: (s: HandoffSummary) => number,
    topRank = 1,
  ): string | null {
    const minute = Math.floor(now / 60_000) * 60_000;
    const { rows } = this.indexOf(world, 'priority', minute);
    // The most urgent item of each rank seen so far.
    const best: (Row | undefined)[] = [];
    // Read from the top: priority descends, and within one priority the id descends, so the
    // last of a run of equal priorities has the lowest id.
    for (let n = rows.length - 1; n >= 0; n--) {
      const row = rows[n]!;
      const top = best[topRank];
      if (top && row.key !== top.key) break;
      if (!canTake(row.summary)) continue;
      const r = rankOf(row.summary);
      const kept = best[r];
      if (!kept || row.key === kept.key) best[r] = row;
    }
    for (let r = topRank; r >= 0; r--) {
      const row = best[r];
      if (row) return row.summary.id;
    }
    return null;
  }

  private indexOf(world: World, sort: Sort, minute: number): SortIndex {
    // Only priority moves with the clock; the other orders hold from one minute to the next.
    const key = sort === 'priority' ? `${sort} ${minute}` : sort;
    const index = touch(this.indexes, key);
    if (index && this.catchUp(index, world)) return index;
    const built = this.build(world, sort, minute);
    remember(this.indexes, key, built, INDEX_LIMIT);
    return built;
  }

  /** The item's row in `index`, found by its slot in the columns; undefined when it has none. */
  private rowIn(index: SortIndex, id: string): Row | undefined {
    const slot = this.columns.slotIfAny(id);
    return slot === undefined ? undefined : index.bySlot[slot];
  }

  /** Moves the entries of the items written since the index last looked; false if it cannot. */
  private catchUp(index: SortIndex, world: World): boolean {
    const changed = world.changedSince(index.revision);
    if (!changed) return false;
    for (const id of changed) {
      const old = this.rowIn(index, id);
      if (old) removeFromIndex(index, old);
      const h = world.handoffs.get(id);
      if (!h) {
        if (old) index.bySlot[old.slot] = undefined;
        index.generation += 1;
        continue;
      }
      const row = this.rowOf(h, index.sort, index.minute);
      row.since = world.revision;
      row.prev = old ?? null;
      forgetBeyond(row);
      insertIntoIndex(index, row);
      index.bySlot[row.slot] = row;
    }
    index.revision = world.revision;
    return true;
  }

  /**
   * A new order of every item. When another order is kept and can catch up, its rows are
   * read instead of the world: they hold what a row needs, so a new order costs its sort and
   * not a lookup per item.
   */
  private build(world: World, sort: Sort, minute: number): SortIndex {
    let source: SortIndex | null = null;
    for (const other of [...this.indexes.values()].reverse()) {
      if (this.catchUp(other, world)) {
        source = other;
        break;
      }
    }
    const n = source?.rows.length ?? world.handoffs.size;
    const made: Row[] = new Array(n);
    const keys = new Float64Array(n);
    let numeric = true;
    let at = 0;
    const ids: string[] = new Array(n);
    const take = (row: Row) => {
      made[at] = row;
      if (typeof row.key === 'number') keys[at] = row.key;
      else numeric = false;
      ids[at] = row.summary.id;
      at += 1;
    };
    if (source) {
      // In slot order, the order the rows were first made in: memory is read front to back.
      const { bySlot } = source;
      for (let slot = 0; slot < bySlot.length; slot++) {
        const row = bySlot[slot];
        if (!row) continue;
        const { summary, hay, due, created } = row;
        const key = sortKey(row, sort, minute);
        take({ summary, key, hay, due, created, slot, since: world.revision, prev: null });
      }
    } else {
      for (const h of world.handoffs.values()) {
        const row = this.rowOf(h, sort, minute);
        row.since = world.revision;
        take(row);
      }
      // The first order read every item: the search text is put together now, not on the
      // first search.
      this.columns.text.flush();
    }
    const positions = numeric ? sortedPositions(keys, ids) : null;
    const rows: Row[] = positions ? new Array(n) : made.sort(compareRows);
    if (positions) for (let at = 0; at < n; at++) rows[at] = made[positions[at]!]!;
    const slots = new Int32Array(Math.max(1024, n + (n >> 3)));
    const bySlot: (Row | undefined)[] = new Array(this.columns.size);
    for (let at = 0; at < n; at++) {
      const row = rows[at]!;
      slots[at] = row.slot;
      bySlot[row.slot] = row;
    }
    return { sort, minute, revision: world.revision, generation: 0, rows, slots, bySlot };
  }

  private viewOf(
    key: string,
    index: SortIndex,
    world: World,
    p: HandoffListParams,
    me: User,
    minute: number,
    order: 'asc' | 'desc',
  ): View {
    const q = p.q?.trim().toLowerCase() || null;
    const dir = order === 'asc' ? 1 : -1;
    const statusAllows = (s: HandoffSummary) => !p.status?.length || p.status.includes(s.status);
    const matches = matcher(p, me, minute, q);
    let view = touch(this.views, key);
    const changed =
      view?.index === index && view.generation === index.generation
        ? world.changedSince(view.revision)
        : null;
    const at = view?.revision ?? 0;
    /** The item's row as the view last saw it: undefined when it is not known. */
    const seen = (row: Row | undefined): Row | null | undefined => {
      let r: Row | null | undefined = row;
      while (r && (r.since ?? 0) > at) r = r.prev;
      return r;
    };
    const rowOf = (id: string) => this.rowIn(index, id);
    if (view && changed?.every((id) => seen(rowOf(id)) !== undefined)) {
      for (const id of changed) {
        const old = seen(rowOf(id));
        if (old && matches(old)) {
          view.counts[old.summary.status] -= 1;
          if (statusAllows(old.summary)) remove(view.rows, old, dir);
        }
        const row = rowOf(id);
        if (!row || !matches(row)) continue;
        view.counts[row.summary.status] += 1;
        if (statusAllows(row.summary)) insert(view.rows, row, dir);
      }
      view.revision = world.revision;
      return view;
    }
    const { rows, counts } = this.scan(index, p, me, minute, q, dir);
    view = { revision: world.revision, index, generation: index.generation, rows, counts };
    remember(this.views, key, view, VIEW_LIMIT);
    return view;
  }

  /**
   * A view's rows and counts from scratch: one pass over the index's slots in order, reading
   * the filter columns, so only the rows that match are touched. The index is ascending: a
   * descending view reads it backwards, no sort.
   */
  private scan(
    index: SortIndex,
    p: HandoffListParams,
    me: User,
    minute: number,
    q: string | null,
    dir: 1 | -1,
  ): { rows: Row[]; counts: Counts } {
    const columns = this.columns;
    const { test, verify } = columns.filter(p, me, minute, q);
    const statusAllows = columns.statusFilter(p);
    const tally = new Array<number>(statuses.length).fill(0);
    const status = columns.status;
    const rows: Row[] = [];
    const all = index.rows;
    const slots = index.slots;
    const length = all.length;
    for (let n = 0; n < length; n++) {
      const at = dir === 1 ? n : length - 1 - n;
      const slot = slots[at]!;
      if (!test(slot)) continue;
      if (verify && !verify(all[at]!.summary)) continue;
      tally[status[slot]!]! += 1;
      if (statusAllows(slot)) rows.push(all[at]!);
    }
    const counts = Object.fromEntries(statuses.map((s, n) => [s, tally[n]!])) as Counts;
    return { rows, counts };
  }
}

function insertIntoIndex(index: SortIndex, row: Row) {
  const at = lowerBound(index.rows, row, 1);
  const length = index.rows.length;
  if (length + 1 > index.slots.length) {
    const wider = new Int32Array(index.slots.length * 2);
    wider.set(index.slots);
    index.slots = wider;
  }
  index.slots.copyWithin(at + 1, at, length);
  index.slots[at] = row.slot;
  index.rows.splice(at, 0, row);
}

function removeFromIndex(index: SortIndex, row: Row) {
  const at = lowerBound(index.rows, row, 1);
  if (index.rows[at] !== row) return;
  index.slots.copyWithin(at, at + 1, index.rows.length);
  index.rows.splice(at, 1);
}

/** Keeps the HISTORY rows before `row`, forgetting older ones. */
function forgetBeyond(row: Row) {
  let r: Row = row;
  for (let n = 0; n < HISTORY; n++) {
    if (!r.prev) return;
    r = r.prev;
  }
  r.prev = undefined;
}

/** The entry under `key`, marked as the most recently used. */
function touch<T>(cache: Map<string, T>, key: string): T | undefined {
  const value = cache.get(key);
  if (value !== undefined) {
    cache.delete(key);
    cache.set(key, value);
  }
  return value;
}

function remember<T>(cache: Map<string, T>, key: string, value: T, limit: number) {
  cache.delete(key);
  cache.set(key, value);
  while (cache.size > limit) cache.delete(cache.keys().next().value as string);
}

/** Index of the first row not before `row` in an order of direction `dir`. */
function lowerBound(rows: Row[], row: Row, dir: 1 | -1): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareRows(rows[mid]!, row) * dir < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insert(rows: Row[], row: Row, dir: 1 | -1) {
  rows.splice(lowerBound(rows, row, dir), 0, row);
}

function remove(rows: Row[], row: Row, dir: 1 | -1) {
  const at = lowerBound(rows, row, dir);
  if (rows[at] === row) rows.splice(at, 1);
}

function compareRows(a: Row | Cursor, b: Row | Cursor): number {
  const ak = 'key' in a ? a.key : a.k;
  const bk = 'key' in b ? b.key : b.k;
  if (ak < bk) return -1;
  if (ak > bk) return 1;
  const aid = 'summary' in a ? a.summary.id : a.id;
  const bid = 'summary' in b ? b.summary.id : b.id;
  return aid < bid ? -1 : aid > bid ? 1 : 0;
}

/** Index of the first row strictly after the cursor, by binary search over the sorted rows. */
function firstAfter(rows: Row[], c: Cursor, order: 'asc' | 'desc'): number {
  const dir = order === 'asc' ? 1 : -1;
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareRows(rows[mid]!, c) * dir <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
