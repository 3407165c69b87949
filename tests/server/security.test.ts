// @vitest-environment node
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import type { HandoffSummary } from '../../src/api/handoff-schemas';
import { operations, pathOf } from '../../src/api/operations';
import { serverFixture } from '../fixtures/storage/fixtures';
import { allowLoopback, call, serverPool, type startServer } from './harness';

/*
 * The server as an attacker meets it: paths that try to leave the build folder, requests Node
 * cannot parse, forged cursors, floods of writes, other origins; and the headers, problem
 * documents and caching every answer must carry.
 */

const pool = serverPool();
afterAll(pool.clear);
beforeEach(() => allowLoopback());

const APP_JS = `console.log(${JSON.stringify('x'.repeat(4000))});`;

/** A build folder and, beside it, a folder whose name starts the same way. */
function buildFolder(file: string): string {
  const dir = join(file, '..');
  const root = join(dir, 'dist');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(root, 'config.json'), '{"apiBase":"/api"}');
  writeFileSync(join(root, 'assets', 'app.js'), APP_JS);
  writeFileSync(join(root, 'assets', 'app.js.br'), brotliCompressSync(APP_JS));
  writeFileSync(join(root, 'assets', 'app.js.gz'), gzipSync(APP_JS));
  mkdirSync(join(dir, 'dist-canary'));
  writeFileSync(join(dir, 'dist-canary', 'secret.txt'), 'canary');
  writeFileSync(join(dir, 'secret.txt'), 'canary');
  return root;
}

async function start(options: Parameters<typeof startServer>[1] = {}) {
  const file = pool.file();
  const server = await pool.start(file, {
    count: 40,
    ...options,
    http: { staticDir: buildFolder(file), ...options.http },
  });
  return { ...server, origin: server.baseUrl.replace(/\/api$/, '') };
}

/** A request exactly as written, for what fetch would refuse to send. */
function raw(origin: string, request: string): Promise<string> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    // Written, not ended: the server closes once it has answered (Connection: close).
    const socket = connect(Number(port), hostname, () => socket.write(request));
    let text = '';
    socket.on('data', (chunk) => {
      text += chunk.toString('utf8');
    });
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}

async function expectProblem(response: Response, status: number, code?: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = (await response.json()) as { status: number; detail: string; code: string };
  expect(body.status).toBe(status);
  if (code) expect(body.code).toBe(code);
  return body;
}

const actor = { 'X-Actor-Id': 'u-ana' };
const writeHeaders = () => ({
  ...actor,
  'content-type': 'application/json',
  'Idempotency-Key': crypto.randomUUID(),
});

describe('the static root', () => {
  let origin: string;
  beforeAll(async () => {
    allowLoopback();
    ({ origin } = await start());
  });

  it.each([
    '/..%2fdist-canary%2fsecret.txt',
    '/..%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/%2e%2e/dist-canary/secret.txt',
    '/..%5csecret.txt',
  ])('serves nothing outside the build folder for %s', async (path) => {
    const response = await fetch(`${origin}${path}`);
    expect(await response.text()).not.toContain('canary');
  });

  it('answers a path that is not valid percent-encoding with a 400 problem', async () => {
    await expectProblem(await fetch(`${origin}/%ff`), 400, 'bad_request');
    await expectProblem(await fetch(`${origin}/%E0%A4%A`), 400, 'bad_request');
  });

  it('answers a NUL byte in a path with a problem, not a crash', async () => {
    const response = await fetch(`${origin}/index.html%00.js`);
    expect(response.status).toBeLessThan(500);
  });

  it('still serves client-side routes the app shell, and a missing asset as a 404 problem', async () => {
    const shell = await fetch(`${origin}/queue`);
    expect(shell.status).toBe(200);
    expect(await shell.text()).toContain('id="root"');
    await expectProblem(await fetch(`${origin}/assets/missing.js`), 404);
  });
});

