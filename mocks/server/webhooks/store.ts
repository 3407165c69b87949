import type Database from 'better-sqlite3';
import type {
  DeliveryStatus,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEventType,
} from '../../../src/api/webhook-schemas';

/*
 * Webhook endpoints and deliveries in the server's database (tables of storage version 4).
 * A delivery row holds the exact body every attempt sends, so a retry is byte-for-byte the
 * first attempt, and a pending one survives a restart.
 */

export interface EndpointRow {
  id: string;
  url: string;
  events: string;
  secret: string;
  previous_secret: string | null;
  previous_valid_until: number | null;
  owner_id: string;
  owner_name: string;
  owner_kind: string;
  created_at: number;
  disabled_at: number | null;
  disabled_reason: string | null;
}

export interface DeliveryRow {
  seq: number;
  id: string;
  endpoint_id: string;
  type: WebhookEventType;
  subject: string | null;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  created_at: number;
  next_attempt_at: number | null;
  last_attempt_at: number | null;
  delivered_at: number | null;
  last_status: number | null;
  last_response: string | null;
}

export interface Owner {
  id: string;
  name: string;
  kind: 'person' | 'agent';
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function endpointOf(row: EndpointRow, now: number): WebhookEndpoint {
  const previous = row.previous_valid_until;
  return {
    id: row.id,
    url: row.url,
    events: JSON.parse(row.events) as WebhookEventType[],
    createdAt: iso(row.created_at)!,
    createdBy: { id: row.owner_id, name: row.owner_name },
    disabledAt: iso(row.disabled_at),
    disabledReason: row.disabled_reason,
    previousSecretValidUntil: previous !== null && previous > now ? iso(previous) : null,
  };
}

export function deliveryOf(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    type: row.type,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    createdAt: iso(row.created_at)!,
    lastAttemptAt: iso(row.last_attempt_at),
    nextAttemptAt: iso(row.next_attempt_at),
    deliveredAt: iso(row.delivered_at),
    lastResponseStatus: row.last_status,
    lastResponse: row.last_response,
  };
}

export function webhookStore(db: Database.Database) {
  const q = {
    endpoints: db.prepare('SELECT * FROM webhook_endpoints ORDER BY created_at DESC, id'),
    endpoint: db.prepare('SELECT * FROM webhook_endpoints WHERE id = ?'),
    addEndpoint: db.prepare(
      `INSERT INTO webhook_endpoints (id, url, events, secret, owner_id, owner_name, owner_kind, created_at)
       VALUES (@id, @url, @events, @secret, @owner_id, @owner_name, @owner_kind, @created_at)`,
    ),
    removeEndpoint: db.prepare('DELETE FROM webhook_endpoints WHERE id = ?'),
    dropPending: db.prepare(
      "UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL, last_response = ? WHERE endpoint_id = ? AND status = 'pending'",
    ),
    rotate: db.prepare(
      'UPDATE webhook_endpoints SET previous_secret = secret, previous_valid_until = ?, secret = ? WHERE id = ?',
    ),
    disable: db.prepare(
      'UPDATE webhook_endpoints SET disabled_at = ?, disabled_reason = ? WHERE id = ? AND disabled_at IS NULL',
    ),
    addDelivery: db.prepare(
      `INSERT INTO webhook_deliveries (id, endpoint_id, type, subject, body, status, created_at, next_attempt_at)
       VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)`,
    ),
    deliveries: db.prepare(
      'SELECT * FROM webhook_deliveries WHERE endpoint_id = ? ORDER BY seq DESC LIMIT ?',
    ),
    delivery: db.prepare('SELECT * FROM webhook_deliveries WHERE id = ?'),
    due: db.prepare(
      "SELECT * FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, seq LIMIT ?",
    ),
    nextDue: db.prepare(
      "SELECT min(next_attempt_at) AS at FROM webhook_deliveries WHERE status = 'pending'",
    ),
    attempted: db.prepare(
      `UPDATE webhook_deliveries SET status = @status, attempts = attempts + 1, last_attempt_at = @at,
         next_attempt_at = @next, delivered_at = @delivered, last_status = @code, last_response = @response
       WHERE id = @id`,
    ),
    lease: db.prepare('UPDATE webhook_deliveries SET next_attempt_at = ? WHERE id = ?'),
    resend: db.prepare(
      "UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = ? WHERE id = ?",
    ),
    cursor: db.prepare("SELECT seq FROM webhook_cursor WHERE name = 'audit'"),
    setCursor: db.prepare(
      "INSERT INTO webhook_cursor (name, seq) VALUES ('audit', ?) ON CONFLICT (name) DO UPDATE SET seq = excluded.seq",
    ),
    lastEvent: db.prepare('SELECT coalesce(max(seq), 0) AS seq FROM events'),
    eventsAfter: db.prepare('SELECT seq, body FROM events WHERE seq > ? ORDER BY seq LIMIT ?'),
  };

  return {
    db,
    endpoints: () => q.endpoints.all() as EndpointRow[],
    endpoint: (id: string) => q.endpoint.get(id) as EndpointRow | undefined,
    addEndpoint(
      row: Omit<
        EndpointRow,
        'previous_secret' | 'previous_valid_until' | 'disabled_at' | 'disabled_reason'
      >,
    ) {
      q.addEndpoint.run(row);
    },
    removeEndpoint: db.transaction((id: string) => {
      q.dropPending.run('The endpoint was removed.', id);
      return q.removeEndpoint.run(id).changes > 0;
    }),
    rotate(id: string, secret: string, previousValidUntil: number) {
      q.rotate.run(previousValidUntil, secret, id);
    },
    disable: db.transaction((id: string, at: number, reason: string) => {
      q.disable.run(at, reason, id);
      q.dropPending.run(`Not sent: ${reason}`, id);
    }),
    addDelivery(
      id: string,
      endpointId: string,
      type: WebhookEventType,
      subject: string | null,
      body: string,
      at: number,
    ) {
      q.addDelivery.run(id, endpointId, type, subject, body, at, at);
    },
    deliveries: (endpointId: string, limit: number) =>
      q.deliveries.all(endpointId, limit) as DeliveryRow[],
    delivery: (id: string) => q.delivery.get(id) as DeliveryRow | undefined,
    due: (now: number, limit: number) => q.due.all(now, limit) as DeliveryRow[],
    nextDue: () => (q.nextDue.get() as { at: number | null }).at,
    attempted(update: {
      id: string;
      status: DeliveryStatus;
      at: number;
      next: number | null;
      delivered: number | null;
      code: number | null;
      response: string | null;
    }) {
      q.attempted.run(update);
    },
    lease(id: string, until: number) {
      q.lease.run(until, id);
    },
    resend(id: string, at: number) {
      q.resend.run(at, id);
    },
    cursor: () => (q.cursor.get() as { seq: number } | undefined)?.seq ?? null,
    setCursor(seq: number) {
      q.setCursor.run(seq);
    },
    lastEventSeq: () => (q.lastEvent.get() as { seq: number }).seq,
    eventsAfter: (seq: number, limit: number) =>
      q.eventsAfter.all(seq, limit) as { seq: number; body: string }[],
    transaction: <A extends unknown[], R>(fn: (...args: A) => R) => db.transaction(fn),
  };
}

export type WebhookStore = ReturnType<typeof webhookStore>;
