import type { ArrivalTicket } from '../../../src/api/arrival-schemas';
import { Backend, type BackendOptions } from '../backend';
import type { ApiReply } from '../http-types';
import type { ArrivalInput } from './ingest';

/* Shared by the policy backend's tests: a small world at a fixed clock, and plain arrivals. */

export const NOW = Date.parse('2026-11-25T09:00:00.000Z');

export function makeBackend(options: BackendOptions = {}) {
  return Backend.create({ count: 120, clock: () => NOW, ...options });
}

let keys = 0;

export function call(
  backend: Backend,
  method: string,
  path: string,
  opts: { actor?: string; body?: unknown; rawBody?: string; key?: string } = {},
): Promise<ApiReply> {
  const headers = new Headers({ 'X-Actor-Id': opts.actor ?? 'u-femi' });
  if (method !== 'GET') headers.set('Idempotency-Key', opts.key ?? `policy-test-${++keys}`);
  return backend.handle({
    method,
    path,
    query: new URLSearchParams(),
    headers,
    body: opts.rawBody ?? (opts.body === undefined ? null : JSON.stringify(opts.body)),
  });
}

export function ticket(overrides: Partial<ArrivalTicket> = {}): ArrivalTicket {
  return {
    customer: {
      id: 'c-arrival',
      name: 'Noor Haddad',
      email: 'noor@example.com',
      tier: 'standard',
      lifetimeValue: 420,
      priorComplaints: 0,
    },
    channel: 'email',
    subject: 'Where is my parcel?',
    body: 'Hello, my order 58213 has not moved for two days. Could you check it? Thanks, Noor',
    category: 'shipping',
    urgency: 'normal',
    language: 'en',
    attachments: 0,
    ...overrides,
  };
}

export function arrival(confidence: number, overrides: Partial<ArrivalTicket> = {}): ArrivalInput {
  return {
    ticket: ticket(overrides),
    ai: {
      draft: 'Hi Noor, your parcel is with the carrier and should arrive tomorrow. Best, Support',
      confidence,
    },
  };
}
