import type { IncomingMessage } from 'node:http';
import type { Principal } from '../../core/principal';

/*
 * Who sent a request, as one small chain: each authenticator looks for its own credential
 * (a session cookie here; an agent's key can stand beside it) and either names the principal,
 * answers that its credential is bad, or passes. The first that recognises its credential
 * decides.
 */

export interface Identified {
  principal: Principal;
  /**
   * The credential is one a browser attaches by itself (a cookie), so a write must also pass
   * the same-origin check.
   */
  ambient: boolean;
}

export type Authenticator = (req: IncomingMessage, https: boolean) => Identified | null;

export function authenticate(
  chain: readonly Authenticator[],
  req: IncomingMessage,
  https: boolean,
): Identified | null {
  for (const authenticator of chain) {
    const found = authenticator(req, https);
    if (found) return found;
  }
  return null;
}
