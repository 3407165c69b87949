import type { IncomingMessage } from 'node:http';
import { CLIENT_HEADER } from '../../../src/api/headers';

/*
 * Cross-site request forgery: a cookie rides along on any request the browser makes, so a
 * write that a cookie authenticates must prove it came from the app. Two proofs, both needed:
 * the request's Origin (or, where a browser leaves it out, its Referer) is this server's own
 * origin or one listed with --cors-origin, and it carries the app's client header, which a
 * page elsewhere cannot add without a CORS preflight this server refuses.
 */

function ownOrigin(req: IncomingMessage, https: boolean): string | null {
  const host = req.headers.host;
  return host ? `${https ? 'https' : 'http'}://${host}` : null;
}

function originOf(req: IncomingMessage): string | null {
  const origin = req.headers.origin;
  if (origin && origin !== 'null') return origin;
  const referer = req.headers.referer;
  if (!referer) return null;
  try {
    return new URL(referer).origin;
  } catch {
    return null;
  }
}

/** Null when the write may go ahead; otherwise why it is refused. */
export function crossSiteRefusal(
  req: IncomingMessage,
  https: boolean,
  allowed: ReadonlySet<string>,
): string | null {
  if (!req.headers[CLIENT_HEADER.toLowerCase()]) {
    return `Writes from a signed-in browser must carry the ${CLIENT_HEADER} header; use the app.`;
  }
  const origin = originOf(req);
  if (!origin) return 'The request does not say which page sent it (no Origin or Referer).';
  if (origin === ownOrigin(req, https) || allowed.has(origin)) return null;
  return `Requests from ${origin} may not change anything here.`;
}
