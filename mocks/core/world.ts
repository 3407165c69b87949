import type { AuditEvent, Handoff, User } from '../../src/api/schemas';
import type { Change, Snapshot, StoredReply } from './persistence';

/** The backend's in-memory state, with a revision that moves on every write. */
export class World {
  readonly handoffs = new Map<string, Handoff>();
  readonly events = new Map<string, AuditEvent[]>();
  readonly users = new Map<string, User>();
  readonly idempotency = new Map<string, StoredReply>();
  revision = 0;
  private eventCount = 0;
  private pending: Change = { handoffs: [], events: [], idempotency: [] };

  constructor(snapshot: Snapshot) {
    for (const h of snapshot.handoffs) this.handoffs.set(h.id, h);
    for (const e of snapshot.events) this.addEvent(e);
    for (const u of snapshot.users) this.users.set(u.id, u);
    for (const [k, v] of snapshot.idempotency) this.idempotency.set(k, v);
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
  }

  appendEvent(e: AuditEvent) {
    this.addEvent(e);
    this.pending.events.push(e);
  }

  remember(key: string, reply: StoredReply) {
    this.idempotency.set(key, reply);
    this.pending.idempotency.push([key, reply]);
  }

  /** Takes the writes made since the last call, to hand to persistence. */
  drain(): Change {
    const change = this.pending;
    this.pending = { handoffs: [], events: [], idempotency: [] };
    return change;
  }

  snapshot(): Snapshot {
    return {
      handoffs: [...this.handoffs.values()],
      events: [...this.events.values()].flat(),
      users: [...this.users.values()],
      idempotency: [...this.idempotency.entries()],
    };
  }
}
