import type { IncomingMessage, ServerResponse } from 'node:http';

/*
 * The headers every answer carries, API and app alike. The policy allows scripts, styles,
 * fetches and workers from this origin only; inline `style` attributes are allowed because
 * React components (and the chart and dialog libraries) set element styles at run time, while
 * inline scripts, eval and framing stay forbidden.
 */

export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const baseSecurityHeaders: Readonly<Record<string, string>> = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

export interface SecurityHeaderOptions {
  /** Believe `X-Forwarded-Proto` from the proxy in front (set --trust-proxy only behind one). */
  trustProxy?: boolean;
}

/** Sets the headers up front, so every later answer, even an error, carries them. */
export function applySecurityHeaders(
  req: IncomingMessage,
  res: ServerResponse,
  { trustProxy = false }: SecurityHeaderOptions = {},
): void {
  for (const [name, value] of Object.entries(baseSecurityHeaders)) res.setHeader(name, value);
  if (trustProxy && firstValue(req.headers['x-forwarded-proto']) === 'https') {
    res.setHeader('strict-transport-security', 'max-age=31536000; includeSubDomains');
  }
}

const firstValue = (header: string | string[] | undefined) =>
  (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim().toLowerCase();
