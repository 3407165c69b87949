import type { Handoff } from '../../src/api/schemas';
import type { Backend } from './backend';

/** An open L1 item with no hard stop and at most one option: approvable as drafted. */
export function plainItem(backend: Backend): Handoff {
  const item = [...backend.state.handoffs.values()].find(
    (h) =>
      h.status === 'pending' &&
      h.level === 'l1' &&
      !h.assignee &&
      h.context.options.length < 2 &&
      !h.context.flags.some((f) => f.hardStop),
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
