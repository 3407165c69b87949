import type { IncomingMessage } from 'node:http';
import type { z } from 'zod/mini';
import type { User } from '../../../src/api/handoff-schemas';
import { type Operation, operations } from '../../../src/api/operations';
import { makeProblem } from '../../../src/api/problem';
import { decodeQuery } from '../../../src/api/query-string';
import {
  newPersonSchema,
  passwordResetSchema,
  personPatchSchema,
  type Session,
  signInRequestSchema,
} from '../../../src/api/session-schemas';
import type { ApiReply } from '../../core/http-types';
import { invalid, ok, pathPattern, problemReply } from '../../core/route-kit';
import { clearedSessionCookie, readCookies, sessionCookie } from './cookies';
import { OIDC_COOKIE } from './oidc';
import { checkPassword, hashPassword } from './passwords';
import { crossSiteRefusal } from './same-origin';
import { addressOf, type SignIn } from './sign-in';

/*
 * The sign-in endpoints of the contract (`/session`, the identity provider's start and
 * callback) and the people an admin manages, answered by the server from its accounts before
 * the core sees the request.
 */

export interface AuthRequest {
  req: IncomingMessage;
  method: string;
  path: string;
  query: URLSearchParams;
  body: string | null;
  https: boolean;
  /** Who is acting: the signed-in person, or the actor header's where that is trusted. */
  principal: User | null;
  insecureActorHeader: boolean;
  corsOrigins: ReadonlySet<string>;
}

/** One answer for every failed password sign-in: it must not tell which part was wrong. */
const SIGN_IN_FAILED = 'The user id or password is not right, or this account cannot sign in.';

const MANAGERS = new Set(['lead', 'executive']);

const matches = (op: Operation, r: AuthRequest) =>
  (r.method === op.method || (r.method === 'HEAD' && op.method === 'GET')) &&
  pathPattern(op).test(r.path);

