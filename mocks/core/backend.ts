import type { Actor, AuditEvent, ChangeEvent, Handoff, User } from '../../src/api/handoff-schemas';
import { ACTOR_HEADER, IDEMPOTENCY_HEADER } from '../../src/api/headers';
import { buildOpenApiDocument } from '../../src/api/openapi';
import { paramNames } from '../../src/api/operations';
import { makeProblem } from '../../src/api/problem';
import { type LifecycleEvent, nextStatus } from '../../src/domain/lifecycle';
import { generateWorld } from '../seed/generate';
import { type AgentEventPublisher, agentEventPublisher, agentEventsOf } from './agents/events';
import { agentForSecret, bearerOf, issueKey, revokeReplacedStartKeys } from './agents/keys';
import { recordKeyChange, SERVER_START_ACTOR } from './audit/access-entries';
import { CommitGroups } from './commit-group';
import { requestFilters, routeGroups, systemJobs } from './extensions';
import type { ApiReply, ApiRequest } from './http-types';
import { type JsonTexts, keepBodyText } from './json-text';
import { InvalidCursorError } from './list';
import {
  type Change,
  memoryPersistence,
  type Persistence,
  type ReplyNote,
  type Snapshot,
} from './persistence';
import { type AgentPrincipal, agentStandIn, isAgent, type Principal } from './principal';
import { ok, problemReply, type Route } from './route-kit';
import { bodyDigest, type CursorSeal, cursorSeal } from './security/cursor-seal';
import { ANY_ITEM, type AuditExtra, type BackendOptions, type BackendServices } from './services';
import { World } from './world';

export type { BackendOptions } from './services';

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_IDEMPOTENCY_RECORDS = 100_000;

/**
 * What a write's idempotency record keeps of its answer. An answer carrying a secret shown
 * once (a new agent key) is not kept as it was, or the database would hold the secret that
 * it otherwise stores only as a hash: a replay answers 410 and says what to do instead.
 */
function withoutSecret(reply: ApiReply): ApiReply {
  const body = reply.body as { secret?: unknown } | undefined;
  if (typeof body !== 'object' || body === null || typeof body.secret !== 'string') return reply;
  const problem = makeProblem(
    'not_found',
    'This request made a secret that was shown once, in its first answer, and is not kept. ' +
      'If that answer was lost, revoke what it made and make a new one.',
    { status: 410 },
  );
  return { status: problem.status, body: problem };
}

/** The route's path parameters by name, or null when one is not valid percent-encoding. */
function decodeParams(route: Route, path: string): Record<string, string> | null {
  const raw = route.pattern.exec(path)!.slice(1);
  const names = paramNames(route.operation);
  try {
    return Object.fromEntries(raw.map((value, i) => [names[i]!, decodeURIComponent(value)]));
  } catch {
    return null;
  }
}

/** Runs `fn` after the I/O already waiting has been handled: where writes arriving together gather. */
const afterPendingIo: (fn: () => void) => void =
  typeof setImmediate === 'function' ? (fn) => setImmediate(fn) : (fn) => setTimeout(fn, 0);

/** Receives every committed change, in commit order. */
export type ChangeListener = (event: ChangeEvent) => void;

/**
 * The reference backend's transport-neutral core, over an in-memory world with pluggable
 * persistence: it routes each request to the endpoint group bound to its operation, and
 * serialises writes so idempotency and versions hold under concurrency; it commits and
 * announces every change and runs the system jobs on each tick.
 */
const eventTeams = new Map<string, NonNullable<AuditEvent['team']>>();

/** The team an event is recorded for, as events carry it: one object per team, shared. */
function teamOfEvent(team: Handoff['team']): AuditEvent['team'] {
  if (!team) return null;
  const key = `${team.teamId}\n${team.teamName}`;
  let ref = eventTeams.get(key);
  if (!ref) {
    ref = { teamId: team.teamId, teamName: team.teamName };
    eventTeams.set(key, ref);
  }
  return ref;
}

