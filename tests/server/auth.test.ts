// @vitest-environment node
import { copyFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { hashPassword } from '../../mocks/server/auth/passwords';
import type { SignInOptions } from '../../mocks/server/auth/sign-in';
import { CLIENT_HEADER } from '../../src/api/headers';
import { operations, pathOf } from '../../src/api/operations';
import { allowLoopback, type CallReply, call, serverPool, startServer } from './harness';

/*
 * People sign in to a server: a session is the only identity it believes (X-Actor-Id is
 * dropped without the insecure flag), sessions end on time and on sign-out, a failed sign-in
 * never says why, guessing is slowed per account and address, and a cookie cannot be used by
 * another site to write.
 */

const pool = serverPool();
afterEach(pool.clear);
beforeEach(() => allowLoopback());

const PASSWORD = 'correct horse battery staple';
const LEAD = { id: 'u-lee', name: 'Lee Park', role: 'lead', level: 'l2' } as const;
const REVIEWER = { id: 'u-rae', name: 'Rae Diaz', role: 'reviewer', level: 'l1' } as const;

let now = Date.parse('2026-12-02T09:00:00.000Z');
const clock = () => now;

async function start(signIn: Omit<SignInOptions, 'db'> = {}, http = {}) {
  const server = await pool.start(pool.file(), { count: 40, signIn: { clock, ...signIn }, http });
  const hash = await hashPassword(PASSWORD);
  for (const person of [LEAD, REVIEWER]) {
    server.signIn!.people.add({ ...person, passwordHash: hash }, null, 'command');
  }
  const origin = server.baseUrl.replace(/\/api$/, '');
  return { ...server, origin };
}
type Server = Awaited<ReturnType<typeof start>>;

interface Sent {
  cookie?: string;
  json?: unknown;
  headers?: Record<string, string>;
  /** Sends the app's client header and this server's Origin, as the app does. */
  fromApp?: boolean;
}

async function send(server: Server, method: string, path: string, options: Sent = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.fromApp !== false) {
    headers[CLIENT_HEADER] = '1';
    headers.origin ??= server.origin;
  }
  const actor = headers['x-actor-id'] ?? null;
  const reply = await call(server.baseUrl, method, path, { actor, json: options.json, headers });
  return reply as CallReply & { body: Record<string, unknown> | undefined };
}

async function signIn(server: Server, id: string, password = PASSWORD, extra: Sent = {}) {
  const reply = await send(server, 'POST', '/session', { json: { id, password }, ...extra });
  const setCookie = reply.headers.get('set-cookie') ?? '';
  return Object.assign(reply, { setCookie, cookie: setCookie.split(';')[0] ?? '' });
}

