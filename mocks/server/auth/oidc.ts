import { randomBytes } from 'node:crypto';
import * as client from 'openid-client';
import { type Grant, grantFor, groupsOf } from './oidc-grants';

/*
 * Sign-in through the organisation's identity provider: OpenID Connect's authorization code
 * flow with PKCE (S256), by `openid-client`. What a browser must bring back (state, the PKCE
 * verifier, the nonce) stays on the server, keyed by a random handle the browser holds in a
 * short-lived HttpOnly cookie, so a callback only completes in the browser that started it.
 */

export interface OidcOptions {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The display name on the sign-in button; the issuer's host unless given. */
  name?: string;
  /** Allows an http issuer: for an identity provider on loopback in tests only. */
  allowHttp?: boolean;
  /** The ID-token claim listing the person's groups; `groups` unless given. */
  groupsClaim?: string;
  /** What the groups grant; none means a lead lets each new person in. */
  grants?: readonly Grant[];
}

export interface OidcIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  name: string | null;
  /** What the person's groups grant here; null when no group of theirs is mapped. */
  grant: Grant | null;
}

interface Pending {
  state: string;
  nonce: string;
  verifier: string;
  redirectUri: string;
  at: number;
}

const PENDING_MS = 10 * 60 * 1000;
export const OIDC_COOKIE = 'handoff-desk-oidc';

export type OidcSignIn = Awaited<ReturnType<typeof oidcSignIn>>;

export async function oidcSignIn(options: OidcOptions, clock: () => number = Date.now) {
  const config = await client.discovery(
    new URL(options.issuer),
    options.clientId,
    undefined,
    client.ClientSecretPost(options.clientSecret),
    options.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined,
  );
  const pending = new Map<string, Pending>();
  const sweep = () => {
    for (const [handle, p] of pending) if (p.at < clock() - PENDING_MS) pending.delete(handle);
  };
  return {
    name: options.name ?? new URL(options.issuer).host,
    /** Whether groups decide role and level (otherwise a lead does, on the People screen). */
    grantsRoles: (options.grants ?? []).length > 0,
    issuer: config.serverMetadata().issuer,
    /** Where to send the browser, and the handle for its cookie. */
    async start(redirectUri: string): Promise<{ url: string; handle: string }> {
      sweep();
      const verifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const handle = randomBytes(24).toString('base64url');
      pending.set(handle, { state, nonce, verifier, redirectUri, at: clock() });
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: 'openid email profile',
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { url: url.href, handle };
    },
    /** The person the provider vouches for, or throws when the answer does not hold up. */
    async finish(handle: string | null, callbackUrl: URL): Promise<OidcIdentity> {
      const started = handle ? pending.get(handle) : undefined;
      if (handle) pending.delete(handle);
      if (!started || started.at < clock() - PENDING_MS) {
        throw new Error('The sign-in was not started in this browser, or took too long.');
      }
      // The provider answers at the redirect URI it was given; compare against that, not the
      // Host header this request happened to carry.
      const current = new URL(started.redirectUri);
      current.search = callbackUrl.search;
      const tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: started.verifier,
        expectedState: started.state,
        expectedNonce: started.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('The identity provider sent no ID token.');
      const text = (value: unknown) => (typeof value === 'string' && value ? value : null);
      return {
        issuer: claims.iss,
        subject: claims.sub,
        email: claims.email_verified === false ? null : text(claims.email),
        name: text(claims.name),
        grant: grantFor(groupsOf(claims[options.groupsClaim ?? 'groups']), options.grants ?? []),
      };
    },
  };
}
