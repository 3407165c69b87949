import type { WebhookMessage } from './types';

/*
 * Checks a delivery to the Standard Webhooks specification with Web Crypto (Node 20+ and
 * browsers): `webhook-signature` holds one or more `v1,<base64 HMAC-SHA256>` over
 * `id.timestamp.body`, keyed with the base64 part of the `whsec_` secret.
 */

export class WebhookVerificationError extends Error {
  override readonly name = 'WebhookVerificationError';
}

const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
const toBase64 = (bytes: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(bytes)));

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

/** Constant-time comparison of two strings of base64. */
function same(a: string, b: string) {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * The delivery's message once its signature and timestamp check out; throws a
 * WebhookVerificationError otherwise. Pass the body exactly as received (text, not parsed).
 */
export async function verifyWebhook(
  secret: string,
  headers: HeaderSource,
  body: string,
  options: { toleranceSeconds?: number; now?: Date } = {},
): Promise<WebhookMessage & { id: string }> {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures)
    throw new WebhookVerificationError('Missing webhook headers.');
  const seconds = Number(timestamp);
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const tolerance = options.toleranceSeconds ?? 300;
  if (!Number.isInteger(seconds) || Math.abs(now - seconds) > tolerance) {
    throw new WebhookVerificationError('The timestamp is too old or too new.');
  }
  const key = await crypto.subtle.importKey(
    'raw',
    fromBase64(secret.startsWith('whsec_') ? secret.slice(6) : secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const expected = toBase64(
    await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${id}.${seconds}.${body}`)),
  );
  const matches = signatures
    .split(' ')
    .some((s) => s.startsWith('v1,') && same(s.slice(3), expected));
  if (!matches) throw new WebhookVerificationError('No signature matches.');
  return { id, ...(JSON.parse(body) as WebhookMessage) };
}
