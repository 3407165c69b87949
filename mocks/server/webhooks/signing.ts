import { createHmac, randomBytes } from 'node:crypto';

/*
 * Standard Webhooks signing: the secret is `whsec_` + base64 of the key; a signature is
 * `v1,` + base64 HMAC-SHA256 over `id.timestamp.body`, and several are sent space-separated
 * while an old secret is still honoured.
 */

const PREFIX = 'whsec_';

export const newWebhookSecret = () => `${PREFIX}${randomBytes(24).toString('base64')}`;

/** A new message id, the webhook-id of every attempt at one delivery. */
export const newMessageId = () => `msg_${randomBytes(16).toString('base64url')}`;

export function signature(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.slice(PREFIX.length), 'base64');
  const mac = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
  return `v1,${mac}`;
}
