import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { AgentEvent } from '../../../src/api/agent-schemas';
import type { AccessAuditAction } from '../../../src/api/audit-schemas';
import { type Actor, type AuditEvent, auditEventSchema } from '../../../src/api/handoff-schemas';
import type {
  WebhookCreate,
  WebhookEventType,
  WebhookWithSecret,
} from '../../../src/api/webhook-schemas';
import { recordWebhookChange } from '../../core/audit/access-entries';
import type { Backend } from '../../core/backend';
import { agentActor } from '../../core/principal';
import { refuseWebhookUrl } from './addresses';
import { webhookMessagesOf } from './events';
import { newMessageId, newWebhookSecret, signature } from './signing';
import {
  type DeliveryRow,
  deliveryOf,
  type EndpointRow,
  endpointOf,
  type Owner,
  type WebhookStore,
  webhookStore,
} from './store';

/*
 * The webhook outbox and its delivery worker. After every commit the outbox reads the audit
 * log from where it left off and, in one transaction with moving its place, writes one
 * delivery per subscribed endpoint; the worker then sends due deliveries on its own, so a slow
 * or dead receiver never holds up a decision. A failed attempt is retried on the schedule
 * below (with jitter); 410 Gone disables the endpoint.
 */

/** Waits between attempts: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h; then the delivery has failed. */
export const RETRY_SCHEDULE_MS = [5e3, 3e5, 18e5, 72e5, 18e6, 36e6] as const;

/** How long a rotated-out secret still signs deliveries. */
export const PREVIOUS_SECRET_MS = 24 * 60 * 60 * 1000;

export interface WebhookOptions {
  db: Database.Database;
  backend: Backend;
  /** Lets endpoints on loopback and private networks register (tests, local agents). */
  allowPrivate?: boolean;
  /** Multiplies the retry schedule: 0.001 turns 5 s into 5 ms for tests. */
  retryScale?: number;
  /** How long one attempt may take before it counts as failed. */
  timeoutMs?: number;
  /** Attempts in flight at once. */
  concurrency?: number;
  clock?: () => number;
  random?: () => number;
  fetch?: typeof fetch;
  /** Resolves host names for the address check; the system resolver unless given. */
  resolve?: (host: string) => Promise<string[]>;
}

export class WebhookError extends Error {
  constructor(
    readonly code: 'not_found' | 'validation' | 'conflict',
    message: string,
  ) {
    super(message);
  }
}

const PAGE = 500;

type WebhookAuditAction = Extract<AccessAuditAction, `webhook_${string}`>;

/** An agent's endpoint hears of its own work only; a lead's hears of everything. */
const visibleTo = (
  endpoint: { owner_kind: string; owner_id: string },
  message: Omit<AgentEvent, 'id'>,
) => endpoint.owner_kind !== 'agent' || message.data.agent?.id === endpoint.owner_id;
const RESPONSE_CHARS = 500;

