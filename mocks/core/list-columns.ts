import type { HandoffListParams, HandoffSummary, User } from '../../src/api/handoff-schemas';
import { handoffStatusSchema } from '../../src/api/handoff-schemas';
import { SLA_RISK_WINDOW_MS } from '../../src/domain/sla';

/*
 * What the queue's filters read, one column per field, indexed by a small number per item (its
 * slot). A filter that builds a view reads these columns in a sort index's order: a few typed
 * arrays that fit in the processor's cache, instead of every item's summary scattered over the
 * heap. Reaching 100,000 summaries in a random order costs ~25 ms of cache misses; reading
 * the same filter from the columns costs about a millisecond, so the column pass needs no
 * inverted lists to pick a smallest set first: every filtered view is one pass in order.
 */

export const statuses = handoffStatusSchema.options;
type Status = (typeof statuses)[number];
const statusCode = new Map<string, number>(statuses.map((s, n) => [s, n]));

/** Rules with a code below this get a bit of their own in the flags column. */
const RULE_BITS = 31;
/** The bit an item carries when it has a rule beyond the first RULE_BITS: its row is read. */
const OTHER_RULES = 2 ** RULE_BITS;

/** Names to small numbers, 0 for none; codes are never reused, so a column never misreads. */
class Codes {
  private codes = new Map<string, number>();
  of(name: string | null | undefined): number {
    if (name === null || name === undefined) return 0;
    let code = this.codes.get(name);
    if (code === undefined) {
      code = this.codes.size + 1;
      this.codes.set(name, code);
    }
    return code;
  }
  /** The code of a name already seen, or -1: a name no item ever had matches nothing. */
  known(name: string): number {
    return this.codes.get(name) ?? -1;
  }
}

/** A filter over slots, and the rare check that needs the item's summary itself. */
export interface SlotFilter {
  test: (slot: number) => boolean;
  /** Set when the columns only narrow the answer: each slot that passes is checked again. */
  verify: ((s: HandoffSummary) => boolean) | null;
}

export class ItemColumns {
  private slots = new Map<string, number>();
  private capacity = 0;
  status = new Uint8Array(0);
  level = new Int32Array(0);
  category = new Int32Array(0);
  flags = new Uint32Array(0);
  assignee = new Int32Array(0);
  team = new Int32Array(0);
  due = new Float64Array(0);
  private levels = new Codes();
  private categories = new Codes();
  private rules = new Codes();
  private people = new Codes();
  private teams = new Codes();
  readonly text = new SearchText();

  /** The item's slot, given on first sight and kept for the lister's lifetime. */
  slotOf(id: string): number {
    let slot = this.slots.get(id);
    if (slot === undefined) {
      slot = this.slots.size;
      this.slots.set(id, slot);
      if (slot >= this.capacity) this.grow(Math.max(1024, this.capacity * 2));
    }
    return slot;
  }

  /** The item's slot if it has one. */
  slotIfAny(id: string): number | undefined {
    return this.slots.get(id);
  }

  /** How many slots were ever given: every column is at least this long. */
  get size(): number {
    return this.slots.size;
  }

  /** Records what an item's filters read, as of the summary given. */
  set(slot: number, s: HandoffSummary, hay: string, due: number) {
    this.status[slot] = statusCode.get(s.status) ?? 0;
    this.level[slot] = this.levels.of(s.level);
    this.category[slot] = this.categories.of(s.category);
    let mask = 0;
    for (const f of s.flags) {
      const code = this.rules.of(f.rule) - 1;
      mask |= code < RULE_BITS ? 2 ** code : OTHER_RULES;
    }
    this.flags[slot] = mask;
    this.assignee[slot] = this.people.of(s.assignee?.id);
    this.team[slot] = this.teams.of(s.team?.teamId);
    this.due[slot] = due;
    this.text.set(slot, hay);
  }

  /**
   * The filters of one query but the status, as a test over slots; `q` already lower-cased,
   * `now` the minute the query is answered at. Gives exactly what `matchesExceptStatus` gives.
   */
  filter(p: HandoffListParams, me: User, now: number, q: string | null): SlotFilter {
    const tests: ((slot: number) => boolean)[] = [];
    const within = (codes: Codes, names: readonly string[], column: Int32Array) => {
      const wanted = new Set(names.map((n) => codes.known(n)));
      tests.push((slot) => wanted.has(column[slot]!));
    };
    if (p.level?.length) within(this.levels, p.level, this.level);
    if (p.category?.length) within(this.categories, p.category, this.category);
    if (p.team?.length) within(this.teams, p.team, this.team);
    if (p.assignee === 'me') {
      const mine = this.people.known(me.id);
      const column = this.assignee;
      tests.push((slot) => column[slot] === mine);
    }
    if (p.assignee === 'unassigned') {
      const column = this.assignee;
      tests.push((slot) => column[slot] === 0);
    }
    if (p.slaAtRisk) {
      // As slaState: at risk or breached once the time left is within the risk window.
      const column = this.due;
      tests.push((slot) => column[slot]! - now <= SLA_RISK_WINDOW_MS);
    }
    let verify: SlotFilter['verify'] = null;
    if (p.flag?.length) {
      let wanted = 0;
      let beyond = false;
      for (const rule of p.flag) {
        const code = this.rules.known(rule) - 1;
        if (code >= RULE_BITS) beyond = true;
        else if (code >= 0) wanted |= 2 ** code;
      }
      const column = this.flags;
      if (!beyond) tests.push((slot) => (column[slot]! & wanted) !== 0);
      else {
        // A rule past the bits: items carrying any such rule are read to tell which.
        tests.push((slot) => (column[slot]! & (wanted | OTHER_RULES)) !== 0);
        const rules = new Set<string>(p.flag);
        verify = (s) => s.flags.some((f) => rules.has(f.rule));
      }
    }
    if (q) {
      const found = this.text.find(q);
      tests.push((slot) => found[slot] === 1);
    }
    const [a, b, ...rest] = tests;
    const test =
      a === undefined
        ? () => true
        : b === undefined
          ? a
          : rest.length === 0
            ? (slot: number) => a(slot) && b(slot)
            : (slot: number) => tests.every((t) => t(slot));
    return { test, verify };
  }