describe('the headers on every answer', () => {
  let origin: string;
  beforeAll(async () => {
    allowLoopback();
    ({ origin } = await start({ http: { trustProxy: true } }));
  });

  it.each(['/', '/queue', '/assets/app.js', '/config.json', '/api/me', '/api/nowhere', '/%ff'])(
    '%s carries the security headers',
    async (path) => {
      const response = await fetch(`${origin}${path}`, { headers: actor });
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('strict-transport-security')).toBeNull();
    },
  );

  it('sends HSTS only for a request the trusted proxy says came over https', async () => {
    const https = await fetch(`${origin}/`, { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(https.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });

  it('ignores X-Forwarded-Proto unless the proxy is trusted', async () => {
    const other = await start();
    const response = await fetch(`${other.origin}/`, { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });
});

describe('problem documents on every error path', () => {
  let server: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    allowLoopback();
    server = await start();
  });

  it('answers an unknown API path with 404, whatever the method', async () => {
    await expectProblem(await fetch(`${server.baseUrl}/nowhere`, { headers: actor }), 404);
    await expectProblem(
      await fetch(`${server.baseUrl}/nowhere`, { method: 'DELETE', headers: actor }),
      404,
    );
  });

  it('answers a known path with the wrong method with 405 and Allow', async () => {
    const response = await fetch(`${server.baseUrl}/handoffs`, {
      method: 'DELETE',
      headers: writeHeaders(),
    });
    await expectProblem(response, 405, 'method_not_allowed');
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    const onStatic = await fetch(`${server.origin}/queue`, { method: 'POST' });
    await expectProblem(onStatic, 405, 'method_not_allowed');
    expect(onStatic.headers.get('allow')).toBe('GET, HEAD');
  });

  it('answers a body over the limit with a 413 problem', async () => {
    const response = await fetch(`${server.baseUrl}/handoffs/claim-next`, {
      method: 'POST',
      headers: writeHeaders(),
      body: JSON.stringify({ pad: 'x'.repeat(300 * 1024) }),
    });
    await expectProblem(response, 413, 'payload_too_large');
  });

  it('answers a body that is not JSON with a 400 problem', async () => {
    const response = await fetch(`${server.baseUrl}/handoffs/claim-next`, {
      method: 'POST',
      headers: writeHeaders(),
      body: '{"version":',
    });
    await expectProblem(response, 400, 'bad_request');
  });

  it('replays a refused write as the same problem document', async () => {
    const headers = writeHeaders();
    const path = `${server.baseUrl}${pathOf(operations.claimHandoff, { id: 'h-missing' })}`;
    const send = () => fetch(path, { method: 'POST', headers, body: '{"version":1}' });
    await expectProblem(await send(), 404);
    const replay = await send();
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    await expectProblem(replay, 404);
  });

  it('answers a request line Node cannot parse with a 400 problem', async () => {
    const text = await raw(server.origin, 'GET /a b c\r\n\r\n');
    expect(text).toMatch(/^HTTP\/1\.1 400/);
    expect(text).toMatch(/content-type: application\/problem\+json/i);
    expect(text).toMatch(/content-security-policy:/i);
    expect(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4))).toMatchObject({
      status: 400,
      code: 'bad_request',
    });
  });

  it('answers oversized headers with a 431 problem', async () => {
    const text = await raw(
      server.origin,
      `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`,
    );
    expect(text).toMatch(/^HTTP\/1\.1 431/);
    expect(text).toMatch(/content-type: application\/problem\+json/i);
  });

  it('never echoes what went wrong inside a failed request', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const leak = new Error('secret-token-123 at /srv/private/db');
    const throwing = {
      get: () => {
        throw leak;
      },
    } as unknown as Headers;
    const direct = await server.backend.handle({
      method: 'GET',
      path: '/handoffs',
      query: new URLSearchParams(),
      headers: throwing,
      body: null,
    });
    expect(direct.status).toBe(500);
    expect(JSON.stringify(direct.body)).not.toContain('secret-token-123');
    vi.spyOn(server.backend, 'handle').mockRejectedValue(leak);
    const reply = await call(server.baseUrl, 'GET', '/handoffs');
    expect(reply.status).toBe(500);
    expect(reply.contentType).toMatch(/^application\/problem\+json/);
    expect(JSON.stringify(reply.body)).not.toContain('secret-token-123');
    quiet.mockRestore();
  });
});

