import type { AuditEvent } from '../../../src/api/handoff-schemas';
import type { EventLog } from '../event-log';
import { type EntryKey, eventKey } from './cursor';

/*
 * Walks the event log newest first within a window, for the pages and totals of the audit
 * log and the feedback export. The window comes from binary searches (time range, cursor);
 * only the filters that are not ranges are tested entry by entry.
 */

export type EventTest = (e: AuditEvent) => boolean;

export interface Window {
  /** First index in range (inclusive). */
  lo: number;
  /** End of range (exclusive). */
  hi: number;
}

/** The log indexes within [from, to] (inclusive, ms) and strictly older than `before`. */
export function windowOf(
  log: EventLog,
  from: number | null,
  to: number | null,
  before: EntryKey | null,
): Window {
  const lo = from === null ? 0 : log.firstAtTime(from);
  let hi = to === null ? log.size : log.firstAfterTime(to);
  if (before) {
    // An event sorts before a policy change of the same instant.
    const end =
      before.r === 0
        ? log.firstAtKey({ t: before.t, seq: before.s })
        : log.firstAfterTime(before.t);
    hi = Math.min(hi, end);
  }
  return { lo, hi: Math.max(lo, hi) };
}

/**
 * Which entries a scan looks at: the whole window, or only the given log indexes (newest
 * first) when a filter names the items, whose few events the world finds without a scan.
 */
export type Candidates = readonly number[] | null;

/** Matching log indexes, newest first, one at a time. */
export function* newestFirst(log: EventLog, w: Window, test: EventTest | null, only: Candidates) {
  if (only) {
    for (const i of only) if (i >= w.lo && i < w.hi && (!test || test(log.events[i]!))) yield i;
    return;
  }
  for (let i = w.hi - 1; i >= w.lo; i--) {
    if (!test || test(log.events[i]!)) yield i;
  }
}

/**
 * How many entries of the window match, keeping the newest `keep` of them: a first page and
 * its total cost one pass over the log, not two.
 */
export function countIn(
  log: EventLog,
  w: Window,
  test: EventTest | null,
  only: Candidates,
  keep = 0,
): { count: number; newest: number[] } {
  const newest: number[] = [];
  if (!test && !only) {
    for (let i = w.hi - 1; i >= w.lo && newest.length < keep; i--) newest.push(i);
    return { count: w.hi - w.lo, newest };
  }
  let count = 0;
  for (const i of newestFirst(log, w, test, only)) {
    if (newest.length < keep) newest.push(i);
    count++;
  }
  return { count, newest };
}

/** The log indexes of the events of `ids`, newest first. */
export function indexesOf(
  log: EventLog,
  events: ReadonlyMap<string, readonly AuditEvent[]>,
  ids: Iterable<string>,
): number[] {
  const out: number[] = [];
  for (const id of ids) {
    for (const e of events.get(id) ?? []) {
      const i = log.indexOf(e);
      if (i >= 0) out.push(i);
    }
  }
  return out.sort((a, b) => b - a);
}

export const keyAt = (log: EventLog, i: number): EntryKey =>
  eventKey({ t: log.times[i]!, seq: log.seqs[i]! });

/**
 * Totals per filter, recomputed only when the log or the policy history has moved. Exports
 * ask for page after page of one filter; each page then costs its own entries, not a recount.
 */
export class TotalCache {
  private entries = new Map<string, number>();
  private stamp: unknown[] = [];

  get(stamp: unknown[], key: string, count: () => number): number {
    if (stamp.length !== this.stamp.length || stamp.some((v, i) => v !== this.stamp[i])) {
      this.entries.clear();
      this.stamp = stamp;
    }
    let total = this.entries.get(key);
    if (total === undefined) {
      total = count();
      if (this.entries.size >= 32) this.entries.clear();
      this.entries.set(key, total);
    }
    return total;
  }
}

/** Milliseconds of an optional ISO bound. */
export const msOf = (iso: string | undefined) => (iso === undefined ? null : Date.parse(iso));

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Case-insensitive "contains" tests. `repeated` remembers its answer per distinct string, for
 * fields with few distinct values across the log (outcomes, names, reasons: a few thousand in
 * 250,000 events): a map look-up instead of a
 * regular expression run. `once` runs the expression, for fields that are mostly unique.
 */
export function textTests(q: string) {
  const re = new RegExp(escapeRegExp(q), 'i');
  const seen = new Map<string, boolean>();
  const repeated = (text: string) => {
    let hit = seen.get(text);
    if (hit === undefined) {
      hit = re.test(text);
      if (seen.size < 50_000) seen.set(text, hit);
    }
    return hit;
  };
  const once = (text: string | null) => text !== null && re.test(text);
  return { repeated, once };
}

type Handoffs = ReadonlyMap<string, { id: string; ticket: { number: number } }>;

/** Ticket number → item ids, rebuilt only when items are added (numbers never change). */
const byTicket = new WeakMap<Handoffs, { size: number; ids: Map<number, string[]> }>();

function ticketIndex(handoffs: Handoffs): Map<number, string[]> {
  const cached = byTicket.get(handoffs);
  if (cached?.size === handoffs.size) return cached.ids;
  const ids = new Map<number, string[]>();
  for (const h of handoffs.values()) {
    const list = ids.get(h.ticket.number);
    if (list) list.push(h.id);
    else ids.set(h.ticket.number, [h.id]);
  }
  byTicket.set(handoffs, { size: handoffs.size, ids });
  return ids;
}

/** The items an "item" filter names: an id, or a ticket number as "4521" or "#4521". */
export function itemIds(handoffs: Handoffs, item: string): Set<string> {
  const text = item.trim();
  if (handoffs.has(text)) return new Set([text]);
  const number = /^#?(\d{1,9})$/.exec(text)?.[1];
  if (number === undefined) return new Set();
  return new Set(ticketIndex(handoffs).get(Number(number)) ?? []);
}
