// @vitest-environment node

import { sqlitePersistence } from '../../mocks/persistence/sqlite';
import { createRandom, type Random } from '../../mocks/seed/random';
import {
  type AuditEvent,
  auditEventSchema,
  auditPageSchema,
  decisionResultSchema,
  type Handoff,
  handoffPageSchema,
  handoffSchema,
  problemSchema,
  userSchema,
  usersSchema,
} from '../../src/api/handoff-schemas';
import { ACTOR_HEADER, IDEMPOTENCY_HEADER } from '../../src/api/headers';
import {
  allowLoopback,
  type RunningServer,
  removeDbFile,
  startServer,
  tempDbFile,
} from './harness';

/*
 * Throws a few hundred seeded random requests at the server over real HTTP: wrong methods,
 * real and bogus ids, broken and oversized bodies, missing and reused headers, and enough
 * well-formed writes with live versions to move items through their lifecycle. Whatever
 * arrives, the server must answer with a problem rather than fail, and the world it keeps
 * must stay one the contract can describe.
 *
 * Reproduce a failure with HANDOFF_FUZZ_SEED=<seed> npx vitest run tests/server/fuzz.test.ts
 */

const SEED = Number(process.env.HANDOFF_FUZZ_SEED ?? 20_261_125);
const REQUESTS = 400;
const BUDGET_MS = 5_000;
/** The reference server's body limit, the same at the transport and in the core. */
const LIMIT = 256 * 1024;

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
const STAFF = ['u-ana', 'u-ben', 'u-chen', 'u-dana'];
const BOGUS_IDS = [
  'h-0',
  'h-99999999',
  '%E0%A4%A',
  '%',
  '%00',
  'h-1%2Fclaim',
  encodeURIComponent('🙂 ticket'),
  'null',
  'x'.repeat(2_000),
];
const STATUSES = ['pending', 'claimed', 'approved', 'escalated', 'sleeping'];
const LEVELS = ['ai', 'l1', 'l2', 'manager', 'executive', 'boss'];

type Endpoint = {
  method: (typeof METHODS)[number];
  path: (id: string) => string;
  body?: 'version' | 'draft' | 'decision' | 'any';
};

/** Real endpoints, weighted towards the writes that move items, and a few that do not exist. */
const endpoints: [Endpoint, number][] = [
  [{ method: 'GET', path: () => '/handoffs' }, 8],
  [{ method: 'POST', path: () => '/handoffs/claim-next', body: 'any' }, 3],
  [{ method: 'GET', path: (id) => `/handoffs/${id}` }, 4],
  [{ method: 'GET', path: (id) => `/handoffs/${id}/events` }, 3],
  [{ method: 'POST', path: (id) => `/handoffs/${id}/claim`, body: 'version' }, 10],
  [{ method: 'POST', path: (id) => `/handoffs/${id}/release`, body: 'version' }, 6],
  [{ method: 'PUT', path: (id) => `/handoffs/${id}/draft`, body: 'draft' }, 8],
  [{ method: 'POST', path: (id) => `/handoffs/${id}/decisions`, body: 'decision' }, 16],
  [{ method: 'GET', path: () => '/me' }, 2],
  [{ method: 'GET', path: () => '/users' }, 2],
  [{ method: 'POST', path: () => '/demo/reset', body: 'any' }, 2],
  [{ method: 'GET', path: () => '/nowhere' }, 1],
  [{ method: 'GET', path: () => '' }, 1],
  [{ method: 'POST', path: (id) => `/handoffs/${id}/approve`, body: 'decision' }, 1],
  [{ method: 'GET', path: (id) => `/handoffs/${id}/claim/again` }, 1],
];

