import type {
  Handoff,
  HandoffListParams,
  HandoffPage,
  HandoffSummary,
  StatusCounts,
  User,
} from '../../src/api/handoff-schemas';
import { handoffStatusSchema } from '../../src/api/handoff-schemas';
import { priorityScore, slaState } from '../../src/domain/sla';
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

type Row = { summary: HandoffSummary; key: number | string };

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
  if (q && !`${s.ticketNumber} ${s.subject} ${s.customerName}`.toLowerCase().includes(q))
    return false;
  return true;
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
  rows: Row[];
  byId: Map<string, Row>;
}

/** One query's rows in its own order, with the counts by status its other filters allow. */
interface View {
  revision: number;
  rows: Row[];
  /** The rows of every item matching all but the status filter: what the counts count. */
  matched: Map<string, Row>;
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
  private summaries = new Map<string, { version: number; summary: HandoffSummary }>();
  private indexes = new Map<string, SortIndex>();
  private views = new Map<string, View>();

  private summaryOf(h: Handoff): HandoffSummary {
    const cached = this.summaries.get(h.id);
    if (cached && cached.version === h.version) return cached.summary;
    const summary = toSummary(h);
    this.summaries.set(h.id, { version: h.version, summary });
    return summary;
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
          continue;
        }
        const summary = this.summaryOf(h);
        const row = { summary, key: sortKey(summary, sort, minute) };
        insert(index.rows, row, 1);
        index.byId.set(id, row);
      }
      index.revision = world.revision;
      return index;
    }
    const rows: Row[] = [];
    for (const h of world.handoffs.values()) {
      const summary = this.summaryOf(h);
      rows.push({ summary, key: sortKey(summary, sort, minute) });
    }
    rows.sort(compareRows);
    index = {
      revision: world.revision,
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
    let view = touch(this.views, key);
    const changed = view && world.changedSince(view.revision);
    if (view && changed) {
      for (const id of changed) {
        const old = view.matched.get(id);
        if (old) {
          view.counts[old.summary.status] -= 1;
          view.matched.delete(id);
          if (statusAllows(old.summary)) remove(view.rows, old, dir);
        }
        const row = index.byId.get(id);
        if (!row || !matchesExceptStatus(row.summary, p, me, minute, q)) continue;
        view.counts[row.summary.status] += 1;
        view.matched.set(id, row);
        if (statusAllows(row.summary)) insert(view.rows, row, dir);
      }
      view.revision = world.revision;
      return view;
    }
    const counts = Object.fromEntries(handoffStatusSchema.options.map((s) => [s, 0])) as Counts;
    const rows: Row[] = [];
    const matched = new Map<string, Row>();
    const all = index.rows;
    // The index is in ascending order already: a descending view reads it backwards, no sort.
    for (let n = 0; n < all.length; n++) {
      const row = all[dir === 1 ? n : all.length - 1 - n]!;
      if (!matchesExceptStatus(row.summary, p, me, minute, q)) continue;
      counts[row.summary.status] += 1;
      matched.set(row.summary.id, row);
      if (statusAllows(row.summary)) rows.push(row);
    }
    view = { revision: world.revision, rows, matched, counts };
    remember(this.views, key, view, VIEW_LIMIT);
    return view;
  }
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