function parseJson<T>(schema: z.ZodMiniType<T>, body: string | null): T | ApiReply {
  let json: unknown = {};
  try {
    json = body ? JSON.parse(body) : {};
  } catch {
    return problemReply(makeProblem('bad_request', 'The request body is not valid JSON.'));
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : invalid(parsed.error);
}
const isReply = (value: unknown): value is ApiReply =>
  typeof value === 'object' && value !== null && 'status' in value && 'body' in value;

const withCookie = (reply: ApiReply, cookie: string): ApiReply => ({
  ...reply,
  headers: { ...reply.headers, 'set-cookie': cookie },
});

const redirect = (location: string, cookie?: string): ApiReply => ({
  status: 302,
  headers: { location, ...(cookie ? { 'set-cookie': cookie } : {}) },
});

function sessionBody(sign: SignIn, r: AuthRequest, user: User | null, expiresAt: number | null) {
  const session: Session = {
    mode: r.insecureActorHeader ? 'insecure-actor-header' : 'session',
    user,
    expiresAt: expiresAt === null ? null : new Date(expiresAt).toISOString(),
    methods: { password: true, oidc: sign.oidc?.name ?? null },
  };
  return session;
}

async function signInWithPassword(sign: SignIn, r: AuthRequest): Promise<ApiReply> {
  const refused = crossSiteRefusal(r.req, r.https, r.corsOrigins);
  if (refused) return problemReply(makeProblem('forbidden', refused));
  const body = parseJson(signInRequestSchema, r.body);
  if (isReply(body)) return body;
  const address = addressOf(r.req);
  const wait = sign.attempts.wait(body.id, address);
  if (wait !== null) {
    const reply = problemReply(
      makeProblem('rate_limited', `Too many sign-in attempts; try again in ${wait} s.`),
    );
    return { ...reply, headers: { ...reply.headers, 'retry-after': String(wait) } };
  }
  const account = sign.people.account(body.id);
  // Always one full password check, so an unknown id takes as long as a wrong password.
  const right = await checkPassword(account?.passwordHash ?? null, body.password);
  if (!account || !right || account.disabled) {
    sign.attempts.failed(body.id, address);
    sign.people.audit({
      personId: account ? account.user.id : null,
      action: 'sign_in_failed',
      method: 'password',
      address,
      by: null,
      detail: !account
        ? `unknown id "${body.id.slice(0, 100)}"`
        : account.disabled
          ? 'account disabled'
          : 'wrong password',
    });
    return problemReply(makeProblem('unauthenticated', SIGN_IN_FAILED));
  }
  sign.attempts.succeeded(body.id);
  const { reply, cookie } = startSession(sign, r, account.user, 'password');
  return withCookie(reply, cookie);
}

function startSession(sign: SignIn, r: AuthRequest, user: User, method: 'password' | 'oidc') {
  const address = addressOf(r.req);
  const { token, expiresAt } = sign.sessions.create(user.id, method, address);
  sign.people.signedIn(user.id);
  sign.people.audit({
    personId: user.id,
    action: 'signed_in',
    method,
    address,
    by: null,
    detail: null,
  });
  const cookie = sessionCookie(token, r.https, sign.sessions.times.absoluteMs);
  return { reply: ok(sessionBody(sign, r, user, expiresAt)), cookie };
}

function signOut(sign: SignIn, r: AuthRequest): ApiReply {
  const current = sign.current(r.req, r.https);
  if (current) {
    const refused = crossSiteRefusal(r.req, r.https, r.corsOrigins);
    if (refused) return problemReply(makeProblem('forbidden', refused));
    const query = decodeQuery(operations.signOut.query, r.query);
    const everywhere = query.success && query.data.everywhere === true;
    if (everywhere) sign.sessions.destroyAll(current.user.id);
    else sign.sessions.destroy(current.token);
    sign.people.audit({
      personId: current.user.id,
      action: everywhere ? 'signed_out_everywhere' : 'signed_out',
      method: null,
      address: addressOf(r.req),
      by: null,
      detail: null,
    });
  }
  // Signing out twice is still signed out.
  return withCookie({ status: 204 }, clearedSessionCookie(r.https));
}

/** Marks the provider's handle of a sign-in started in a popup (a cookie-safe suffix). */
const POPUP_MARK = '~popup';

function appOrigin(r: AuthRequest) {
  return `${r.https ? 'https' : 'http'}://${r.req.headers.host ?? 'localhost'}`;
}

async function startOidc(sign: SignIn, r: AuthRequest): Promise<ApiReply> {
  if (!sign.oidc) return problemReply(makeProblem('not_found', 'No identity provider is set up.'));
  const callback = `${appOrigin(r)}/api${operations.finishOidcSignIn.path}`;
  const { url, handle } = await sign.oidc.start(callback);
  // A sign-in from the "session ended" dialog runs in a popup; its end says so to the page.
  const popup = r.query.get('mode') === 'popup' ? POPUP_MARK : '';
  const cookie = `${OIDC_COOKIE}=${handle}${popup}; Path=/api/session/oidc; HttpOnly; SameSite=Lax; Max-Age=600${r.https ? '; Secure' : ''}`;
  return redirect(url, cookie);
}

async function finishOidc(sign: SignIn, r: AuthRequest): Promise<ApiReply> {
  const oidc = sign.oidc;
  if (!oidc) return problemReply(makeProblem('not_found', 'No identity provider is set up.'));
  const clearHandle = `${OIDC_COOKIE}=; Path=/api/session/oidc; HttpOnly; SameSite=Lax; Max-Age=0`;
  const back = (why: string) => redirect(`/?sign-in=${why}`, clearHandle);
  const url = new URL(`${appOrigin(r)}/api${r.path}?${r.query}`);
  const raw = readCookies(r.req).get(OIDC_COOKIE) ?? null;
  const popup = raw?.endsWith(POPUP_MARK) === true;
  const handle = popup ? raw!.slice(0, -POPUP_MARK.length) : raw;
  let identity: Awaited<ReturnType<typeof oidc.finish>>;
  try {
    identity = await oidc.finish(handle, url);
  } catch (error) {
    console.warn(`Sign-in with the identity provider failed: ${(error as Error).message}`);
    return back('failed');
  }
  const address = addressOf(r.req);
  let found = sign.people.bySubject(identity.issuer, identity.subject);
  if (!found && identity.email) {
    // A person an admin added with this email links to the provider on first sign-in.
    const invited = sign.people.unlinkedByEmail(identity.email);
    if (invited) {
      sign.people.linkSubject(invited.user.id, identity.issuer, identity.subject);
      found = sign.people.bySubject(identity.issuer, identity.subject);
    }
  }
  const grant = identity.grant;
  if (!found) {
    // Unknown to this desk: let in at what their groups grant, or recorded with no access
    // until a lead grants it.
    const id = identity.email ?? `oidc-${identity.subject}`;
    if (!sign.people.account(id)) {
      sign.people.add(
        {
          id,
          name: identity.name ?? identity.email ?? identity.subject,
          role: grant?.role ?? 'reviewer',
          level: grant?.level ?? 'l1',
          email: identity.email,
          disabled: !grant,
          oidc: { issuer: identity.issuer, subject: identity.subject },
        },
        null,
        'oidc',
      );
    }
    found = grant ? sign.people.bySubject(identity.issuer, identity.subject) : null;
    if (!found) return back('pending');
  } else if (grant && (grant.role !== found.user.role || grant.level !== found.user.level)) {
    // The directory is where the organisation keeps who is what: a changed group shows here
    // at the next sign-in, audited as a change by the identity provider.
    sign.people.update(found.user.id, { role: grant.role, level: grant.level }, null, 'oidc');
    found = sign.people.bySubject(identity.issuer, identity.subject)!;
  }
  if (found.disabled) {
    sign.people.audit({
      personId: found.user.id,
      action: 'sign_in_failed',
      method: 'oidc',
      address,
      by: null,
      detail: 'account disabled',
    });
    return back('pending');
  }
  const { cookie } = startSession(sign, r, found.user, 'oidc');
  const location = popup ? '/?sign-in=popup-done' : '/';
  return { status: 302, headers: { location, 'set-cookie': cookie } };
}

type AdminAction = 'list' | 'add' | 'update' | 'password' | 'events';

const adminActions: ReadonlyArray<[Operation, AdminAction]> = [
  [operations.listPeople, 'list'],
  [operations.addPerson, 'add'],
  [operations.updatePerson, 'update'],
  [operations.resetPassword, 'password'],
  [operations.listSignInEvents, 'events'],
];

const fieldTaken = (pointer: string, message: string) =>
  problemReply(
    makeProblem('validation', 'Some fields need attention.', { errors: [{ pointer, message }] }),
  );

async function addPerson(sign: SignIn, r: AuthRequest, me: User): Promise<ApiReply> {
  const body = parseJson(newPersonSchema, r.body);
  if (isReply(body)) return body;
  if (sign.people.account(body.id)) return fieldTaken('/id', `The user id "${body.id}" is taken.`);
  if (body.email && sign.people.byEmail(body.email)) {
    return fieldTaken('/email', `${body.email} already belongs to someone here.`);
  }
  const person = sign.people.add(
    {
      id: body.id,
      name: body.name,
      role: body.role,
      level: body.level,
      email: body.email ?? null,
      passwordHash: body.password ? await hashPassword(body.password) : null,
    },
    { id: me.id, name: me.name },
    'admin',
  );
  return { ...ok(person), status: 201 };
}

async function peopleAdmin(sign: SignIn, r: AuthRequest): Promise<ApiReply | null> {
  const found = adminActions.find(([op]) => matches(op, r));
  if (!found) return null;
  const [op, admin] = found;
  const me = r.principal;
  if (!me) return problemReply(makeProblem('unauthenticated', 'Sign in to continue.'));
  if (!MANAGERS.has(me.role)) {
    return problemReply(makeProblem('forbidden', 'Only leads and executives manage people.'));
  }
  if (admin === 'list') return ok({ items: sign.people.list() });
  if (admin === 'add') return addPerson(sign, r, me);
  let id: string;
  try {
    id = decodeURIComponent(pathPattern(op).exec(r.path)![1]!);
  } catch {
    return problemReply(makeProblem('not_found', `No person at ${r.path}.`));
  }
  if (!sign.people.person(id)) return problemReply(makeProblem('not_found', `No person "${id}".`));
  if (admin === 'events') {
    const query = decodeQuery(operations.listSignInEvents.query, r.query);
    if (!query.success) return invalid(query.error);
    return ok({ items: sign.people.events(id, query.data.limit ?? 100) });
  }
  if (id === me.id) {
    return problemReply(
      makeProblem('forbidden', 'Ask another lead to change your own role, level or access.'),
    );
  }
  const by = { id: me.id, name: me.name };
  if (admin === 'password') {
    const body = parseJson(passwordResetSchema, r.body);
    if (isReply(body)) return body;
    sign.people.setPassword(id, await hashPassword(body.password), by, 'admin');
    // Whoever knew the old password is signed out with it.
    sign.sessions.destroyAll(id);
    return { status: 204 };
  }
  const patch = parseJson(personPatchSchema, r.body);
  if (isReply(patch)) return patch;
  const person = sign.people.update(id, patch, by, 'admin');
  // A disabled person's sessions end now, not at their expiry.
  if (patch.disabled) sign.sessions.destroyAll(id);
  return ok(person);
}

/** The answer when the request is for one of these endpoints; null to pass it on. */
export async function answerSignIn(sign: SignIn, r: AuthRequest): Promise<ApiReply | null> {
  if (matches(operations.getSession, r)) {
    const current = sign.current(r.req, r.https);
    return ok(sessionBody(sign, r, current?.user ?? r.principal, current?.expiresAt ?? null));
  }
  if (matches(operations.signIn, r)) return signInWithPassword(sign, r);
  if (matches(operations.signOut, r)) return signOut(sign, r);
  if (matches(operations.startOidcSignIn, r)) return startOidc(sign, r);
  if (matches(operations.finishOidcSignIn, r)) return finishOidc(sign, r);
  return peopleAdmin(sign, r);
}