describe('identity on a server with sign-in', () => {
  it('refuses a request that only names an actor, and says to sign in', async () => {
    const server = await start();
    const reply = await send(server, 'GET', '/me', { headers: { 'x-actor-id': 'u-femi' } });
    expect(reply.status).toBe(401);
    expect(reply.headers.get('content-type')).toBe('application/problem+json');
    expect(reply.body?.detail).toMatch(/sign in/i);
    const stream = await send(server, 'GET', '/events', { headers: { 'x-actor-id': 'u-femi' } });
    expect(stream.status).toBe(401);
  });

  it('believes the actor header only when started with the insecure flag', async () => {
    const server = await pool.start(pool.file(), {
      count: 40,
      http: { insecureActorHeader: true },
    });
    const reply = await fetch(`${server.baseUrl}/me`, { headers: { 'x-actor-id': 'u-femi' } });
    expect(((await reply.json()) as { id: string }).id).toBe('u-femi');
  });

  it('signs in with a session cookie the core takes as the actor, whatever the header says', async () => {
    const server = await start();
    const signedIn = await signIn(server, REVIEWER.id);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toMatchObject({ mode: 'session', user: REVIEWER });
    expect(signedIn.setCookie).toMatch(/^handoff-desk-session=[\w-]{40,};/);
    expect(signedIn.setCookie).toMatch(/HttpOnly/);
    expect(signedIn.setCookie).toMatch(/SameSite=Lax/);
    expect(signedIn.setCookie).not.toMatch(/Secure/);
    const me = await send(server, 'GET', '/me', {
      cookie: signedIn.cookie,
      headers: { 'x-actor-id': 'u-femi' },
    });
    expect(me.body).toMatchObject({ id: REVIEWER.id, level: 'l1' });
    // The audit trail's who is the signed-in person.
    const claimed = await send(server, 'POST', pathOf(operations.claimNextHandoff), {
      cookie: signedIn.cookie,
      json: {},
    });
    expect(claimed.status).toBe(200);
    expect(claimed.body).toMatchObject({ assignee: { id: REVIEWER.id } });
  });

  it('sets a Secure __Host- cookie behind an https proxy it trusts', async () => {
    const server = await start({}, { trustProxy: true });
    const signedIn = await signIn(server, REVIEWER.id, PASSWORD, {
      headers: { 'x-forwarded-proto': 'https', origin: server.origin.replace('http:', 'https:') },
    });
    expect(signedIn.setCookie).toMatch(/^__Host-handoff-desk-session=/);
    expect(signedIn.setCookie).toMatch(/; Secure/);
    expect(signedIn.setCookie).toMatch(/Path=\//);
    expect(signedIn.setCookie).not.toMatch(/Domain/);
  });

  it('answers every failed sign-in the same way, in about the same time', async () => {
    const server = await start();
    server.signIn!.people.update(LEAD.id, { disabled: true }, null, 'command');
    const timed = async (id: string, password: string) => {
      const started = performance.now();
      const reply = await signIn(server, id, password, { headers: { 'x-forwarded-for': id } });
      return { ...reply, ms: performance.now() - started };
    };
    const unknown = await timed('u-nobody', PASSWORD);
    const wrong = await timed(REVIEWER.id, 'not the password at all');
    const disabled = await timed(LEAD.id, PASSWORD);
    for (const reply of [unknown, wrong, disabled]) {
      expect(reply.status).toBe(401);
      expect(reply.setCookie).toBe('');
      expect(reply.body).toEqual(wrong.body);
    }
    // Every path verifies one Argon2id hash: an unknown id is not answered faster.
    expect(unknown.ms).toBeGreaterThan(wrong.ms / 3);
    const trail = server.signIn!.people.events(REVIEWER.id);
    expect(trail[0]).toMatchObject({ action: 'sign_in_failed', detail: 'wrong password' });
  });

  it('stops guessing at one account, even with the right password, until the window passes', async () => {
    const server = await start({ attempts: { perAccount: 3 } });
    for (let i = 0; i < 3; i++)
      expect((await signIn(server, REVIEWER.id, 'guess')).status).toBe(401);
    const blocked = await signIn(server, REVIEWER.id);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // The same answer for an id that names no one: the limit tells nothing about who exists.
    for (let i = 0; i < 3; i++) await signIn(server, 'u-ghost', 'guess');
    expect((await signIn(server, 'u-ghost', 'guess')).status).toBe(429);
    now += 16 * 60 * 1000;
    expect((await signIn(server, REVIEWER.id)).status).toBe(200);
  });

  it('stops one address guessing across accounts', async () => {
    const server = await start({ attempts: { perAddress: 4, perAccount: 100 } });
    for (let i = 0; i < 4; i++) await signIn(server, `u-guess-${i}`, 'guess');
    expect((await signIn(server, LEAD.id)).status).toBe(429);
  });

  it('refuses cookie-borne writes from another site, or without the client header', async () => {
    const server = await start();
    const { cookie } = await signIn(server, REVIEWER.id);
    const write = (extra: Sent) =>
      send(server, 'POST', pathOf(operations.claimNextHandoff), { cookie, json: {}, ...extra });
    const foreign = await write({ headers: { origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    expect(foreign.body?.detail).toMatch(/evil\.example/);
    expect((await write({ fromApp: false })).status).toBe(403);
    const noHeader = await write({ fromApp: false, headers: { origin: server.origin } });
    expect(noHeader.status).toBe(403);
    const byReferer = await write({
      fromApp: false,
      headers: { [CLIENT_HEADER]: '1', referer: `${server.origin}/queue` },
    });
    expect(byReferer.status).toBe(200);
    // A sign-in form posted from elsewhere cannot sign the browser into someone's account.
    const loginCsrf = await signIn(server, REVIEWER.id, PASSWORD, {
      headers: { origin: 'https://evil.example' },
    });
    expect(loginCsrf.status).toBe(403);
  });

  it('ends a session left idle, and one past its absolute expiry however busy', async () => {
    const server = await start({ sessions: { idleMs: 30 * 60_000, absoluteMs: 2 * 3600_000 } });
    const { cookie } = await signIn(server, REVIEWER.id);
    now += 29 * 60_000;
    expect((await send(server, 'GET', '/me', { cookie })).status).toBe(200);
    now += 29 * 60_000;
    expect((await send(server, 'GET', '/me', { cookie })).status).toBe(200);
    now += 31 * 60_000;
    const idle = await send(server, 'GET', '/me', { cookie });
    expect(idle.status).toBe(401);
    expect(server.signIn!.people.events(REVIEWER.id)[0]?.action).toBe('session_expired');

    const busy = await signIn(server, REVIEWER.id);
    for (let i = 0; i < 4; i++) {
      now += 25 * 60_000;
      expect((await send(server, 'GET', '/me', { cookie: busy.cookie })).status).toBe(200);
    }
    now += 25 * 60_000;
    expect((await send(server, 'GET', '/me', { cookie: busy.cookie })).status).toBe(401);
  });

  it('signs out here, or everywhere', async () => {
    const server = await start();
    const laptop = await signIn(server, REVIEWER.id);
    const phone = await signIn(server, REVIEWER.id);
    const out = await send(server, 'DELETE', '/session', { cookie: laptop.cookie });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expect((await send(server, 'GET', '/me', { cookie: laptop.cookie })).status).toBe(401);
    expect((await send(server, 'GET', '/me', { cookie: phone.cookie })).status).toBe(200);
    const third = await signIn(server, REVIEWER.id);
    await send(server, 'DELETE', '/session?everywhere=true', { cookie: third.cookie });
    expect((await send(server, 'GET', '/me', { cookie: phone.cookie })).status).toBe(401);
    const session = await send(server, 'GET', '/session', { cookie: phone.cookie });
    expect(session.body).toMatchObject({ mode: 'session', user: null });
  });

  it('lets leads manage people, audits each change, and ends a disabled person’s sessions', async () => {
    const server = await start();
    const lead = await signIn(server, LEAD.id);
    const reviewer = await signIn(server, REVIEWER.id);
    expect((await send(server, 'GET', '/people', { cookie: reviewer.cookie })).status).toBe(403);
    const listed = await send(server, 'GET', '/people', { cookie: lead.cookie });
    expect(listed.body?.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: REVIEWER.id, signIn: 'password' })]),
    );
    const path = pathOf(operations.updatePerson, { id: REVIEWER.id });
    const promoted = await send(server, 'PUT', path, {
      cookie: lead.cookie,
      json: { level: 'l2', version: 1 },
    });
    expect(promoted.body).toMatchObject({ level: 'l2', version: 2 });
    // The new level holds at once: the session reads the account on every request.
    expect((await send(server, 'GET', '/me', { cookie: reviewer.cookie })).body?.level).toBe('l2');
    // A change made on the version before the promotion is refused, and changes nothing.
    const stale = await send(server, 'PUT', path, {
      cookie: lead.cookie,
      json: { disabled: true, version: 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'version_conflict', currentVersion: 2 });
    expect(stale.body?.detail).toMatch(/moved on to version 2 while you edited version 1/);
    expect((await send(server, 'GET', '/me', { cookie: reviewer.cookie })).status).toBe(200);
    await send(server, 'PUT', path, { cookie: lead.cookie, json: { disabled: true, version: 2 } });
    expect((await send(server, 'GET', '/me', { cookie: reviewer.cookie })).status).toBe(401);
    const own = pathOf(operations.updatePerson, { id: LEAD.id });
    expect(
      (
        await send(server, 'PUT', own, {
          cookie: lead.cookie,
          json: { disabled: true, version: 1 },
        })
      ).status,
    ).toBe(403);
    const trail = await send(
      server,
      'GET',
      pathOf(operations.listSignInEvents, { id: REVIEWER.id }),
      {
        cookie: lead.cookie,
      },
    );
    const actions = (
      (trail.body?.items ?? []) as { action: string; by: { id: string } | null }[]
    ).map((e) => e.action);
    expect(actions).toEqual(['disabled', 'role_changed', 'signed_in', 'person_added']);
    expect(((trail.body?.items ?? []) as { by: unknown }[])[0]?.by).toEqual({
      id: LEAD.id,
      name: LEAD.name,
    });
  });
});

describe('people a lead adds', () => {
  it('adds a local account that signs in, refuses a taken id at the field, and audits the adding', async () => {
    const server = await start();
    const lead = await signIn(server, LEAD.id);
    const reviewer = await signIn(server, REVIEWER.id);
    const kai = { id: 'u-kai', name: 'Kai Moss', role: 'reviewer', level: 'l2' };
    const asReviewer = await send(server, 'POST', pathOf(operations.addPerson), {
      cookie: reviewer.cookie,
      json: { ...kai, password: PASSWORD },
    });
    expect(asReviewer.status).toBe(403);
    const added = await send(server, 'POST', pathOf(operations.addPerson), {
      cookie: lead.cookie,
      json: { ...kai, password: PASSWORD },
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ ...kai, signIn: 'password', disabled: false });
    expect((await signIn(server, kai.id)).body).toMatchObject({ user: kai });

    const again = await send(server, 'POST', pathOf(operations.addPerson), {
      cookie: lead.cookie,
      json: { ...kai, name: 'Someone else', password: PASSWORD },
    });
    expect(again.status).toBe(422);
    expect(again.body?.errors).toEqual([
      { pointer: '/id', message: 'The user id "u-kai" is taken.' },
    ]);
    const short = await send(server, 'POST', pathOf(operations.addPerson), {
      cookie: lead.cookie,
      json: { ...kai, id: 'u-kim', password: 'short' },
    });
    expect(short.body?.errors).toEqual([
      { pointer: '/password', message: 'A password has at least 12 characters.' },
    ]);
    const trail = await send(server, 'GET', pathOf(operations.listSignInEvents, { id: kai.id }), {
      cookie: lead.cookie,
    });
    expect(trail.body?.items).toEqual([
      expect.objectContaining({ action: 'signed_in' }),
      expect.objectContaining({ action: 'person_added', by: { id: LEAD.id, name: LEAD.name } }),
    ]);
  });

  it('sets a new password that ends the person’s sessions; the old one no longer signs in', async () => {
    const server = await start();
    const lead = await signIn(server, LEAD.id);
    const reviewer = await signIn(server, REVIEWER.id);
    const path = pathOf(operations.resetPassword, { id: REVIEWER.id });
    const fresh = 'a brand new passphrase';
    const reset = await send(server, 'PUT', path, {
      cookie: lead.cookie,
      json: { password: fresh },
    });
    expect(reset.status).toBe(204);
    expect((await send(server, 'GET', '/me', { cookie: reviewer.cookie })).status).toBe(401);
    expect((await signIn(server, REVIEWER.id)).status).toBe(401);
    expect((await signIn(server, REVIEWER.id, fresh)).status).toBe(200);
    const own = pathOf(operations.resetPassword, { id: LEAD.id });
    expect(
      (await send(server, 'PUT', own, { cookie: lead.cookie, json: { password: fresh } })).status,
    ).toBe(403);
  });
});

describe('storage version 3', () => {
  it('adds the sign-in tables to a version 2 database and keeps its world', async () => {
    const file = pool.file();
    copyFileSync('tests/fixtures/storage/v2-server.sqlite', file);
    const server = await startServer(file, { count: 40, signIn: {} });
    try {
      expect(server.backend.state.handoffs.size).toBe(30);
      server.signIn!.people.add({ ...REVIEWER, passwordHash: null }, null, 'command');
      expect(server.signIn!.people.list().map((p) => p.id)).toEqual([REVIEWER.id]);
    } finally {
      await server.stop();
    }
    const db = new Database(file, { readonly: true });
    // Brought up to this build's version, through version 3.
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(3);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all();
    expect(tables).toEqual(
      expect.arrayContaining(['people', 'sessions', 'sign_in_events'].map((name) => ({ name }))),
    );
    db.close();
  });
});