  /** Whether the status filter lets the slot's item through. */
  statusFilter(p: HandoffListParams): (slot: number) => boolean {
    if (!p.status?.length) return () => true;
    const allowed = new Uint8Array(statuses.length);
    for (const s of p.status) allowed[statusCode.get(s) ?? 0] = 1;
    const column = this.status;
    return (slot) => allowed[column[slot]!] === 1;
  }

  statusOf(slot: number): Status {
    return statuses[this.status[slot]!]!;
  }

  private grow(capacity: number) {
    const widen = <T extends Uint8Array | Int32Array | Uint32Array | Float64Array>(
      old: T,
      make: (n: number) => T,
    ): T => {
      const next = make(capacity);
      next.set(old);
      return next;
    };
    this.status = widen(this.status, (n) => new Uint8Array(n));
    this.level = widen(this.level, (n) => new Int32Array(n));
    this.category = widen(this.category, (n) => new Int32Array(n));
    this.flags = widen(this.flags, (n) => new Uint32Array(n));
    this.assignee = widen(this.assignee, (n) => new Int32Array(n));
    this.team = widen(this.team, (n) => new Int32Array(n));
    this.due = widen(this.due, (n) => new Float64Array(n));
    this.capacity = capacity;
  }
}

/** Separates items' texts; a query holding it is answered by reading each text. */
const SEPARATOR = '\u0000';

/**
 * Every item's search text in one string, so a substring search is a run of `indexOf` over a
 * few megabytes instead of a call per item; the answer is exactly `hay.includes(q)` per item.
 * An item whose text changes gets a new span at the end and its old span goes dead; when
 * the dead outnumber the live, the string is written afresh.
 */
export class SearchText {
  private hays: string[] = [];
  /** The current span of each slot, -1 for none. */
  private spanOfSlot: number[] = [];
  /** Span n runs from starts[n] to starts[n + 1] - 1 (the separator) and belongs to slots[n]. */
  private starts: number[] = [];
  private owners: number[] = [];
  private text = '';
  private length = 0;
  private pending: string[] = [];
  private dead = 0;

  set(slot: number, hay: string) {
    if (this.hays[slot] === hay) return;
    const old = this.spanOfSlot[slot];
    if (old !== undefined && old >= 0) this.dead += 1;
    this.hays[slot] = hay;
    this.spanOfSlot[slot] = this.starts.length;
    this.starts.push(this.length);
    this.owners.push(slot);
    this.pending.push(hay);
    this.length += hay.length + 1;
  }

  /** Marks (1) the slots whose text contains `q`, over every slot given so far. */
  find(q: string): Uint8Array {
    const found = new Uint8Array(this.hays.length);
    if (q.includes(SEPARATOR)) {
      this.hays.forEach((hay, slot) => {
        if (hay.includes(q)) found[slot] = 1;
      });
      return found;
    }
    this.flush();
    const { text, starts, owners, spanOfSlot } = this;
    let at = text.indexOf(q);
    while (at !== -1) {
      // The span holding the match: the last one starting at or before it.
      let lo = 0;
      let hi = starts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid]! <= at) lo = mid + 1;
        else hi = mid;
      }
      const span = lo - 1;
      const slot = owners[span]!;
      if (spanOfSlot[slot] === span) found[slot] = 1;
      // One match is enough for an item: go on from the next item's text.
      if (lo >= starts.length) break;
      at = text.indexOf(q, starts[lo]!);
    }
    return found;
  }

  /** Puts the texts set since the last search into the string. */
  flush() {
    if (this.dead > this.starts.length / 2) this.compact();
    if (this.pending.length > 0) {
      this.text += `${this.pending.join(SEPARATOR)}${SEPARATOR}`;
      this.pending = [];
    }
  }

  /** Writes the string afresh from the live texts only. */
  private compact() {
    const parts: string[] = [];
    this.starts = [];
    this.owners = [];
    this.length = 0;
    this.hays.forEach((hay, slot) => {
      if (hay === undefined) return;
      this.spanOfSlot[slot] = this.starts.length;
      this.starts.push(this.length);
      this.owners.push(slot);
      parts.push(hay);
      this.length += hay.length + 1;
    });
    this.text = parts.length > 0 ? `${parts.join(SEPARATOR)}${SEPARATOR}` : '';
    this.pending = [];
    this.dead = 0;
  }
}