export class Backend {
  private world!: World;
  private readonly persistence: Persistence;
  private readonly clock: () => number;
  private queue: Promise<unknown> = Promise.resolve();
  /** Writes applied and waiting to be stored together (see CommitGroups). */
  private readonly groups: CommitGroups;
  private readonly routes: Route[];
  private readonly listeners = new Set<ChangeListener>();
  private readonly cursors: CursorSeal;
  /** Items someone waits on (the outcome long-poll), each with its waiters. */
  private readonly waiters = new Map<string, Set<() => void>>();
  /** The agents' keys given at start (name → secret), registered again after a reset. */
  private readonly startKeys = new Map<string, string>();
  /** For an item a move produced: the team that held it before, for the move's event. */
  private readonly teamBefore = new WeakMap<Handoff, Handoff['team']>();

  /**
   * What happened to handoffs and runs, for subscribers in this process (webhooks): one event
   * per committed decision, creation, lost run or failed execution, after it is committed.
   */
  readonly agentEvents: AgentEventPublisher = agentEventPublisher();

  /** The backend as endpoint groups and system jobs see it. */
  readonly services: BackendServices;

  private constructor(private readonly options: BackendOptions) {
    this.persistence = options.persistence ?? memoryPersistence();
    this.clock = options.clock ?? Date.now;
    this.cursors = cursorSeal(options.cursorSecret);
    // Where a commit costs per transaction, the writes of one turn of the event loop share
    // one; elsewhere each write is stored as soon as it is applied.
    const defer = this.persistence.groupCommit ? afterPendingIo : queueMicrotask;
    this.groups = new CommitGroups({
      commit: (change, alongside, texts) => this.commitOrRestore(change, alongside, texts),
      schedule: (flush) => defer(() => void this.serialised(flush)),
    });
    const backend = this;
    this.services = {
      get world() {
        return backend.world;
      },
      options,
      clock: () => this.clock(),
      now: () => this.now(),
      record: (...args) => this.record(...args),
      move: (...args) => this.move(...args),
      reset: () => this.reset(),
      waitForChange: (id, ms) => this.waitForChange(id, ms),
    };
    this.routes = routeGroups.flatMap((group) => group(this.services));
  }

  static async create(options: BackendOptions = {}): Promise<Backend> {
    const backend = new Backend(options);
    const stored = await backend.persistence.load();
    backend.world = backend.worldOf(stored ?? backend.seedSnapshot());
    if (!stored) await backend.persistence.replace(backend.world.snapshot());
    return backend;
  }

  /** A world over `snapshot` that reads remembered answers back from the store, if it can. */
  private worldOf(snapshot: Snapshot, after = 0): World {
    return new World(snapshot, after, this.persistence.storedReply?.bind(this.persistence));
  }

  private seedSnapshot(): Snapshot {
    const { handoffs, events, users } = generateWorld({
      seed: this.options.seed,
      count: this.options.count,
      now: new Date(this.clock()),
    });
    return { handoffs, events, users, idempotency: [], settings: [] };
  }

  async reset(): Promise<void> {
    await this.serialised(async () => {
      // Writes applied before the reset are stored (or fail) before the world is replaced.
      await this.groups.flush();
      this.world = this.worldOf(this.seedSnapshot(), this.world.revision + 1);
      // Keys given at start belong to the deployment, not to the world: they outlive a reset.
      for (const [name, secret] of this.startKeys) this.issueStartKey(name, secret);
      await this.persistence.replace(this.world.snapshot());
      this.emit({ type: 'world.reset', at: this.now() });
    });
  }

