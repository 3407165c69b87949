import type {
  Handoff,
  HandoffListParams,
  HandoffPage,
  HandoffSummary,
  StatusCounts,
  User,
} from '../../src/api/handoff-schemas';
import { handoffStatusSchema } from '../../src/api/handoff-schemas';
import { priorityScore, SLA_RISK_WINDOW_MS, slaState } from '../../src/domain/sla';
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

function sortKey(s: HandoffSummary, sort: NonNullable<HandoffListParams['sort']>, now: number) {
  switch (sort) {
    case 'priority':
      return priorityScore(s, now);
    case 'dueAt':
      return Date.parse(s.dueAt);
    case 'confidence':
      return s.confidence;
    case 'createdAt':
      return Date.parse(s.createdAt);
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
  byId: Map<string, Row>;
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
  private indexes = new Map<string, SortIndex>();
  private views = new Map<string, View>();

  private rowOf(h: Handoff, sort: Sort, minute: number): Row {
    let kept = this.summaries.get(h.id);
    if (!kept || kept.version !== h.version) {
      const summary = toSummary(h);
      kept = { version: h.version, summary, hay: searchText(summary), due: Date.parse(h.dueAt) };
      this.summaries.set(h.id, kept);
    }
    const { summary, hay, due } = kept;
    return { summary, key: sortKey(summary, sort, minute), hay, due };
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
    let index = touch(this.indexes, key);
    const changed = index && world.changedSince(index.revision);
    if (index && changed) {
      for (const id of changed) {
        const old = index.byId.get(id);
        if (old) remove(index.rows, old, 1);
        const h = world.handoffs.get(id);
        if (!h) {
          index.byId.delete(id);
          index.generation += 1;
          continue;
        }
        const row = this.rowOf(h, sort, minute);
        row.since = world.revision;
        row.prev = old ?? null;
        forgetBeyond(row);
        insert(index.rows, row, 1);
        index.byId.set(id, row);
      }
      index.revision = world.revision;
      return index;
    }
    const rows: Row[] = [];
    for (const h of world.handoffs.values()) {
      const row = this.rowOf(h, sort, minute);
      row.since = world.revision;
      row.prev = null;
      rows.push(row);
    }
    rows.sort(compareRows);
    index = {
      revision: world.revision,
      generation: 0,
      rows,
      byId: new Map(rows.map((r) => [r.summary.id, r])),
    };
    remember(this.indexes, key, index, INDEX_LIMIT);
    return index;
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
    if (view && changed?.every((id) => seen(index.byId.get(id)) !== undefined)) {
      for (const id of changed) {
        const old = seen(index.byId.get(id));
        if (old && matches(old)) {
          view.counts[old.summary.status] -= 1;
          if (statusAllows(old.summary)) remove(view.rows, old, dir);
        }
        const row = index.byId.get(id);
        if (!row || !matches(row)) continue;
        view.counts[row.summary.status] += 1;
        if (statusAllows(row.summary)) insert(view.rows, row, dir);
      }
      view.revision = world.revision;
      return view;
    }
    const counts = Object.fromEntries(handoffStatusSchema.options.map((s) => [s, 0])) as Counts;
    const rows: Row[] = [];
    const all = index.rows;
    // The index is in ascending order already: a descending view reads it backwards, no sort.
    for (let n = 0; n < all.length; n++) {
      const row = all[dir === 1 ? n : all.length - 1 - n]!;
      if (!matches(row)) continue;
      counts[row.summary.status] += 1;
      if (statusAllows(row.summary)) rows.push(row);
    }
    view = { revision: world.revision, index, generation: index.generation, rows, counts };
    remember(this.views, key, view, VIEW_LIMIT);
    return view;
  }
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