export function webhookService(options: WebhookOptions) {
  const store: WebhookStore = webhookStore(options.db);
  const clock = options.clock ?? Date.now;
  const random = options.random ?? Math.random;
  const send = options.fetch ?? fetch;
  const scale = options.retryScale ?? 1;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const concurrency = options.concurrency ?? 8;
  const allowPrivate = options.allowPrivate ?? false;
  const inFlight = new Map<string, Promise<void>>();
  let running = false;
  let unsubscribe: (() => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pumpQueued = false;

  /** Reads the audit log past the outbox's place into deliveries, moving the place with them. */
  const enqueue = store.transaction((after: number, rows: { seq: number; body: string }[]) => {
    const endpoints = store.endpoints().filter((e) => e.disabled_at === null);
    let last = after;
    for (const row of rows) {
      last = row.seq;
      if (endpoints.length === 0) continue;
      const parsed = auditEventSchema.safeParse(JSON.parse(row.body));
      if (!parsed.success) continue;
      const event: AuditEvent = parsed.data;
      for (const message of webhookMessagesOf(options.backend.state, event)) {
        const targets = endpoints.filter(
          (e) =>
            (JSON.parse(e.events) as WebhookEventType[]).includes(message.type) &&
            visibleTo(e, message),
        );
        if (targets.length === 0) continue;
        const at = clock();
        const body = JSON.stringify(message);
        for (const endpoint of targets) {
          const subject = message.data.handoff?.id ?? message.data.run?.id ?? null;
          store.addDelivery(newMessageId(), endpoint.id, message.type, subject, body, at);
        }
      }
    }
    store.setCursor(last);
    return last;
  });

  const hasLiveEndpoint = () => store.endpoints().some((e) => e.disabled_at === null);

  /** Everything committed so far becomes deliveries. */
  function pump() {
    let cursor = store.cursor();
    if (cursor === null) {
      // A server that starts telling webhooks begins with what happens from now on.
      store.setCursor(store.lastEventSeq());
      return;
    }
    // With no endpoint to tell, events are not read (nor the place moved) on every write:
    // the place moves past them when the next endpoint is made (see catchUp).
    if (!hasLiveEndpoint()) {
      kick();
      return;
    }
    for (;;) {
      const rows = store.eventsAfter(cursor, PAGE);
      if (rows.length === 0) break;
      cursor = enqueue(cursor, rows);
      if (rows.length < PAGE) break;
    }
    kick();
  }

  /** Moves the outbox's place past everything committed: what happened before is not told. */
  function catchUp() {
    if (hasLiveEndpoint()) pump();
    else store.setCursor(store.lastEventSeq());
  }

  function schedulePump() {
    if (pumpQueued || !running) return;
    pumpQueued = true;
    // Read while the world holds only stored writes: a message carries the item as it is then.
    setImmediate(() =>
      options.backend.whenCommitted(() => {
        pumpQueued = false;
        try {
          pump();
        } catch (error) {
          console.error('Webhook outbox failed', error);
        }
      }),
    );
  }

  function nextWait(attempts: number): number | null {
    const base = RETRY_SCHEDULE_MS[attempts - 1];
    if (base === undefined) return null;
    // ±20 %, so receivers that failed together are not all retried at the same moment.
    return Math.max(1, Math.round(base * scale * (0.8 + 0.4 * random())));
  }

  async function attempt(row: DeliveryRow): Promise<void> {
    const endpoint = store.endpoint(row.endpoint_id);
    const at = clock();
    const finish = (outcome: {
      ok: boolean;
      code: number | null;
      response: string | null;
      final?: boolean;
    }) => {
      const attempts = row.attempts + 1;
      const wait = outcome.ok || outcome.final ? null : nextWait(attempts);
      store.attempted({
        id: row.id,
        status: outcome.ok ? 'delivered' : wait === null ? 'failed' : 'pending',
        at,
        next: wait === null ? null : clock() + wait,
        delivered: outcome.ok ? clock() : null,
        code: outcome.code,
        response: outcome.response,
      });
    };
    if (!endpoint || endpoint.disabled_at !== null) {
      finish({ ok: false, code: null, response: 'The endpoint is gone or disabled.', final: true });
      return;
    }
    if (!allowPrivate) {
      const refused = await refuseWebhookUrl(endpoint.url, {
        allowPrivate,
        resolve: options.resolve,
      });
      if (refused) {
        finish({ ok: false, code: null, response: refused });
        return;
      }
    }
    const timestamp = Math.floor(at / 1000);
    const signatures = [signature(endpoint.secret, row.id, timestamp, row.body)];
    if (
      endpoint.previous_secret &&
      endpoint.previous_valid_until !== null &&
      endpoint.previous_valid_until > at
    ) {
      signatures.push(signature(endpoint.previous_secret, row.id, timestamp, row.body));
    }
    try {
      const reply = await send(endpoint.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'HandoffDesk-Webhooks/1',
          'webhook-id': row.id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signatures.join(' '),
        },
        body: row.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = (await reply.text().catch(() => '')).slice(0, RESPONSE_CHARS);
      if (reply.status === 410) {
        finish({ ok: false, code: 410, response: text || 'Gone', final: true });
        store.disable(endpoint.id, clock(), 'The receiver answered 410 Gone.');
        return;
      }
      finish({ ok: reply.ok, code: reply.status, response: text || null });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      const name = (error as Error).name;
      const why =
        name === 'TimeoutError'
          ? `No answer within ${timeoutMs} ms.`
          : cause
            ? `Could not deliver: ${cause}.`
            : `Could not deliver: ${(error as Error).message}`;
      finish({ ok: false, code: null, response: why });
    }
  }

  /** Starts every due delivery there is room for, and sets the timer for the next one. */
  function kick() {
    if (!running) return;
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    const room = concurrency - inFlight.size;
    if (room > 0) {
      for (const row of store.due(clock(), room)) {
        // Held while it is tried: a server that dies mid-attempt tries again after this.
        store.lease(row.id, clock() + timeoutMs + 5_000);
        const work = attempt(row)
          .catch((error: unknown) => console.error('Webhook delivery failed', error))
          .finally(() => {
            inFlight.delete(row.id);
            kick();
          });
        inFlight.set(row.id, work);
      }
    }
    if (inFlight.size >= concurrency) return;
    const next = store.nextDue();
    if (next === null) return;
    timer = setTimeout(kick, Math.min(Math.max(0, next - clock()), 60_000));
    timer.unref?.();
  }

  /**
   * Makes a change to an endpoint (`write`) and puts it in the audit log (who, when, its URL
   * and events) in one transaction: neither is kept without the other.
   */
  function audited(
    by: Owner,
    action: WebhookAuditAction,
    row: Pick<EndpointRow, 'id' | 'url' | 'events' | 'owner_kind' | 'owner_name'>,
    write: () => void,
  ) {
    const actor: Actor =
      by.kind === 'agent' ? agentActor(by) : { type: 'person', id: by.id, name: by.name };
    const { backend } = options;
    return backend.systemWrite(
      () =>
        recordWebhookChange(backend.services, actor, action, {
          id: row.id,
          url: row.url,
          events: JSON.parse(row.events) as string[],
          agentName: row.owner_kind === 'agent' ? row.owner_name : null,
        }),
      write,
    );
  }

  function requireEndpoint(id: string) {
    const row = store.endpoint(id);
    if (!row) throw new WebhookError('not_found', `No webhook endpoint with id "${id}".`);
    return row;
  }

  return {
    store,
    start() {
      if (running) return;
      running = true;
      unsubscribe = options.backend.subscribe((change) => {
        if (change.type === 'world.reset') {
          // A restored seed is not news: its events were not done by anyone just now.
          store.setCursor(store.lastEventSeq());
          return;
        }
        schedulePump();
      });
      pump();
    },
    /**
     * Stops sending; waits up to `graceMs` for attempts in flight. One cut short is tried
     * again after the next start, with the same webhook-id.
     */
    async stop(graceMs = 2_000) {
      running = false;
      unsubscribe?.();
      unsubscribe = null;
      if (timer) clearTimeout(timer);
      timer = null;
      let wait: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        Promise.allSettled([...inFlight.values()]),
        new Promise((resolve) => {
          wait = setTimeout(resolve, graceMs);
        }),
      ]);
      clearTimeout(wait);
    },
    /** For tests and benchmarks: turns what is committed into deliveries now. */
    pump,
    /** How many attempts are under way. */
    get inFlight() {
      return inFlight.size;
    },

    async create(owner: Owner, input: WebhookCreate): Promise<WebhookWithSecret> {
      const refused = await refuseWebhookUrl(input.url, { allowPrivate, resolve: options.resolve });
      if (refused) throw new WebhookError('validation', refused);
      // Everything committed before it exists is not for it.
      if (running || !hasLiveEndpoint()) catchUp();
      const id = `wh_${randomBytes(9).toString('base64url')}`;
      const secret = newWebhookSecret();
      const added = {
        id,
        url: new URL(input.url).toString(),
        events: JSON.stringify(input.events),
        secret,
        owner_id: owner.id,
        owner_name: owner.name,
        owner_kind: owner.kind,
        created_at: clock(),
      };
      await audited(owner, 'webhook_created', added, () => store.addEndpoint(added));
      return { endpoint: endpointOf(requireEndpoint(id), clock()), secret };
    },
    list(owner: Owner) {
      const now = clock();
      return store
        .endpoints()
        .filter((e) => owner.kind !== 'agent' || e.owner_id === owner.id)
        .map((e) => endpointOf(e, now));
    },
    owner(id: string) {
      return requireEndpoint(id).owner_id;
    },
    async remove(id: string, by: Owner) {
      const row = requireEndpoint(id);
      await audited(by, 'webhook_deleted', row, () => store.removeEndpoint(id));
    },
    async rotate(id: string, by: Owner): Promise<WebhookWithSecret> {
      const row = requireEndpoint(id);
      const secret = newWebhookSecret();
      await audited(by, 'webhook_secret_rotated', row, () =>
        store.rotate(id, secret, clock() + PREVIOUS_SECRET_MS),
      );
      return { endpoint: endpointOf(requireEndpoint(id), clock()), secret };
    },
    deliveries(id: string, limit: number) {
      requireEndpoint(id);
      return store.deliveries(id, limit).map(deliveryOf);
    },
    resend(id: string, deliveryId: string) {
      const endpoint = requireEndpoint(id);
      const row = store.delivery(deliveryId);
      if (!row || row.endpoint_id !== id) {
        throw new WebhookError('not_found', `No delivery "${deliveryId}" to this endpoint.`);
      }
      if (endpoint.disabled_at !== null) {
        throw new WebhookError('conflict', 'The endpoint is disabled; nothing is sent to it.');
      }
      // One attempt at a time: one under way already is the "again".
      if (!inFlight.has(deliveryId)) store.resend(deliveryId, clock());
      kick();
      return deliveryOf(store.delivery(deliveryId)!);
    },
  };
}

export type WebhookService = ReturnType<typeof webhookService>;