  /**
   * Hears every committed write as one `handoff.changed` per item it touched, and
   * `world.reset` after a reset. Replays change nothing and are not heard. Returns the
   * unsubscribe function.
   */
  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private waitForChange(id: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const set = this.waiters.get(id) ?? new Set<() => void>();
      this.waiters.set(id, set);
      const done = () => {
        clearTimeout(timer);
        set.delete(done);
        if (set.size === 0 && this.waiters.get(id) === set) this.waiters.delete(id);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      set.add(done);
    });
  }

  /**
   * Registers an agent's key given at start (`--agent-key NAME=SECRET`), committed like any
   * write; the same pair given again changes nothing.
   */
  registerAgentKey(name: string, secret: string): Promise<void> {
    this.startKeys.set(name, secret);
    return this.systemWrite(() => this.issueStartKey(name, secret));
  }

  /**
   * Issues a key given at start, audited as issued by the server at start when it is new or
   * changed (a new secret, or the secret under a new name); the same key at a restart is no
   * change and no entry.
   */
  private issueStartKey(name: string, secret: string) {
    const { key, issued } = issueKey(this.services, name, null, secret);
    if (!issued) return;
    recordKeyChange(this.services, SERVER_START_ACTOR, 'agent_key_issued', key);
    for (const old of revokeReplacedStartKeys(this.services, name, key.id)) {
      recordKeyChange(this.services, SERVER_START_ACTOR, 'agent_key_revoked', old);
    }
  }

  /**
   * Runs `work` as the system, serialised, and commits and announces what it changed;
   * `alongside` is committed with it, in one transaction (see Persistence.commit).
   */
  async systemWrite<T>(work: () => T, alongside?: () => void): Promise<T> {
    const { result, stored } = await this.serialised(async () => {
      const result = work();
      if (!this.world.dirty) {
        alongside?.();
        return { result, stored: undefined };
      }
      const change = this.world.drain();
      const announce = () => this.emitChanges(change, null);
      return { result, stored: this.groups.join(change, announce, alongside) };
    });
    await stored;
    return result;
  }

  /**
   * Runs `fn` when the world holds only stored writes: at once, or right after the writes
   * waiting to be stored are (or have failed). For readers outside a request, such as the
   * webhook outbox, that must never tell of a write that a failed commit took back.
   */
  whenCommitted(fn: () => void): void {
    this.groups.whenCommitted(fn);
  }

  /** How many streams are listening; for tests that check nothing is left open. */
  get listenerCount(): number {
    return this.listeners.size;
  }

  /** Null when `req` may open the change stream; otherwise the problem to answer with. */
  authorizeStream(req: Pick<ApiRequest, 'headers' | 'principal'>): ApiReply | null {
    const principal = this.identify(req);
    return 'status' in principal ? principal : null;
  }

  /** The agent a key belongs to; null when it is malformed, unknown or revoked. */
  agentForKey(secret: string): AgentPrincipal | null {
    return agentForSecret(this.world, secret, this.now());
  }

  /**
   * Who is acting: the principal the transport authenticated, or (only where the actor header
   * is trusted) the person X-Actor-Id names; otherwise the 401 that says to sign in.
   */
  private identify(req: Pick<ApiRequest, 'headers' | 'principal'>): Principal | ApiReply {
    // An agent's key decides whenever one is sent: a bad key is never passed over for a cookie.
    const secret = bearerOf(req.headers);
    if (secret !== undefined) {
      if (isAgent(req.principal)) return req.principal;
      const agent = secret === null ? null : this.agentForKey(secret);
      if (agent) return agent;
      return problemReply(
        makeProblem(
          'unauthenticated',
          'The agent key is unknown, revoked or malformed (send `Authorization: Bearer hd_…`).',
        ),
      );
    }
    if (isAgent(req.principal)) return req.principal;
    if (req.principal) {
      // People sign in from accounts the server keeps: the world learns of each as they act,
      // so reassignments and names resolve to them.
      this.world.users.set(req.principal.id, req.principal);
      return req.principal;
    }
    if (this.options.trustActorHeader === false) {
      return problemReply(makeProblem('unauthenticated', 'Sign in to continue.'));
    }
    const actorId = req.headers.get(ACTOR_HEADER);
    const user = actorId ? this.world.users.get(actorId) : undefined;
    if (user) return user;
    return problemReply(
      makeProblem(
        'unauthenticated',
        actorId ? `No reviewer with id "${actorId}".` : `Send the ${ACTOR_HEADER} header.`,
      ),
    );
  }

  private emit(event: ChangeEvent) {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A broken stream must not break the write that was already committed.
      }
    }
  }

  /** `user` is null for changes the system made by itself. */
  private emitChanges(change: Change, user: User | null) {
    const last = new Map<string, Handoff>();
    for (const h of change.handoffs) last.set(h.id, h);
    const by = user && { id: user.id, name: user.name };
    for (const id of last.size > 0 ? [...last.keys(), ANY_ITEM] : []) {
      const waiting = this.waiters.get(id);
      if (waiting) for (const wake of [...waiting]) wake();
    }
    if (change.events.length > 0) {
      this.agentEvents.publish(agentEventsOf(this.world, change.events));
    }
    for (const h of last.values()) {
      this.emit({
        type: 'handoff.changed',
        id: h.id,
        version: h.version,
        status: h.status,
        assignee: h.assignee,
        by,
        at: h.updatedAt,
      });
    }
  }

  /** The operations this backend serves, by name; the OpenAPI test holds the document to them. */
  get servedOperations(): string[] {
    return this.routes.map((r) => r.name);
  }

  /** Read access for tests and tooling. */
  get state(): World {
    return this.world;
  }

  private now(): string {
    return new Date(this.clock()).toISOString();
  }

  /**
   * Runs every system job once at the current clock and commits what they changed. The server
   * and the demo call this on a timer, so gate defaults and SLA escalations happen with no
   * browser open; tests call it with a controlled clock.
   */
  async tick(): Promise<void> {
    // The job hands back the promise of the commit inside an object: returned bare, it would
    // hold the queue until its own group, queued behind it, was stored.
    const { stored } = await this.serialised(async () => {
      for (const job of systemJobs) job(this.services);
      this.world.expireIdempotency(
        this.clock() - this.idempotencyTtl,
        this.options.maxIdempotencyRecords ?? MAX_IDEMPOTENCY_RECORDS,
      );
      if (!this.world.dirty) return { stored: undefined };
      const change = this.world.drain();
      return { stored: this.groups.join(change, () => this.emitChanges(change, null)) };
    });
    await stored;
  }

  /** Ticks every `intervalMs` until the returned function is called. */
  startTicking(intervalMs = 1000): () => void {
    const timer = setInterval(() => {
      this.tick().catch((error: unknown) => console.error('Backend tick failed', error));
    }, intervalMs);
    (timer as { unref?: () => void }).unref?.();
    return () => clearInterval(timer);
  }

  /**
   * Stores a write. When it cannot be stored, the world goes back to what is stored before the
   * error is passed on: nothing answers as done (nor is remembered under its idempotency key)
   * that a restart would not find, so the same request may simply be sent again.
   */
  private async commitOrRestore(
    change: Change,
    alongside?: () => void,
    texts?: JsonTexts,
  ): Promise<void> {
    try {
      await this.persistence.commit(change, alongside, texts);
      this.world.stored(change);
    } catch (error) {
      const stored = await this.persistence.load().catch(() => null);
      if (stored) this.world = this.worldOf(stored, this.world.revision + 1);
      throw error;
    }
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private get idempotencyTtl(): number {
    return this.options.idempotencyTtlMs ?? DAY_MS;
  }

  async handle(original: ApiRequest): Promise<ApiReply> {
    try {
      const req = this.openCursor(original);
      if (!('path' in req)) return req;
      for (const filter of requestFilters) {
        const answered = await filter(this.services, req);
        if (answered) return answered;
      }
      return this.sealCursor(await this.dispatch(req));
    } catch (error) {
      if (error instanceof InvalidCursorError) {
        return problemReply(
          makeProblem('validation', error.message, {
            errors: [{ pointer: '/cursor', message: error.message }],
          }),
        );
      }
      // What failed stays in the server's log: a message may name files, queries or secrets.
      console.error('Request failed', error);
      return problemReply(makeProblem('internal', 'The server failed to answer.'));
    }
  }

  /** The request with its cursor checked and unwrapped, or the 400 for a cursor not ours. */
  private openCursor(req: ApiRequest): ApiRequest | ApiReply {
    const sealed = req.query.get('cursor');
    if (!sealed) return req;
    const raw = this.cursors.open(sealed);
    if (raw === null) {
      const message = 'The cursor is not one this server issued.';
      return problemReply(
        makeProblem('validation', message, {
          status: 400,
          errors: [{ pointer: '/cursor', message }],
        }),
      );
    }
    const query = new URLSearchParams(req.query);
    query.set('cursor', raw);
    return { ...req, query };
  }

  private sealCursor(reply: ApiReply): ApiReply {
    const body = reply.body as { nextCursor?: unknown } | undefined;
    if (reply.status !== 200 || typeof body?.nextCursor !== 'string') return reply;
    return { ...reply, body: { ...body, nextCursor: this.cursors.seal(body.nextCursor) } };
  }

  private async dispatch(req: ApiRequest): Promise<ApiReply> {
    // The contract itself is public: integrators read it before they have an identity.
    if (req.method === 'GET' && req.path === '/openapi.json') return ok(buildOpenApiDocument());
    const candidates = this.routes.filter((r) => r.pattern.test(req.path));
    if (candidates.length === 0)
      return problemReply(makeProblem('not_found', `No endpoint at ${req.path}.`));
    // HEAD is GET without the body; the transport drops the body.
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    const route = candidates.find((r) => r.method === method);
    if (!route) {
      const methods = new Set(candidates.map((r) => r.method));
      if (methods.has('GET')) methods.add('HEAD');
      const reply = problemReply(
        makeProblem('method_not_allowed', `${req.method} is not supported here.`),
      );
      return { ...reply, headers: { ...reply.headers, allow: [...methods].join(', ') } };
    }
    const params = decodeParams(route, req.path);
    // An id that is not valid percent-encoding names nothing this server could hold.
    if (!params) return problemReply(makeProblem('not_found', `No endpoint at ${req.path}.`));

    const principal = this.identify(req);
    if ('status' in principal) return principal;
    const kind = isAgent(principal) ? 'agent' : 'person';
    if (!(route.operation.principals ?? ['person']).includes(kind)) {
      return problemReply(
        makeProblem(
          'forbidden',
          kind === 'agent'
            ? 'Agents cannot call this endpoint; it is for people.'
            : 'This endpoint is for agents, with an API key; a person’s session cannot call it.',
        ),
      );
    }
    const user = isAgent(principal) ? agentStandIn(principal) : principal;

    if (!route.write) {
      // A read sees only stored writes: one applied but not yet stored might still fail.
      // Checked right before the read runs, in the same synchronous step.
      while (this.groups.pending) await this.groups.settled();
      return route.run({ req, user, principal, json: null, params, query: null });
    }

    const max = this.options.maxBodyBytes ?? 256 * 1024;
    if (req.body && new TextEncoder().encode(req.body).length > max) {
      return problemReply(
        makeProblem('payload_too_large', `Request bodies are limited to ${max} bytes.`),
      );
    }
    let json: unknown = {};
    if (req.body) {
      try {
        json = JSON.parse(req.body);
      } catch {
        return problemReply(makeProblem('bad_request', 'The request body is not valid JSON.'));
      }
    }
    const key = req.headers.get(IDEMPOTENCY_HEADER);
    if (!key || key.length > 200) {
      return problemReply(
        makeProblem(
          'validation',
          `Writes need an ${IDEMPOTENCY_HEADER} header (at most 200 characters).`,
          {
            status: 400,
            errors: [{ pointer: `/headers/${IDEMPOTENCY_HEADER}`, message: 'Required.' }],
          },
        ),
      );
    }
    const scope = `${user.id} ${req.method} ${req.path} ${key}`;
    const fingerprint = bodyDigest(req.body ?? '');

    for (;;) {
      const outcome = await this.serialised(async () => {
        const remembered = this.world.idempotency.get(scope);
        // An expired record is as good as gone, even before the tick purges it.
        const seen =
          remembered && remembered.at > this.clock() - this.idempotencyTtl ? remembered : undefined;
        // The first request with this key is applied but not stored yet: its answer is not
        // final until its commit is (a failed one takes it back, and this one applies afresh).
        if (seen && this.groups.holds(scope)) return null;
        if (seen) return { reply: this.replay(scope, seen, fingerprint) };
        const reply = await route.run({ req, user, principal, json, params, query: null });
        // Only outcomes are remembered; a transient failure may be retried with the same key.
        if (reply.status < 500) {
          const kept = withoutSecret(reply);
          this.world.remember(scope, {
            fingerprint,
            status: kept.status,
            body: kept.body,
            at: this.clock(),
          });
        }
        const change = this.world.drain();
        const announce = (texts: JsonTexts) => {
          this.emitChanges(change, user);
          // The reply's text was mostly made for the commit (its item, its event): reused.
          keepBodyText(reply, texts);
        };
        return { reply, stored: this.groups.join(change, announce, undefined, scope) };
      });
      if (!outcome) {
        await this.groups.settled();
        continue;
      }
      // Answered once the write is durable; a failed commit fails it (see commitOrRestore).
      await outcome.stored;
      return outcome.reply;
    }
  }

  /** The answer remembered under a key, for the same request sent again. */
  private replay(scope: string, seen: ReplyNote, fingerprint: string): ApiReply {
    if (seen.fingerprint !== fingerprint) {
      return problemReply(
        makeProblem('idempotency_mismatch', 'Use a new key for a different request.'),
      );
    }
    const headers: Record<string, string> = { 'idempotent-replayed': 'true' };
    if (seen.status >= 400) headers['content-type'] = 'application/problem+json';
    // The note may hold no body: the store keeps it, and gives it back for the rare replay.
    return { status: seen.status, body: this.world.remembered(scope)?.body, headers };
  }

  /* ---------- writes (always inside `serialised`) ---------- */

  private record(
    h: Handoff,
    actor: Actor,
    action: AuditEvent['action'],
    outcome: string,
    extra: AuditExtra = {},
  ): AuditEvent {
    const event: AuditEvent = {
      id: this.world.nextEventId(),
      handoffId: h.id,
      at: this.now(),
      actor,
      action,
      why: extra.why ?? { reason: null, rule: null, confidence: null },
      outcome,
      version: h.version,
      diff: extra.diff ?? null,
      timeOnItemMs: extra.timeOnItemMs ?? null,
      acknowledgedFlags: extra.acknowledgedFlags ?? [],
      ...(extra.batchId ? { batchId: extra.batchId } : {}),
      team: teamOfEvent(this.teamBefore.get(h) ?? h.team),
    };
    this.world.appendEvent(event);
    return event;
  }

  /** Applies a lifecycle event: the one place a status and version change. */
  private move(h: Handoff, event: LifecycleEvent, patch: Partial<Handoff> = {}): Handoff {
    const status = nextStatus(h.status, event);
    if (!status) throw new Error(`Illegal transition ${h.status} -> ${event}`);
    const next: Handoff = { ...h, ...patch, status, version: h.version + 1, updatedAt: this.now() };
    // The event recording this move counts for the team that held the item before it.
    this.teamBefore.set(next, h.team);
    this.world.putHandoff(next);
    return next;
  }
}
