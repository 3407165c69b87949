import type { Session } from '../../../src/api/session-schemas';
import { ok, on } from '../route-kit';
import type { RouteGroup } from '../services';

/*
 * The core's side of the session: in the demo (and any in-process backend) the person is the
 * one the switcher names, and there is nothing to sign in to. A server answers /session
 * itself, from its accounts and cookies, before the core sees the request.
 */
export const sessionRoutes: RouteGroup = () => [
  on('getSession', ({ user }) => {
    const session: Session = {
      mode: 'demo',
      user,
      expiresAt: null,
      methods: { password: false, oidc: null },
    };
    return ok(session);
  }),
];
