/*
 * Paths relative to the API base URL, for tests that build requests by hand.
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

export { ACTOR_HEADER, IDEMPOTENCY_HEADER } from './headers';