describe('HEAD', () => {
  let server: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    allowLoopback();
    server = await start();
  });

  it.each([
    ['the API', '/api/handoffs'],
    ['a static file', '/assets/app.js'],
    ['the app shell', '/queue'],
  ])('answers %s like GET, without a body', async (_, path) => {
    const get = await fetch(`${server.origin}${path}`, { headers: actor });
    const head = await fetch(`${server.origin}${path}`, { method: 'HEAD', headers: actor });
    expect(head.status).toBe(get.status);
    expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'));
    expect(head.headers.get('content-length')).toBe(get.headers.get('content-length'));
    expect(await head.text()).toBe('');
  });

  it('answers HEAD like GET on every GET of the operation table', async () => {
    const full = await start({
      signIn: {},
      webhooks: {},
      trustActorHeader: true,
      http: { insecureActorHeader: true },
    });
    const lead = { 'X-Actor-Id': 'u-femi' };
    const item = (await call(full.baseUrl, 'GET', '/handoffs', { query: { limit: '1' } })).body as {
      items: { id: string }[];
    };
    const ids: Record<string, string> = { id: item.items[0]!.id, deliveryId: 'd-none' };
    const gets = Object.values(operations).filter(
      (op) => op.method === 'GET' && op !== operations.streamChanges,
    );
    expect(gets.length).toBeGreaterThan(10);
    for (const op of gets) {
      const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? 'x');
      const get = await fetch(`${full.baseUrl}${path}`, { headers: lead, redirect: 'manual' });
      await get.arrayBuffer();
      const head = await fetch(`${full.baseUrl}${path}`, {
        method: 'HEAD',
        headers: lead,
        redirect: 'manual',
      });
      expect(head.status, `HEAD ${path}`).toBe(get.status);
      expect(head.status, `HEAD ${path}`).not.toBe(405);
      expect(head.headers.get('content-type'), `HEAD ${path}`).toBe(
        get.headers.get('content-type'),
      );
      expect(await head.text()).toBe('');
    }
  });
});

