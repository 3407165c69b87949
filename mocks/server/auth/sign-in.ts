import type { IncomingMessage } from 'node:http';
import type Database from 'better-sqlite3';
import type { User } from '../../../src/api/handoff-schemas';
import { type AttemptLimits, DEFAULT_ATTEMPT_LIMITS, signInAttempts } from './attempts';
import type { Authenticator } from './authenticate';
import { sessionToken } from './cookies';
import type { OidcSignIn } from './oidc';
import { peopleStore } from './people-store';
import { DEFAULT_SESSION_TIMES, type SessionTimes, sessionStore } from './session-store';

/*
 * Everything a server needs for people to sign in: their accounts, their sessions, the count
 * of failed attempts and, when configured, the identity provider.
 */

export interface SignInOptions {
  db: Database.Database;
  sessions?: Partial<SessionTimes>;
  attempts?: Partial<AttemptLimits>;
  oidc?: OidcSignIn | null;
  clock?: () => number;
}

export type SignIn = ReturnType<typeof signInService>;

export const addressOf = (req: IncomingMessage) => req.socket.remoteAddress ?? 'unknown';

export function signInService({
  db,
  sessions: sessionTimes = {},
  attempts: limits = {},
  oidc = null,
  clock = Date.now,
}: SignInOptions) {
  const people = peopleStore(db, clock);
  const sessions = sessionStore(db, { ...DEFAULT_SESSION_TIMES, ...sessionTimes }, clock);
  const attempts = signInAttempts({ ...DEFAULT_ATTEMPT_LIMITS, ...limits }, clock);

  /** The signed-in person behind the request's cookie; disabled people are no one. */
  function current(req: IncomingMessage, https: boolean) {
    const token = sessionToken(req, https);
    if (!token) return null;
    const { session, expired } = sessions.open(token);
    if (expired) {
      people.audit({
        personId: expired.person_id,
        action: 'session_expired',
        method: null,
        address: addressOf(req),
        by: null,
        detail: null,
      });
    }
    if (!session) return null;
    const account = people.account(session.personId);
    if (!account || account.disabled) return null;
    return { token, user: account.user as User, expiresAt: session.expiresAt };
  }

  const sessionAuthenticator: Authenticator = (req, https) => {
    const found = current(req, https);
    return found ? { principal: found.user, ambient: true } : null;
  };

  return {
    people,
    sessions,
    attempts,
    oidc,
    clock,
    current,
    authenticators: [sessionAuthenticator],
  };
}
