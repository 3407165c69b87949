/** Header that names the person acting; the reference backends authenticate with it. */
export const ACTOR_HEADER = 'X-Actor-Id';
/** Header every write carries, so a retried write is applied once. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
