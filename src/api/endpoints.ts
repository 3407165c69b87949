import { type HandoffListParams, handoffListParamsSchema } from './schemas';

/*
 * Paths relative to the API base URL, and the query-string encoding of list parameters.
 * The client builds requests with these and the backends parse them with the same code.
 */

export const paths = {
  handoffs: '/handoffs',
  claimNext: '/handoffs/claim-next',
  handoff: (id: string) => `/handoffs/${encodeURIComponent(id)}`,
  claim: (id: string) => `/handoffs/${encodeURIComponent(id)}/claim`,
  release: (id: string) => `/handoffs/${encodeURIComponent(id)}/release`,
  draft: (id: string) => `/handoffs/${encodeURIComponent(id)}/draft`,
  decisions: (id: string) => `/handoffs/${encodeURIComponent(id)}/decisions`,
  /** An item's audit trail (not the change stream: that is `changes`). */
  events: (id: string) => `/handoffs/${encodeURIComponent(id)}/events`,
  /** Override and recovery: stop the AI, take an item from it, retry or hand on a failure. */
  pause: (id: string) => `/handoffs/${encodeURIComponent(id)}/pause`,
  takeOver: (id: string) => `/handoffs/${encodeURIComponent(id)}/take-over`,
  retry: (id: string) => `/handoffs/${encodeURIComponent(id)}/retry`,
  reassign: (id: string) => `/handoffs/${encodeURIComponent(id)}/reassign`,
  /** A reviewer hands the AI a task; the result is a new handoff. */
  initiations: '/initiations',
  /** The server-sent change stream (text/event-stream, each `data:` a ChangeEvent). */
  changes: '/events',
  /** Ingest one new ticket (given, or written by the backend) and route it by the policy. */
  arrivals: '/handoffs/arrivals',
  policy: '/policy',
  policyWhatIf: '/policy/what-if',
  policyChanges: '/policy/changes',
  policyRollback: (changeId: string) => `/policy/changes/${encodeURIComponent(changeId)}/rollback`,
  ladder: '/ladder',
  /** The global audit log: every item event and policy change, newest first. */
  audit: '/audit',
  /** Every correction (edit, rejection, redirect) as a training record. */
  feedback: '/feedback',
  me: '/me',
  users: '/users',
  demoReset: '/demo/reset',
  /** The lead dashboard's figures (`?window=8h|24h|72h|7d`). */
  dashboard: '/dashboard',
  demoSettings: '/demo/settings',
  /** Sampled auto-approved items waiting for a post-hoc review. */
  postHocQueue: '/post-hoc-reviews',
  postHocSettings: '/post-hoc-settings',
  postHocReview: (id: string) => `/handoffs/${encodeURIComponent(id)}/post-hoc-review`,
} as const;

/** Header that names the person acting; the reference backends authenticate with it. */
export const ACTOR_HEADER = 'X-Actor-Id';
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

const listKeys = ['status', 'level', 'category', 'flag'] as const;

export function encodeListParams(params: HandoffListParams): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of listKeys) {
    const values = params[key];
    if (values?.length) search.set(key, values.join(','));
  }
  if (params.assignee && params.assignee !== 'any') search.set('assignee', params.assignee);
  if (params.slaAtRisk) search.set('slaAtRisk', 'true');
  if (params.q) search.set('q', params.q);
  if (params.sort) search.set('sort', params.sort);
  if (params.order) search.set('order', params.order);
  if (params.cursor) search.set('cursor', params.cursor);
  if (params.limit) search.set('limit', String(params.limit));
  return search;
}

export function decodeListParams(search: URLSearchParams) {
  const raw: Record<string, unknown> = {};
  for (const key of listKeys) {
    const value = search.get(key);
    if (value) raw[key] = value.split(',').filter(Boolean);
  }
  for (const key of ['assignee', 'q', 'sort', 'order', 'cursor'] as const) {
    const value = search.get(key);
    if (value !== null) raw[key] = value;
  }
  const sla = search.get('slaAtRisk');
  if (sla !== null) raw.slaAtRisk = sla === 'true';
  const limit = search.get('limit');
  if (limit !== null) raw.limit = Number(limit);
  return handoffListParamsSchema.safeParse(raw);
}
