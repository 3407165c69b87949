import type { Handoff } from '../../src/api/handoff-schemas';
import { checkAuthority } from '../../src/domain/decisions';
import { messagesSinceDraft } from '../../src/domain/follow-ups';
import { seedUsers } from '../seed/users';
import type { Backend } from './backend';
import { ladderInForce } from './policy/store';

const ana = seedUsers[0]!;

/**
 * An open L1 item with no hard stop, at most one option, a draft within L1's authority, no
 * unread customer message and no approval gate (whose default would act on it when a test
 * moves the clock): approvable as drafted by an L1 reviewer.
 */
export function plainItem(backend: Backend): Handoff {
  const item = [...backend.state.handoffs.values()].find(
    (h) =>
      h.status === 'pending' &&
      h.level === 'l1' &&
      !h.assignee &&
      !h.gate &&
      h.context.options.length < 2 &&
      !h.context.flags.some((f) => f.hardStop) &&
      messagesSinceDraft(h).length === 0 &&
      checkAuthority(h, ana, 'approve', {
        ladder: ladderInForce,
        approvedText: h.drafts.at(-1)?.text,
      }) === null,
  );
  if (!item) throw new Error('seed has no plain item');
  return item;
}

let keyCounter = 0;

/** One request to the core as a client would send it: as u-ana unless told, writes keyed. */
export function callBackend(
  backend: Backend,
  method: string,
  path: string,
  opts: {
    actor?: string | null;
    body?: unknown;
    rawBody?: string;
    key?: string;
    query?: Record<string, string>;
  } = {},
) {
  const headers = new Headers();
  if (opts.actor !== null) headers.set('X-Actor-Id', opts.actor ?? 'u-ana');
  if (method !== 'GET') headers.set('Idempotency-Key', opts.key ?? `k-${++keyCounter}`);
  return backend.handle({
    method,
    path,
    query: new URLSearchParams(opts.query),
    headers,
    body: opts.rawBody ?? (opts.body === undefined ? null : JSON.stringify(opts.body)),
  });
}

/** The route the default teams give a billing item: Billing & accounts, by its category. */
export const billingRoute = {
  teamId: 'billing',
  teamName: 'Billing & accounts',
  choice: 'category',
  ruleId: null,
  reason: 'Billing goes to Billing & accounts.',
  directoryVersion: 1,
} as const;