describe('write rate limits', () => {
  it('answers writes beyond the limit with 429 and Retry-After, per person', async () => {
    const server = await start({ http: { rateLimit: { limit: 3 } } });
    const claimNext = () => call(server.baseUrl, 'POST', '/handoffs/claim-next');
    for (let i = 0; i < 3; i += 1) expect((await claimNext()).status).not.toBe(429);
    const response = await fetch(`${server.baseUrl}/handoffs/claim-next`, {
      method: 'POST',
      headers: writeHeaders(),
    });
    await expectProblem(response, 429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    // Reads and other people go on.
    expect((await call(server.baseUrl, 'GET', '/handoffs')).status).toBe(200);
    const other = await call(server.baseUrl, 'POST', '/handoffs/claim-next', { actor: 'u-ben' });
    expect(other.status).not.toBe(429);
  });
});

describe('idempotency records', () => {
  it('expire after their lifetime and are purged from the database', async () => {
    let now = Date.parse('2026-03-02T09:00:00Z');
    const server = await start({ clock: () => now, idempotencyTtlMs: 60_000 });
    const key = 'same-key';
    const first = await call(server.baseUrl, 'POST', '/handoffs/claim-next', { key });
    expect(first.status).toBe(200);
    const again = await call(server.baseUrl, 'POST', '/handoffs/claim-next', { key });
    expect(again.body).toEqual(first.body);

    now += 61_000;
    await server.backend.tick();
    expect(server.backend.state.idempotency.size).toBe(0);
    const db = new Database(server.file, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM idempotency').get()).toEqual({ n: 0 });
    db.close();
    const after = await call(server.baseUrl, 'POST', '/handoffs/claim-next', { key });
    expect(after.status).toBe(200);
    expect((after.body as { id: string }).id).not.toBe((first.body as { id: string }).id);
  });

  it('keep a digest of the body, not the body', async () => {
    const server = await start();
    await call(server.baseUrl, 'POST', '/handoffs/claim-next', { json: {}, key: 'k-digest' });
    const [, stored] = [...server.backend.state.idempotency.entries()][0]!;
    expect(stored.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(typeof stored.at).toBe('number');
  });

  it('never keep a secret shown once: a replay of a new agent key says it is gone', async () => {
    const server = await start();
    const made = await call(server.baseUrl, 'POST', '/agent-keys', {
      actor: 'u-femi',
      json: { name: 'nightly-bot' },
      key: 'k-agent-key',
    });
    expect(made.status).toBe(201);
    const { secret } = made.body as { secret: string };
    expect(secret).toMatch(/^hd_/);
    const db = new Database(server.file, { readonly: true });
    const rows = db.prepare('SELECT body FROM idempotency').all() as { body: string }[];
    db.close();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(secret);
    const replay = await call(server.baseUrl, 'POST', '/agent-keys', {
      actor: 'u-femi',
      json: { name: 'nightly-bot' },
      key: 'k-agent-key',
    });
    expect(replay.status).toBe(410);
    expect(replay.contentType).toMatch(/^application\/problem\+json/);
    expect(JSON.stringify(replay.body)).not.toContain(secret);
    expect((replay.body as { detail: string }).detail).toMatch(/revoke/);
  });

  it('stay bounded in number, the oldest going first', async () => {
    const server = await start({ maxIdempotencyRecords: 2 });
    for (const key of ['k1', 'k2', 'k3']) {
      await call(server.baseUrl, 'POST', '/handoffs/claim-next', { key });
    }
    await server.backend.tick();
    expect([...server.backend.state.idempotency.keys()].map((k) => k.split(' ').at(-1))).toEqual([
      'k2',
      'k3',
    ]);
  });

  it('written by earlier builds are migrated and still replay', async () => {
    const file = pool.file();
    copyFileSync(serverFixture('v0'), file);
    const server = await pool.start(file);
    const db = new Database(file, { readonly: true });
    const rows = db.prepare('SELECT body FROM idempotency').all() as { body: string }[];
    db.close();
    for (const row of rows) {
      const record = JSON.parse(row.body) as { fingerprint: string; at: unknown };
      expect(record.fingerprint).toMatch(/^sha256:/);
      expect(typeof record.at).toBe('number');
    }
    const replay = await fetch(`${server.baseUrl}/handoffs/h-3125/claim`, {
      method: 'POST',
      headers: { 'X-Actor-Id': 'u-ben', 'Idempotency-Key': 'fixture-3' },
      body: '{"version":1}',
    });
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
  });
});

describe('cursors', () => {
  it('refuses a cursor the server did not issue with 400, and accepts its own', async () => {
    const server = await start();
    const forged = btoa(JSON.stringify({ k: 1, id: 'h-1' }));
    const bad = await fetch(`${server.baseUrl}/handoffs?cursor=${encodeURIComponent(forged)}`, {
      headers: actor,
    });
    await expectProblem(bad, 400);
    const first = await call(server.baseUrl, 'GET', '/handoffs', { query: { limit: '5' } });
    const cursor = (first.body as { nextCursor: string }).nextCursor;
    const tampered = `${cursor.slice(0, -1)}${cursor.endsWith('0') ? '1' : '0'}`;
    expect(
      (await call(server.baseUrl, 'GET', '/handoffs', { query: { cursor: tampered } })).status,
    ).toBe(400);
    const next = await call(server.baseUrl, 'GET', '/handoffs', { query: { cursor, limit: '5' } });
    expect(next.status).toBe(200);
    const ids = (page: unknown) => (page as { items: HandoffSummary[] }).items.map((i) => i.id);
    expect(ids(next.body)).not.toEqual(ids(first.body));
  });

  it('signed with the same secret stay valid across a restart', async () => {
    const file = pool.file();
    const one = await pool.start(file, { cursorSecret: 'kept' });
    const page = await call(one.baseUrl, 'GET', '/handoffs', { query: { limit: '5' } });
    await pool.stop(one);
    const two = await pool.start(file, { cursorSecret: 'kept' });
    const cursor = (page.body as { nextCursor: string }).nextCursor;
    expect((await call(two.baseUrl, 'GET', '/handoffs', { query: { cursor } })).status).toBe(200);
  });
});

describe('claims', () => {
  it('refuses the holder’s claim on a stale version with 409', async () => {
    const server = await start();
    const claimed = await call(server.baseUrl, 'POST', '/handoffs/claim-next');
    const h = claimed.body as { id: string; version: number };
    const path = pathOf(operations.claimHandoff, { id: h.id });
    const stale = await call(server.baseUrl, 'POST', path, { json: { version: h.version - 1 } });
    expect(stale.status).toBe(409);
    expect(stale.contentType).toMatch(/^application\/problem\+json/);
    const current = await call(server.baseUrl, 'POST', path, { json: { version: h.version } });
    expect(current.status).toBe(200);
  });
});

describe('CORS', () => {
  const preflight = (url: string, origin: string) =>
    fetch(url, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type, x-actor-id, idempotency-key',
      },
    });

  it('is closed by default', async () => {
    const server = await start();
    const response = await fetch(`${server.baseUrl}/me`, {
      headers: { ...actor, Origin: 'https://evil.example' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const pre = await preflight(`${server.baseUrl}/handoffs/claim-next`, 'https://evil.example');
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('opens to the listed origins only', async () => {
    const server = await start({ http: { corsOrigins: ['https://desk.example'] } });
    const url = `${server.baseUrl}/handoffs/claim-next`;
    const allowed = await preflight(url, 'https://desk.example');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://desk.example');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('idempotency-key');
    const read = await fetch(`${server.baseUrl}/me`, {
      headers: { ...actor, Origin: 'https://desk.example' },
    });
    expect(read.headers.get('access-control-allow-origin')).toBe('https://desk.example');
    const refused = await preflight(url, 'https://evil.example');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(refused.status).toBe(403);
  });
});

describe('compression and validators', () => {
  let origin: string;
  beforeAll(async () => {
    allowLoopback();
    ({ origin } = await start());
  });

  /** Raw bytes: fetch would decode the body and hide the coding. */
  async function fetchAs(path: string, acceptEncoding: string, extra: Record<string, string> = {}) {
    const text = await raw(
      origin,
      `GET ${path} HTTP/1.1\r\nHost: x\r\nAccept-Encoding: ${acceptEncoding}\r\nConnection: close\r\n${Object.entries(
        extra,
      )
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('')}\r\n`,
    );
    const [head = ''] = text.split('\r\n\r\n');
    const header = (name: string) =>
      new RegExp(`^${name}: (.*)$`, 'im').exec(head)?.[1]?.trim() ?? null;
    return { status: Number(head.split(' ')[1]), header };
  }

  it('sends brotli to a client that accepts it, gzip to one that only takes gzip, else identity', async () => {
    const br = await fetchAs('/assets/app.js', 'gzip, deflate, br');
    expect(br.header('content-encoding')).toBe('br');
    expect(br.header('vary')).toMatch(/accept-encoding/i);
    expect(Number(br.header('content-length'))).toBe(brotliCompressSync(APP_JS).length);
    const gz = await fetchAs('/assets/app.js', 'gzip');
    expect(gz.header('content-encoding')).toBe('gzip');
    const none = await fetchAs('/assets/app.js', 'identity');
    expect(none.header('content-encoding')).toBeNull();
    expect(Number(none.header('content-length'))).toBe(APP_JS.length);
    const refused = await fetchAs('/assets/app.js', 'br;q=0, gzip');
    expect(refused.header('content-encoding')).toBe('gzip');
  });

  it('decodes to the same file through fetch', async () => {
    const response = await fetch(`${origin}/assets/app.js`);
    expect(await response.text()).toBe(APP_JS);
  });

  it.each(['/index.html', '/config.json', '/queue', '/assets/app.js'])(
    'answers %s with an ETag and 304 when it still matches',
    async (path) => {
      const first = await fetch(`${origin}${path}`);
      const etag = first.headers.get('etag');
      expect(etag).toBeTruthy();
      const again = await fetch(`${origin}${path}`, { headers: { 'If-None-Match': etag! } });
      expect(again.status).toBe(304);
      const other = await fetch(`${origin}${path}`, { headers: { 'If-None-Match': '"nope"' } });
      expect(other.status).toBe(200);
    },
  );

  it('names the coding in the ETag, so caches keep the copies apart', async () => {
    const br = await fetchAs('/assets/app.js', 'br');
    const plain = await fetchAs('/assets/app.js', 'identity');
    expect(br.header('etag')).not.toBe(plain.header('etag'));
  });
});