/** Which schema a success from each route must parse with. */
const successSchemas: [RegExp, string, { safeParse(v: unknown): { success: boolean } }][] = [
  [/^\/handoffs\/?$/, 'GET', handoffPageSchema],
  [/^\/handoffs\/claim-next\/?$/, 'POST', handoffSchema],
  [/^\/handoffs\/[^/]+\/?$/, 'GET', handoffSchema],
  [/^\/handoffs\/[^/]+\/events\/?$/, 'GET', auditPageSchema],
  [/^\/handoffs\/[^/]+\/(claim|release)\/?$/, 'POST', handoffSchema],
  [/^\/handoffs\/[^/]+\/draft\/?$/, 'PUT', handoffSchema],
  [/^\/handoffs\/[^/]+\/decisions\/?$/, 'POST', decisionResultSchema],
  [/^\/me\/?$/, 'GET', userSchema],
  [/^\/users\/?$/, 'GET', usersSchema],
];

interface FuzzRequest {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** Builds requests from the seed and what the world looks like right now. */
class Generator {
  private readonly keys: string[];
  private readonly cursors: string[] = [];

  constructor(
    private readonly r: Random,
    private readonly world: () => Map<string, Handoff>,
    private readonly focus: string[],
    private readonly others: string[],
  ) {
    this.keys = Array.from({ length: 25 }, (_, i) => `fuzz-key-${i}`);
  }

  /** Remembers cursors the server issued, to send them back with other filters. */
  learn(body: unknown) {
    const cursor = (body as { nextCursor?: unknown } | undefined)?.nextCursor;
    if (typeof cursor === 'string' && this.cursors.length < 20) this.cursors.push(cursor);
  }

  next(): FuzzRequest {
    const { r } = this;
    if (r.chance(0.3)) return this.wellFormed();
    const endpoint = r.weighted(endpoints);
    const method = r.chance(0.9) ? endpoint.method : r.pick(METHODS);
    const id = r.weighted<() => string>([
      [() => r.pick(this.focus), 80],
      [() => r.pick(this.others), 10],
      [() => r.pick(BOGUS_IDS), 10],
    ])();
    const path = endpoint.path(id);
    const item = this.world().get(decodeSafely(id));
    const hasBody = method !== 'GET' && method !== 'HEAD';
    return {
      method,
      path,
      query: path === '/handoffs' ? this.query() : '',
      headers: this.headers(),
      body: hasBody ? this.body(endpoint.body ?? 'any', item) : undefined,
    };
  }

