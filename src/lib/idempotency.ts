/** A fresh key per user intent; retries of the same intent reuse it. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
