import type {
  Handoff,
  HandoffListParams,
  HandoffPage,
  HandoffStatus,
  HandoffSummary,
  StatusCounts,
  User,
} from '../../src/api/handoff-schemas';
import { handoffStatusSchema } from '../../src/api/handoff-schemas';
import { priorityScore, slaState } from '../../src/domain/sla';

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

function matchesExceptStatus(
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

/**
 * Filters, sorts and pages the queue. The sorted result is cached per world revision and
 * query, so scrolling through 100,000 items does not re-sort on every page.
 */
export class HandoffLister {
  private cache: { key: string; rows: Row[]; counts: StatusCounts } | null = null;
  private summaries = new Map<string, { version: number; summary: HandoffSummary }>();

  private summaryOf(h: Handoff): HandoffSummary {
    const cached = this.summaries.get(h.id);
    if (cached && cached.version === h.version) return cached.summary;
    const summary = toSummary(h);
    this.summaries.set(h.id, { version: h.version, summary });
    return summary;
  }

  list(
    handoffs: Iterable<Handoff>,
    revision: number,
    p: HandoffListParams,
    me: User,
    now: number,
  ): HandoffPage {
    const sort = p.sort ?? 'priority';
    // Higher priority first; everything else oldest/lowest first unless asked otherwise.
    const order = p.order ?? (sort === 'priority' ? 'desc' : 'asc');
    // Priority depends on the clock; a minute's resolution keeps pages consistent while scrolling.
    const minute = Math.floor(now / 60_000) * 60_000;
    const { cursor, limit, ...filters } = p;
    const cacheKey = JSON.stringify([revision, minute, me.id, sort, order, filters]);
    if (this.cache?.key !== cacheKey)
      this.cache = { key: cacheKey, ...this.build(handoffs, p, me, minute, sort, order) };
    const { rows, counts } = this.cache;

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
      counts,
    };
  }

  private build(
    handoffs: Iterable<Handoff>,
    p: HandoffListParams,
    me: User,
    now: number,
    sort: NonNullable<HandoffListParams['sort']>,
    order: 'asc' | 'desc',
  ) {
    const counts = Object.fromEntries(handoffStatusSchema.options.map((s) => [s, 0])) as Record<
      HandoffStatus,
      number
    >;
    const q = p.q?.trim().toLowerCase() || null;
    const rows: Row[] = [];
    for (const h of handoffs) {
      const s = this.summaryOf(h);
      if (!matchesExceptStatus(s, p, me, now, q)) continue;
      counts[s.status] += 1;
      if (p.status?.length && !p.status.includes(s.status)) continue;
      rows.push({ summary: s, key: sortKey(s, sort, now) });
    }
    const dir = order === 'asc' ? 1 : -1;
    rows.sort((a, b) => compareRows(a, b) * dir);
    return { rows, counts };
  }
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
