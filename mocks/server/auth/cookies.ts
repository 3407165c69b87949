import type { IncomingMessage } from 'node:http';

/*
 * The session cookie: HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site
 * writes), Path=/. Over https it is Secure and takes the `__Host-` prefix, which a browser
 * only accepts from a secure origin without a Domain, so no sibling host can set or shadow it.
 */

const PLAIN_NAME = 'handoff-desk-session';
const HOST_NAME = `__Host-${PLAIN_NAME}`;

export const cookieNames = [HOST_NAME, PLAIN_NAME] as const;

/** Whether the request reached the server over https (directly, or via a trusted proxy). */
export function overHttps(req: IncomingMessage, trustProxy: boolean): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted) return true;
  return trustProxy && req.headers['x-forwarded-proto'] === 'https';
}

/** The cookie values the request carries, by name. */
export function readCookies(req: IncomingMessage): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at < 0) continue;
    const name = part.slice(0, at).trim();
    if (!out.has(name)) out.set(name, part.slice(at + 1).trim());
  }
  return out;
}

/** The session token the request carries; the secure name wins where both are present. */
export function sessionToken(req: IncomingMessage, secure: boolean): string | null {
  const cookies = readCookies(req);
  // A `__Host-` cookie can only have come over https; over http only the plain name counts.
  return (secure ? cookies.get(HOST_NAME) : null) ?? cookies.get(PLAIN_NAME) ?? null;
}

function serialize(name: string, value: string, secure: boolean, maxAgeSeconds: number) {
  return [
    `${name}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    ...(secure ? ['Secure'] : []),
    `Max-Age=${maxAgeSeconds}`,
  ].join('; ');
}

export function sessionCookie(token: string, secure: boolean, maxAgeMs: number): string {
  return serialize(secure ? HOST_NAME : PLAIN_NAME, token, secure, Math.floor(maxAgeMs / 1000));
}

export function clearedSessionCookie(secure: boolean): string {
  return serialize(secure ? HOST_NAME : PLAIN_NAME, '', secure, 0);
}