  /** A write the app itself could send, so items really move between the noisy requests. */
  private wellFormed(): FuzzRequest {
    const { r } = this;
    const id = r.pick(this.focus);
    const item = this.world().get(id)!;
    const version = item.version;
    const text = r.pick(['Please offer a refund and keep it shorter.', 'héllo ✓ 🙂 — “quoted”']);
    const [method, path, body] = r.weighted<[string, string, unknown]>([
      [['POST', `/handoffs/${id}/claim`, { version }], 3],
      [['POST', `/handoffs/${id}/release`, { version }], 2],
      [['PUT', `/handoffs/${id}/draft`, { version, text }], 2],
      [['POST', '/handoffs/claim-next', {}], 1],
      [['POST', `/handoffs/${id}/decisions`, this.decision(item, text)], 4],
    ]);
    return {
      method,
      path,
      query: '',
      headers: {
        [ACTOR_HEADER]: item.assignee?.id && r.chance(0.7) ? item.assignee.id : r.pick(STAFF),
        [IDEMPOTENCY_HEADER]: `fuzz-${r.int(0, 1e9)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    };
  }

  private decision(item: Handoff, text: string) {
    const { r } = this;
    const base = {
      version: item.version,
      timeOnItemMs: r.int(0, 600_000),
      acknowledgedFlags: item.context.flags.map((f) => f.rule),
    };
    const options = item.context.options;
    const above = LEVELS.slice(LEVELS.indexOf(item.level) + 1, -1);
    return r.weighted<Record<string, unknown>>([
      [
        {
          ...base,
          action: 'approve',
          finalText: r.chance(0.5) ? item.drafts.at(-1)!.text : text,
          selectedOptionId: options.length > 1 ? r.pick(options).id : null,
        },
        3,
      ],
      [{ ...base, action: 'reject', reason: text }, 2],
      [
        {
          ...base,
          action: 'escalate',
          targetLevel: r.pick(above.length ? above : ['executive']),
          note: text,
        },
        2,
      ],
      [{ ...base, action: 'redirect', instructions: text }, 2],
    ]);
  }

  private headers(): Record<string, string> {
    const { r } = this;
    const headers: Record<string, string> = {};
    const actor = r.weighted<string | null>([
      [r.pick(STAFF), 75],
      [r.pick(['u-femi', 'u-elif']), 10],
      [null, 10],
      [r.pick(['u-nobody', 'U-ANA', 'ai', '0']), 5],
    ]);
    if (actor !== null) headers[ACTOR_HEADER] = actor;
    const key = r.weighted<string | null>([
      [r.pick(this.keys), 35],
      [`fuzz-${r.int(0, 1e9)}`, 50],
      [null, 8],
      ['', 4],
      ['k'.repeat(201), 3],
    ]);
    if (key !== null) headers[IDEMPOTENCY_HEADER] = key;
    const type = r.pick([
      'application/json',
      'text/plain',
      'application/x-www-form-urlencoded',
      null,
    ]);
    if (type) headers['content-type'] = type;
    if (r.chance(0.1)) headers.accept = 'text/html';
    return headers;
  }

  private query(): string {
    const { r } = this;
    const q = new URLSearchParams();
    const maybe = (p: number, key: string, value: () => string) => {
      if (r.chance(p)) q.set(key, value());
    };
    maybe(0.3, 'status', () => [r.pick(STATUSES), r.pick(STATUSES)].join(','));
    maybe(0.2, 'level', () => r.pick(LEVELS));
    maybe(0.15, 'category', () => r.pick(['billing', 'legal', 'gardening', '']));
    maybe(0.1, 'flag', () => r.pick(['low_confidence', 'anomaly,high_value', 'vibes']));
    maybe(0.2, 'assignee', () => r.pick(['me', 'unassigned', 'any', 'nobody']));
    maybe(0.1, 'slaAtRisk', () => r.pick(['true', 'false', 'maybe']));
    maybe(0.15, 'q', () => r.pick(['refund', '4521', '', 'ü', 'q'.repeat(201)]));
    maybe(0.3, 'sort', () => r.pick(['priority', 'dueAt', 'confidence', 'createdAt', 'mood']));
    maybe(0.2, 'order', () => r.pick(['asc', 'desc', 'sideways']));
    maybe(0.3, 'limit', () =>
      r.pick(['1', '7', '50', '500', '0', '501', '-1', 'ten', '2.5', '1e2']),
    );
    maybe(0.25, 'cursor', () =>
      r.weighted<() => string>([
        [() => (this.cursors.length ? r.pick(this.cursors) : 'x'), 50],
        [() => '!!garbage!!', 20],
        [() => btoa(JSON.stringify(r.pick([null, 1, { k: {}, id: 3 }, { k: 1, id: 'h-1' }]))), 30],
      ])(),
    );
    return q.size ? `?${q}` : '';
  }

  private body(kind: NonNullable<Endpoint['body']>, item: Handoff | undefined): string | undefined {
    const { r } = this;
    return r.weighted<() => string | undefined>([
      [() => JSON.stringify(this.shaped(kind, item)), 55],
      [
        () => JSON.stringify(this.shaped(r.pick(['version', 'draft', 'decision'] as const), item)),
        8,
      ],
      [() => JSON.stringify(this.value(3)), 10],
      [
        () =>
          r.pick(['not json', '{', '{"version": 1,}', "{'version': 1}", '\u0000', 'null', '[]']),
        10,
      ],
      [() => undefined, 8],
      [() => this.huge(), 9],
    ])();
  }

  private version(item: Handoff | undefined): unknown {
    const { r } = this;
    if (item && r.chance(0.75)) return r.chance(0.9) ? item.version : item.version - 1;
    return r.pick([1, 0, -1, 1.5, '3', null, 1e20, Number.MAX_SAFE_INTEGER]);
  }

  private text(): string {
    const { r } = this;
    return r.pick([
      'Please offer a refund and keep it shorter.',
      'Wrong order number; the customer wrote about #4521.',
      '',
      '   ',
      'abc',
      'héllo ✓ 🙂 — “quoted”',
      '<script>alert(1)</script>',
      '\u0000\u0007 control',
      '{"nested": "json"}',
      'r'.repeat(5_000),
      'r'.repeat(5_001),
      'd'.repeat(20_001),
    ]);
  }

  private shaped(kind: NonNullable<Endpoint['body']>, item: Handoff | undefined) {
    const { r } = this;
    let body: Record<string, unknown>;
    if (kind === 'version' || kind === 'any') body = { version: this.version(item) };
    else if (kind === 'draft') body = { version: this.version(item), text: this.text() };
    else {
      const action = r.weighted<unknown>([
        ['approve', 30],
        ['reject', 25],
        ['escalate', 20],
        ['redirect', 15],
        [r.pick(['delete', '', null, 42]), 10],
      ]);
      body = {
        action,
        version: this.version(item),
        timeOnItemMs: r.chance(0.8) ? r.int(0, 600_000) : r.pick([-5, 1.5, 'slow', 1e300]),
        acknowledgedFlags: r.weighted<unknown>([
          [item ? item.context.flags.map((f) => f.rule) : [], 50],
          [[], 30],
          [r.pick([['vibes'], 'policy_keyword', null]), 20],
        ]),
      };
      if (action === 'approve' || r.chance(0.1)) {
        body.finalText = item && r.chance(0.6) ? item.drafts.at(-1)!.text : this.text();
        const option = item?.context.options.length ? r.pick(item.context.options).id : null;
        body.selectedOptionId = r.pick([option, null, 'opt-nope']);
      }
      if (action === 'reject' || r.chance(0.1)) body.reason = this.text();
      if (action === 'escalate' || r.chance(0.1)) {
        body.targetLevel = r.pick(LEVELS);
        body.note = this.text();
      }
      if (action === 'redirect' || r.chance(0.1)) body.instructions = this.text();
    }
    // Each mutation is a way a client or an attacker gets the shape wrong.
    if (r.chance(0.15)) delete body[r.pick(Object.keys(body))];
    if (r.chance(0.15)) body[r.pick(Object.keys(body).concat('version'))] = this.value(2);
    if (r.chance(0.1))
      body[r.pick(['extra', 'assignee', 'status', '__proto__', 'constructor'])] = 1;
    return body;
  }

  private value(depth: number): unknown {
    const { r } = this;
    const kind = r.int(0, depth > 0 ? 7 : 4);
    switch (kind) {
      case 0:
        return null;
      case 1:
        return r.pick([true, false]);
      case 2:
        return r.pick([0, -1, 3.14, 1e308, 2 ** 53 + 1]);
      case 3:
        return this.text();
      case 4:
        return r.pick(['', 'approve', 'u-ana']);
      case 5:
        return Array.from({ length: r.int(0, 3) }, () => this.value(depth - 1));
      default:
        return Object.fromEntries(
          Array.from({ length: r.int(0, 3) }, (_, i) => [`k${i}`, this.value(depth - 1)]),
        );
    }
  }

  /** A body whose size in bytes is just under, at or over the limit. */
  private huge(): string {
    const { r } = this;
    const bytes = r.pick([LIMIT - 64, LIMIT - 1, LIMIT, LIMIT + 1, LIMIT + 4_096, LIMIT * 2]);
    const prefix = '{"version":1,"text":"';
    const suffix = '"}';
    const room = bytes - prefix.length - suffix.length;
    // Two-byte characters catch a limit counted in characters instead of bytes.
    const fill = r.chance(0.5)
      ? 'a'.repeat(room)
      : 'é'.repeat(Math.floor(room / 2)) + 'a'.repeat(room % 2);
    return prefix + fill + suffix;
  }
}

function decodeSafely(id: string): string {
  try {
    return decodeURIComponent(id);
  } catch {
    return id;
  }
}

const byteLength = (text: string) => new TextEncoder().encode(text).length;

function describeRequest(i: number, req: FuzzRequest) {
  const body =
    req.body === undefined ? '' : ` body(${byteLength(req.body)} B)=${req.body.slice(0, 120)}`;
  return `#${i} ${req.method} ${req.path.slice(0, 80)}${req.query.slice(0, 80)} headers=${JSON.stringify(req.headers).slice(0, 200)}${body}`;
}

describe('the HTTP server under random requests', () => {
  let server: RunningServer;
  let file: string;

  beforeEach(() => allowLoopback());
  afterEach(async () => {
    await server?.stop();
    if (file) removeDbFile(file);
  });

  it(`never fails and keeps a consistent world (seed ${SEED})`, async () => {
    file = tempDbFile();
    server = await startServer(file, { count: 80, allowReset: false });
    const { backend, baseUrl } = server;
    const handoffs = () => backend.state.handoffs;

    const before = new Map([...handoffs().values()].map((h) => [h.id, h.version]));
    const trailsBefore = new Map(
      [...backend.state.events.entries()].map(([id, list]) => [id, [...list]]),
    );
    const all = [...before.keys()].sort();
    const r = createRandom(SEED);
    // A handful of items get most of the traffic, so sequences like claim → edit → decide
    // → edit again happen on the same item.
    const focus = Array.from({ length: 20 }, () => r.pick(all));
    const generator = new Generator(r.fork(1), handoffs, focus, all);

    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let writesApplied = 0;
    let sent = 0;
    const started = performance.now();

    async function send(i: number, req: FuzzRequest) {
      const url = `${baseUrl}${req.path}${req.query}`;
      const response = await fetch(url, {
        method: req.method,
        headers: req.headers,
        body: req.body,
      });
      const text = await response.text();
      const status = response.status;
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      const fail = (why: string) => {
        if (failures.length < 10) {
          failures.push(
            `${why}\n  ${describeRequest(i, req)}\n  → ${status} ${text.slice(0, 300)}`,
          );
        }
      };
      if (status >= 500) fail('A server error');
      const path = new URL(url).pathname.slice(new URL(baseUrl).pathname.length);
      const tooBig = req.body !== undefined && byteLength(req.body) > LIMIT;
      if (tooBig && status !== 413) fail(`A body over ${LIMIT} bytes was not refused with 413`);
      if (!tooBig && status === 413) fail(`A body within ${LIMIT} bytes was refused as too large`);
      if (req.method === 'HEAD') return;
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        fail('The body is not JSON');
        return;
      }
      if (status >= 400) {
        if (!/^application\/(problem\+)?json/.test(response.headers.get('content-type') ?? ''))
          fail('An error without a JSON content type');
        const problem = problemSchema.safeParse(body);
        if (!problem.success) fail('An error that is not a problem document');
        else if (problem.data.status !== status)
          fail('A problem whose status is not the response’s');
        return;
      }
      const route = successSchemas.find(
        ([pattern, method]) => method === req.method && pattern.test(path),
      );
      if (!route) {
        if (status !== 204) fail('A success from something that is not an endpoint');
        return;
      }
      if (!route[2].safeParse(body).success) fail('A success that does not match its schema');
      if (req.method !== 'GET') writesApplied += 1;
      generator.learn(body);
    }

    const deadline = () => performance.now() - started > BUDGET_MS;
    // Most requests one at a time; the last ones in parallel bursts, which the server must
    // serialise without losing or doubling a write.
    while (sent < REQUESTS * 0.8 && !deadline()) {
      await send(sent, generator.next());
      sent += 1;
    }
    while (sent < REQUESTS && !deadline()) {
      const burst = Array.from({ length: 8 }, (_, k) => [sent + k, generator.next()] as const);
      await Promise.all(burst.map(([i, req]) => send(i, req)));
      sent += burst.length;
    }
    const elapsed = Math.round(performance.now() - started);

    const summary = `seed ${SEED}: ${sent} requests in ${elapsed} ms, ${writesApplied} writes applied, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`;
    expect(failures, summary).toEqual([]);
    expect(sent, summary).toBeGreaterThanOrEqual(Math.min(REQUESTS, 100));
    // Without applied writes the invariants below would hold vacuously.
    expect(writesApplied, summary).toBeGreaterThanOrEqual(sent / 20);
    expect(statuses.has(413), summary).toBe(true);

    /* ---------- the world afterwards ---------- */

    const now = new Map([...handoffs().entries()]);
    expect([...now.keys()].sort()).toEqual(all);
    const problems: string[] = [];
    const problem = (text: string) => problems.length < 20 && problems.push(text);
    const eventIds = new Set<string>();
    for (const h of now.values()) {
      const parsed = handoffSchema.safeParse(h);
      if (!parsed.success)
        problem(`${h.id} no longer parses: ${parsed.error.message.slice(0, 300)}`);
      if (h.version < before.get(h.id)!) problem(`${h.id} went back to version ${h.version}`);
      if (h.status === 'claimed' && !h.assignee) problem(`${h.id} is claimed by nobody`);
      if (['pending', 'escalated', 'failed'].includes(h.status) && h.assignee)
        problem(`${h.id} is ${h.status} yet held by ${h.assignee.id}`);
      if (['approved', 'rejected'].includes(h.status) && !h.outcome)
        problem(`${h.id} is ${h.status} without an outcome`);
      if (['approved', 'rejected', 'auto_approved', 'expired'].includes(h.status) && h.workingDraft)
        problem(`${h.id} is ${h.status} yet carries a working draft by ${h.workingDraft.by.id}`);

      const trail: AuditEvent[] = backend.state.events.get(h.id) ?? [];
      const earlier = trailsBefore.get(h.id) ?? [];
      if (trail.length < earlier.length || earlier.some((e, i) => trail[i] !== e))
        problem(`${h.id}'s audit trail was rewritten, not appended to`);
      for (const [i, event] of trail.entries()) {
        if (!auditEventSchema.safeParse(event).success) problem(`event ${event.id} does not parse`);
        if (event.handoffId !== h.id) problem(`event ${event.id} is filed under ${h.id}`);
        if (eventIds.has(event.id)) problem(`event id ${event.id} is used twice`);
        eventIds.add(event.id);
        const previous = trail[i - 1];
        if (previous && previous.version > event.version)
          problem(`${h.id}'s trail goes from version ${previous.version} back to ${event.version}`);
      }
      // Every change of version is a recorded event, so the last one carries the current version.
      if (trail.length && trail.at(-1)!.version !== h.version)
        problem(`${h.id} is at version ${h.version}; its last event at ${trail.at(-1)!.version}`);
    }
    for (const id of backend.state.events.keys()) {
      if (!now.has(id)) problem(`events are filed under ${id}, which is not an item`);
    }
    expect(problems).toEqual([]);
    expect([...now.values()].some((h) => h.version > before.get(h.id)!)).toBe(true);

    // What the server answers over HTTP is what it holds.
    const anyone = { [ACTOR_HEADER]: 'u-elif' };
    const page = handoffPageSchema.parse(
      await (await fetch(`${baseUrl}/handoffs?limit=500`, { headers: anyone })).json(),
    );
    expect(page.total).toBe(all.length);
    for (const summary of page.items) expect(summary.version).toBe(now.get(summary.id)!.version);

    // And what it holds is what it stored: every acknowledged write reached the database.
    const memory = backend.state.snapshot();
    await server.stop();
    const reopened = sqlitePersistence(file);
    try {
      const stored = await reopened.load();
      expect(stored).not.toBeNull();
      const byId = <T extends { id: string }>(list: T[]) =>
        [...list].sort((a, b) => a.id.localeCompare(b.id));
      expect(byId(stored!.handoffs)).toEqual(byId(memory.handoffs));
      expect(byId(stored!.events)).toEqual(byId(memory.events));
      expect(new Map(stored!.idempotency)).toEqual(new Map(memory.idempotency));
    } finally {
      reopened.close();
    }
  }, 30_000);
});
