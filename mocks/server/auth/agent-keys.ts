import type { Backend } from '../../core/backend';
import type { Authenticator } from './authenticate';

/*
 * Agents authenticate with an API key (`Authorization: Bearer hd_…`), checked against the
 * hashed keys the backend keeps. A key is not ambient (a browser never attaches one by itself),
 * so an agent's writes need no same-origin check. A bad key passes here and the core answers
 * it with a 401: a request that sends a key is never taken for a signed-in person.
 */
export const agentKeyAuthenticator =
  (backend: Backend): Authenticator =>
  (req) => {
    const header = req.headers.authorization;
    const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    const agent = m ? backend.agentForKey(m[1]!) : null;
    return agent ? { principal: agent, ambient: false } : null;
  };

/** `NAME=SECRET` from the command line, or the reason it cannot be one. */
export function parseAgentKeyArg(arg: string): { name: string; secret: string } | string {
  const at = arg.indexOf('=');
  // The argument may be nothing but the secret: it is never repeated into the log.
  if (at < 1) return '--agent-key wants NAME=SECRET (the value given has no NAME=).';
  const name = arg.slice(0, at).trim();
  const secret = arg.slice(at + 1).trim();
  if (!/^hd_[A-Za-z0-9_-]{16,200}$/.test(secret)) {
    return `The key for ${name} must start with hd_ and have at least 16 more letters, digits, - or _.`;
  }
  return { name, secret };
}
