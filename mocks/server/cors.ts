import type { IncomingMessage, ServerResponse } from 'node:http';
import { ACTOR_HEADER, CLIENT_HEADER, IDEMPOTENCY_HEADER } from '../../src/api/headers';
import { sendProblem } from './problems';

/*
 * Cross-origin access is closed unless origins are listed (--cors-origin): the app is served
 * from the API's own origin, so a browser elsewhere gets no CORS headers at all.
 */

const allowedHeaders = [
  'content-type',
  ACTOR_HEADER.toLowerCase(),
  IDEMPOTENCY_HEADER.toLowerCase(),
  CLIENT_HEADER.toLowerCase(),
];

/**
 * Adds the CORS headers for a listed origin; answers a preflight (true) when the request was
 * one. A preflight from an origin not listed is refused.
 */
export function handleCors(
  req: IncomingMessage,
  res: ServerResponse,
  origins: ReadonlySet<string>,
): boolean {
  const origin = req.headers.origin;
  const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'];
  if (origins.size > 0) res.setHeader('vary', 'Origin');
  const allowed = origin !== undefined && origins.has(origin);
  if (!preflight) {
    if (allowed) {
      res.setHeader('access-control-allow-origin', origin);
      // The app on a listed origin signs in with the session cookie like the API's own origin.
      res.setHeader('access-control-allow-credentials', 'true');
      res.setHeader('access-control-expose-headers', 'Retry-After, Idempotent-Replayed, ETag');
    }
    return false;
  }
  if (!allowed) {
    sendProblem(res, 'forbidden', 'Cross-origin requests from this origin are not allowed.');
    return true;
  }
  res
    .writeHead(204, {
      'access-control-allow-origin': origin,
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'GET, HEAD, POST, PUT, PATCH, DELETE',
      'access-control-allow-headers': allowedHeaders.join(', '),
      'access-control-max-age': '600',
    })
    .end();
  return true;
}
