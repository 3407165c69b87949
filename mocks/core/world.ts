import type { AuditEvent, Handoff, User } from '../../src/api/handoff-schemas';
import { EventLog } from './event-log';
import type { Change, ReplyNote, Snapshot, StoredReply } from './persistence';

/** The backend's in-memory state, with a revision that moves on every write. */
export class World {
  readonly handoffs = new Map<string, Handoff>();
  readonly events = new Map<string, AuditEvent[]>();
  readonly users = new Map<string, User>();
  /** Every remembered write by its key, oldest first; bodies only when nothing else keeps them. */
  readonly idempotency = new Map<string, ReplyNote>();
  /** Whole records remembered but not yet known to be stored, whose notes hold no body. */
  private readonly unstored = new Map<string, StoredReply>();
  /** Every item's events in one sequence, in commit order: the global audit log's index. */
  readonly log: EventLog;
  private readonly settings = new Map<string, unknown>();
  revision = 0;
  private eventCount = 0;
  private pending: Change = emptyChange();
  /** The ids `putHandoff` wrote (or gave an event), with the revision each write made: what indexes catch up on. */
  private journal: { revision: number; id: string }[] = [];
  /** The journal holds every item write made after this revision. */
  private journalFrom = 0;

  /**
   * `after`: the revision of the world this one replaces (a reset, or a return to what is
   * stored). Revisions go on from there, so an index built on the old world never reads as
   * current on the new one: asked what changed since, the new world says to rebuild.
   */
  constructor(
    snapshot: Snapshot,
    after = 0,
    /** Reads a committed idempotency record back from its store; the world then keeps none. */
    private readonly storedReply?: (key: string) => StoredReply | undefined,
  ) {
    this.revision = after;
    this.journalFrom = after;
    for (const h of snapshot.handoffs) this.handoffs.set(h.id, h);
    for (const e of snapshot.events) this.addEvent(e);
    this.log = EventLog.from(snapshot.events);
    for (const u of snapshot.users) this.users.set(u.id, u);
    // Oldest first, so expiry can stop at the first record still fresh.
    const remembered = [...snapshot.idempotency].sort((a, b) => a[1].at - b[1].at);
    for (const [k, v] of remembered) this.idempotency.set(k, this.noteOf(v));
    for (const [k, v] of snapshot.settings ?? []) this.settings.set(k, v);
  }

  private addEvent(event: AuditEvent) {
    const list = this.events.get(event.handoffId);
    if (list) list.push(event);
    else this.events.set(event.handoffId, [event]);
    this.eventCount += 1;
  }

  nextEventId(): string {
    return `e-${(this.eventCount + 1).toString(36)}-${this.revision.toString(36)}`;
  }

  putHandoff(h: Handoff) {
    this.handoffs.set(h.id, h);
    this.pending.handoffs.push(h);
    this.revision += 1;
    this.journal.push({ revision: this.revision, id: h.id });
    // Bounded: an index further behind than this rebuilds instead of replaying.
    if (this.journal.length > JOURNAL_LIMIT * 2) {
      const dropped = this.journal.length - JOURNAL_LIMIT;
      this.journalFrom = this.journal[dropped - 1]!.revision;
      this.journal = this.journal.slice(dropped);
    }
  }

  /**
   * The ids of the items written after `revision`, each once, or null when the journal no
   * longer reaches back that far (the caller rebuilds from the whole world).
   */
  changedSince(revision: number): string[] | null {
    if (revision === this.revision) return [];
    if (revision < this.journalFrom || revision > this.revision) return null;
    let lo = 0;
    let hi = this.journal.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.journal[mid]!.revision <= revision) lo = mid + 1;
      else hi = mid;
    }
    const ids = new Set<string>();
    for (let i = lo; i < this.journal.length; i++) ids.add(this.journal[i]!.id);
    return [...ids];
  }

  appendEvent(e: AuditEvent) {
    this.addEvent(e);
    // Journalled with the next revision, so an index that reads trails catches up on it too.
    this.journal.push({ revision: this.revision + 1, id: e.handoffId });
    this.log.append(e);
    this.pending.events.push(e);
  }

  private noteOf(reply: ReplyNote): ReplyNote {
    if (!this.storedReply || !('body' in reply)) return reply;
    return { fingerprint: reply.fingerprint, status: reply.status, at: reply.at };
  }

  remember(key: string, reply: StoredReply) {
    // Re-inserted so the map stays ordered oldest first, which expiry relies on.
    this.idempotency.delete(key);
    const note = this.noteOf(reply);
    this.idempotency.set(key, note);
    if (note !== reply) this.unstored.set(key, reply);
    this.pending.idempotency.push([key, reply]);
  }

  /** The change is in the store now: the bodies of its records are read back from there. */
  stored(change: Change) {
    if (this.unstored.size === 0) return;
    for (const [key, reply] of change.idempotency)
      if (this.unstored.get(key) === reply) this.unstored.delete(key);
  }

  /**
   * The idempotency record under `key` with its answer, read back from the store when the world
   * keeps only its note; undefined when none is remembered.
   */
  remembered(key: string): StoredReply | undefined {
    const note = this.idempotency.get(key);
    if (!note) return undefined;
    if ('body' in note) return note as StoredReply;
    // Not stored yet (a batch replaying its own items, or a write whose group commit is still
    // under way): the world still holds the body.
    return this.unstored.get(key) ?? this.storedReply?.(key) ?? { ...note, body: undefined };
  }

  /**
   * Drops idempotency records older than `before` (epoch ms) and, past `max`, the oldest ones,
   * so their storage stays bounded however many writes arrive.
   */
  expireIdempotency(before: number, max: number) {
    let excess = this.idempotency.size - max;
    const gone: string[] = [];
    for (const [key, reply] of this.idempotency) {
      if (reply.at >= before && excess <= 0) break;
      gone.push(key);
      excess -= 1;
    }
    for (const key of gone) {
      this.idempotency.delete(key);
      this.unstored.delete(key);
    }
    if (gone.length > 0) this.pending.forgotten = [...(this.pending.forgotten ?? []), ...gone];
  }

  /** A named document, or undefined when it was never written (callers supply the default). */
  setting<T>(key: string): T | undefined {
    return this.settings.get(key) as T | undefined;
  }

  /** Every setting whose key starts with `prefix`, in the order they were first written. */
  settingsUnder<T>(prefix: string): T[] {
    const found: T[] = [];
    for (const [key, value] of this.settings) if (key.startsWith(prefix)) found.push(value as T);
    return found;
  }

  putSetting(key: string, value: unknown) {
    this.settings.set(key, value);
    this.pending.settings.push([key, value]);
    this.revision += 1;
  }

  /** Takes the writes made since the last call, to hand to persistence. */
  drain(): Change {
    const change = this.pending;
    this.pending = emptyChange();
    return change;
  }

  /** Whether anything was written since the last drain. */
  get dirty(): boolean {
    const p = this.pending;
    return (
      p.handoffs.length +
        p.events.length +
        p.idempotency.length +
        p.settings.length +
        (p.forgotten?.length ?? 0) >
      0
    );
  }

  snapshot(): Snapshot {
    return {
      handoffs: [...this.handoffs.values()],
      events: [...this.events.values()].flat(),
      users: [...this.users.values()],
      idempotency: [...this.idempotency.entries()],
      settings: [...this.settings.entries()],
    };
  }
}

const JOURNAL_LIMIT = 8192;

const emptyChange = (): Change => ({
  handoffs: [],
  events: [],
  idempotency: [],
  forgotten: [],
  settings: [],
});
