import type { AuditEvent } from '../../src/api/handoff-schemas';

/*
 * Every item's events in one append-only sequence, oldest first: the index the global audit
 * log and the feedback export page through. Entries are ordered by (time, commit number);
 * events arrive at the clock's time, so an append is a push, and pages are binary searches
 * over it instead of a flatten-and-sort of 500,000 events per request.
 */

/** An entry's place in the log: its time in ms, then its commit number. */
export interface LogKey {
  t: number;
  seq: number;
}

export class EventLog {
  readonly events: AuditEvent[] = [];
  readonly times: number[] = [];
  readonly seqs: number[] = [];
  private committed = 0;

  /** A log of `events` as loaded from storage: ordered by time, ties kept in stored order. */
  static from(events: readonly AuditEvent[]): EventLog {
    const log = new EventLog();
    const order = events.map((e, i) => ({ e, t: Date.parse(e.at), i }));
    order.sort((a, b) => a.t - b.t || a.i - b.i);
    for (const { e, t } of order) log.push(e, t);
    return log;
  }

  get size(): number {
    return this.events.length;
  }

  private push(e: AuditEvent, t: number) {
    this.events.push(e);
    this.times.push(t);
    this.seqs.push(this.committed++);
  }

  /**
   * Appends a committed event. One stamped earlier than the last (a clock stepping back) goes
   * in its place by time, after every event of the same instant, so pages stay in order.
   */
  append(e: AuditEvent): void {
    const t = Date.parse(e.at);
    const last = this.times.at(-1);
    if (last === undefined || t >= last) {
      this.push(e, t);
      return;
    }
    const at = this.firstAfterTime(t);
    this.events.splice(at, 0, e);
    this.times.splice(at, 0, t);
    this.seqs.splice(at, 0, this.committed++);
  }

  /** Index of the first entry later than `t` ms. */
  firstAfterTime(t: number): number {
    let lo = 0;
    let hi = this.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.times[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the first entry at or after `t` ms. */
  firstAtTime(t: number): number {
    let lo = 0;
    let hi = this.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.times[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Where `e` sits in the log, or -1: a binary search by time, then a look along its instant. */
  indexOf(e: AuditEvent): number {
    const t = Date.parse(e.at);
    for (let i = this.firstAtTime(t); i < this.times.length && this.times[i] === t; i++) {
      if (this.events[i] === e) return i;
    }
    return -1;
  }

  /** Index of the first entry whose key is not below `key`. */
  firstAtKey(key: LogKey): number {
    let lo = 0;
    let hi = this.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const t = this.times[mid]!;
      if (t < key.t || (t === key.t && this.seqs[mid]! < key.seq)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
