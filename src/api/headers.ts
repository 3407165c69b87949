/**
 * Header that names the person acting. Only the in-browser demo and a server started with
 * `--insecure-actor-header` believe it; a signed-in server reads its session cookie instead.
 */
export const ACTOR_HEADER = 'X-Actor-Id';
/** Header every write carries, so a retried write is applied once. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/**
 * Header the app sends on every request. A page on another site cannot add it to a request
 * without CORS allowing it, so a cookie-borne write without it is refused as cross-site.
 */
export const CLIENT_HEADER = 'X-Handoff-Desk-Client';
