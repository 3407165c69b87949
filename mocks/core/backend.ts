import { createTwoFilesPatch } from 'diff';
import { ACTOR_HEADER, decodeListParams, IDEMPOTENCY_HEADER } from '../../src/api/endpoints';
import { buildOpenApiDocument } from '../../src/api/openapi';
import { makeProblem } from '../../src/api/problem';
import {
  type Actor,
  type AuditEvent,
  type ChangeEvent,
  claimRequestSchema,
  type Decision,
  decisionRequestSchema,
  type Handoff,
  saveDraftRequestSchema,
  type User,
} from '../../src/api/schemas';
import { AI_ACTOR } from '../../src/domain/actors';
import {
  checkAuthority,
  checkDecision,
  checkHolder,
  checkTransition,
  checkVersion,
} from '../../src/domain/decisions';
import { responseDueAt } from '../../src/domain/escalation';
import { hasAuthorityOver, levelLabels } from '../../src/domain/levels';
import {
  claimableStatuses,
  isOpen,
  type LifecycleEvent,
  nextStatus,
  statusLabels,
} from '../../src/domain/lifecycle';
import { priorityScore } from '../../src/domain/sla';
import { reviseDraft } from '../ai/revise';
import { generateWorld } from '../seed/generate';
import { requestFilters, routeGroups, systemJobs } from './extensions';
import type { ApiReply, ApiRequest } from './http-types';
import { HandoffLister, InvalidCursorError, toSummary } from './list';
import { type Change, memoryPersistence, type Persistence, type Snapshot } from './persistence';
import { ladderInForce } from './policy/store';
import {
  type Ctx,
  ID,
  invalid,
  notFound,
  ok,
  personOf,
  problemReply,
  type Route,
  route as r,
  withItem,
} from './route-kit';
import type { AuditExtra, BackendOptions, BackendServices } from './services';
import { World } from './world';

export type { BackendOptions } from './services';

function decodeParams(raw: string[]): string[] | null {
  try {
    return raw.map(decodeURIComponent);
  } catch {
    return null;
  }
}

/** Receives every committed change, in commit order. */
export type ChangeListener = (event: ChangeEvent) => void;

/**
 * The reference backend: every rule of the contract, over an in-memory world with pluggable
 * persistence. Writes are serialised so idempotency and versions hold under concurrency.
 */
export class Backend {
  private world!: World;
  private lister = new HandoffLister();
  private readonly persistence: Persistence;
  private readonly clock: () => number;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly routes: Route[];
  private readonly listeners = new Set<ChangeListener>();

  /** The backend as endpoint groups and system jobs see it. */
  readonly services: BackendServices;

  private constructor(private readonly options: BackendOptions) {
    this.persistence = options.persistence ?? memoryPersistence();
    this.clock = options.clock ?? Date.now;
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
    };
    this.routes = this.buildRoutes();
  }

  static async create(options: BackendOptions = {}): Promise<Backend> {
    const backend = new Backend(options);
    const stored = await backend.persistence.load();
    backend.world = new World(stored ?? backend.seedSnapshot());
    if (!stored) await backend.persistence.replace(backend.world.snapshot());
    return backend;
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
      this.world = new World(this.seedSnapshot());
      // The lister caches by world revision and item version, and both start over here.
      this.lister = new HandoffLister();
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

  /** How many streams are listening; for tests that check nothing is left open. */
  get listenerCount(): number {
    return this.listeners.size;
  }

  /** Null when `req` may open the change stream; otherwise the problem to answer with. */
  authorizeStream(req: Pick<ApiRequest, 'headers'>): ApiReply | null {
    const actorId = req.headers.get(ACTOR_HEADER);
    if (actorId && this.world.users.has(actorId)) return null;
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
  tick(): Promise<void> {
    return this.serialised(async () => {
      for (const job of systemJobs) job(this.services);
      if (!this.world.dirty) return;
      const change = this.world.drain();
      await this.persistence.commit(change);
      this.emitChanges(change, null);
    });
  }

  /** Ticks every `intervalMs` until the returned function is called. */
  startTicking(intervalMs = 1000): () => void {
    const timer = setInterval(() => {
      this.tick().catch((error: unknown) => console.error('Backend tick failed', error));
    }, intervalMs);
    (timer as { unref?: () => void }).unref?.();
    return () => clearInterval(timer);
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  async handle(req: ApiRequest): Promise<ApiReply> {
    try {
      for (const filter of requestFilters) {
        const answered = await filter(this.services, req);
        if (answered) return answered;
      }
      return await this.dispatch(req);
    } catch (error) {
      if (error instanceof InvalidCursorError) {
        return problemReply(
          makeProblem('validation', error.message, {
            errors: [{ pointer: '/cursor', message: error.message }],
          }),
        );
      }
      const detail = error instanceof Error ? error.message : String(error);
      return problemReply(makeProblem('internal', detail));
    }
  }

  private async dispatch(req: ApiRequest): Promise<ApiReply> {
    // The contract itself is public: integrators read it before they have an identity.
    if (req.method === 'GET' && req.path === '/openapi.json') return ok(buildOpenApiDocument());
    const candidates = this.routes.filter((r) => r.pattern.test(req.path));
    if (candidates.length === 0)
      return problemReply(makeProblem('not_found', `No endpoint at ${req.path}.`));
    const route = candidates.find((r) => r.method === req.method);
    if (!route) {
      return problemReply(
        makeProblem('validation', `${req.method} is not supported here.`, { status: 405 }),
      );
    }
    const params = decodeParams(route.pattern.exec(req.path)!.slice(1));
    // An id that is not valid percent-encoding names nothing this server could hold.
    if (!params) return problemReply(makeProblem('not_found', `No endpoint at ${req.path}.`));

    const actorId = req.headers.get(ACTOR_HEADER);
    const user = actorId ? this.world.users.get(actorId) : undefined;
    if (!user) {
      return problemReply(
        makeProblem(
          'unauthenticated',
          actorId ? `No reviewer with id "${actorId}".` : `Send the ${ACTOR_HEADER} header.`,
        ),
      );
    }

    if (!route.write) return route.run({ req, user, json: null }, params);

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
        return problemReply(
          makeProblem('validation', 'The request body is not valid JSON.', { status: 400 }),
        );
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
    const fingerprint = req.body ?? '';

    return this.serialised(async () => {
      const seen = this.world.idempotency.get(scope);
      if (seen) {
        if (seen.fingerprint !== fingerprint) {
          return problemReply(
            makeProblem('idempotency_mismatch', 'Use a new key for a different request.'),
          );
        }
        return { status: seen.status, body: seen.body, headers: { 'idempotent-replayed': 'true' } };
      }
      const reply = await route.run({ req, user, json }, params);
      // Only outcomes are remembered; a transient failure may be retried with the same key.
      if (reply.status < 500) {
        this.world.remember(scope, { fingerprint, status: reply.status, body: reply.body });
      }
      const change = this.world.drain();
      await this.persistence.commit(change);
      this.emitChanges(change, user);
      return reply;
    });
  }

  private buildRoutes(): Route[] {
    const id = ID;
    return [...this.coreRoutes(id), ...routeGroups.flatMap((group) => group(this.services))];
  }

  private coreRoutes(id: string): Route[] {
    return [
      r('GET', '/me', false, ({ user }) => ok(user)),
      r('GET', '/users', false, () => ok({ items: [...this.world.users.values()] })),
      r('GET', '/handoffs', false, (ctx) => this.list(ctx)),
      r('POST', '/handoffs/claim-next', true, (ctx) => this.claimNext(ctx)),
      r('GET', `/handoffs/${id}`, false, (_ctx, [hid]) => this.withHandoff(hid!, (h) => ok(h))),
      r('GET', `/handoffs/${id}/events`, false, (_ctx, [hid]) =>
        this.withHandoff(hid!, (h) => ok({ items: this.world.events.get(h.id) ?? [] })),
      ),
      r('POST', `/handoffs/${id}/claim`, true, (ctx, [hid]) => this.claim(ctx, hid!)),
      r('POST', `/handoffs/${id}/release`, true, (ctx, [hid]) => this.release(ctx, hid!)),
      r('PUT', `/handoffs/${id}/draft`, true, (ctx, [hid]) => this.saveDraft(ctx, hid!)),
      r('POST', `/handoffs/${id}/decisions`, true, (ctx, [hid]) => this.decide(ctx, hid!)),
      r('POST', '/demo/reset', false, async () => {
        if (this.options.allowReset === false) {
          return problemReply(
            makeProblem('forbidden', 'Resetting the world is disabled on this server.'),
          );
        }
        await this.reset();
        return { status: 204 };
      }),
    ];
  }

  private withHandoff(id: string, run: (h: Handoff) => ApiReply): ApiReply {
    const h = this.world.handoffs.get(id);
    return h ? run(h) : notFound(id);
  }

  private list({ req, user }: Ctx): ApiReply {
    const parsed = decodeListParams(req.query);
    if (!parsed.success) return invalid(parsed.error, 'The list parameters are not valid.');
    return ok(
      this.lister.list(
        this.world.handoffs.values(),
        this.world.revision,
        parsed.data,
        user,
        this.clock(),
      ),
    );
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
    };
    this.world.appendEvent(event);
    return event;
  }

  /** Applies a lifecycle event: the one place a status and version change. */
  private move(h: Handoff, event: LifecycleEvent, patch: Partial<Handoff> = {}): Handoff {
    const status = nextStatus(h.status, event);
    if (!status) throw new Error(`Illegal transition ${h.status} -> ${event}`);
    const next: Handoff = { ...h, ...patch, status, version: h.version + 1, updatedAt: this.now() };
    this.world.putHandoff(next);
    return next;
  }

  private claimNext({ user }: Ctx): ApiReply {
    const now = this.clock();
    let best: { h: Handoff; score: number } | null = null;
    for (const h of this.world.handoffs.values()) {
      if (!claimableStatuses.includes(h.status) || h.assignee) continue;
      if (!hasAuthorityOver(user.level, h.level)) continue;
      // Work routed to the claimer's own level (escalations to them) comes before work below it.
      const own = h.level === user.level ? 1_000_000 : 0;
      const score = own + priorityScore(toSummary(h), now);
      if (!best || score > best.score || (score === best.score && h.id < best.h.id))
        best = { h, score };
    }
    if (!best) {
      return problemReply(
        makeProblem(
          'queue_empty',
          `No unclaimed items within the authority of ${levelLabels[user.level]}.`,
        ),
      );
    }
    const next = this.move(best.h, 'claim', { assignee: { id: user.id, name: user.name } });
    this.record(next, personOf(user), 'claimed', `Claimed by ${user.name} (next by priority)`);
    return ok(next);
  }

  private claim({ user, json }: Ctx, id: string): ApiReply {
    return withItem(this.services, claimRequestSchema, json, id, (body, h) => {
      if (h.status === 'claimed' && h.assignee?.id === user.id) return ok(h);
      const refused =
        checkVersion(h, body.version) ??
        checkHolder(h, user) ??
        checkAuthority(h, user, 'claim', { ladder: ladderInForce }) ??
        checkTransition(h, 'claim');
      if (refused) return problemReply(refused);
      const next = this.move(h, 'claim', { assignee: { id: user.id, name: user.name } });
      this.record(next, personOf(user), 'claimed', `Claimed by ${user.name}`);
      return ok(next);
    });
  }

  private release({ user, json }: Ctx, id: string): ApiReply {
    return withItem(this.services, claimRequestSchema, json, id, (body, h) => {
      const refused =
        checkVersion(h, body.version) ?? checkHolder(h, user) ?? checkTransition(h, 'release');
      if (refused) return problemReply(refused);
      const next = this.move(h, 'release', { assignee: null });
      this.record(next, personOf(user), 'released', `Released by ${user.name}; back in the queue`);
      return ok(next);
    });
  }

  private saveDraft({ user, json }: Ctx, id: string): ApiReply {
    return withItem(this.services, saveDraftRequestSchema, json, id, (body, stored) => {
      let h = stored;
      const refused =
        checkVersion(h, body.version) ??
        checkHolder(h, user) ??
        checkAuthority(h, user, 'edit', { ladder: ladderInForce });
      if (refused) return problemReply(refused);
      // A decided item's outcome is final: a late autosave must not leave a draft on it.
      if (!isOpen(h.status)) {
        return problemReply(
          makeProblem(
            'illegal_transition',
            `A ${statusLabels[h.status].toLowerCase()} item can no longer be edited.`,
            { current: h },
          ),
        );
      }
      if (!h.assignee) {
        // Starting to edit takes ownership, so two people never edit one item unknowingly.
        const claimRefused = checkTransition(h, 'claim');
        if (claimRefused) return problemReply(claimRefused);
        h = this.move(h, 'claim', { assignee: { id: user.id, name: user.name } });
        this.record(h, personOf(user), 'claimed', `Claimed by ${user.name} on starting an edit`);
      }
      const next: Handoff = {
        ...h,
        workingDraft: {
          text: body.text,
          savedAt: this.now(),
          by: { id: user.id, name: user.name },
        },
        updatedAt: this.now(),
      };
      this.world.putHandoff(next);
      const last = this.world.events.get(id)?.at(-1);
      // Autosave fires every few seconds; one audit entry per editing session is enough.
      if (!(last?.action === 'draft_saved' && last.actor.id === user.id)) {
        this.record(next, personOf(user), 'draft_saved', `${user.name} started editing the draft`);
      }
      return ok(next);
    });
  }

  private decide({ user, json }: Ctx, id: string): ApiReply {
    return withItem<Decision>(this.services, decisionRequestSchema, json, id, (body, h) =>
      this.applyDecision(user, body, h),
    );
  }

  private applyDecision(user: User, body: Decision, h: Handoff): ApiReply {
    const refused = checkDecision(h, body, user, ladderInForce);
    if (refused) return problemReply(refused);

    const actor = personOf(user);
    // Whoever decides owns the outcome, claimed or not (seed: "explicit ownership").
    const owner = { assignee: { id: user.id, name: user.name } };
    const common = { timeOnItemMs: body.timeOnItemMs, acknowledgedFlags: body.acknowledgedFlags };
    const aiDraft = h.drafts.at(-1)!.text;
    const at = this.now();

    switch (body.action) {
      case 'approve': {
        const base =
          h.context.options.find((o) => o.id === body.selectedOptionId)?.draft ?? aiDraft;
        const edited = body.finalText !== base;
        const next = this.move(h, 'approve', {
          ...owner,
          workingDraft: null,
          selectedOptionId: body.selectedOptionId,
          outcome: {
            action: 'approve',
            by: actor,
            at,
            edited,
            finalText: body.finalText,
            reason: null,
          },
        });
        const diff = edited
          ? createTwoFilesPatch('AI draft', 'Sent reply', base, body.finalText, '', '', {
              context: 2,
            })
          : null;
        const event = this.record(
          next,
          actor,
          'approved',
          edited ? 'Sent to the customer with edits' : 'Sent to the customer as drafted',
          {
            ...common,
            diff,
            why: { reason: null, rule: null, confidence: h.context.confidence },
          },
        );
        return ok({ handoff: next, event });
      }
      case 'reject': {
        const next = this.move(h, 'reject', {
          ...owner,
          workingDraft: null,
          outcome: {
            action: 'reject',
            by: actor,
            at,
            edited: false,
            finalText: null,
            reason: body.reason,
          },
        });
        const event = this.record(next, actor, 'rejected', 'Draft rejected; nothing sent', {
          ...common,
          why: { reason: body.reason, rule: null, confidence: h.context.confidence },
        });
        return ok({ handoff: next, event });
      }
      case 'escalate': {
        // The draft, the context package and the reviewer's saved text travel unchanged.
        const next = this.move(h, 'escalate', {
          level: body.targetLevel,
          assignee: null,
          dueAt: responseDueAt(body.targetLevel, this.clock(), ladderInForce),
          escalation: { by: actor, at, fromLevel: h.level, note: body.note },
        });
        const event = this.record(
          next,
          actor,
          'escalated',
          `Escalated to ${levelLabels[body.targetLevel]}`,
          {
            ...common,
            why: { reason: body.note, rule: null, confidence: h.context.confidence },
          },
        );
        return ok({ handoff: next, event });
      }
      case 'redirect': {
        const redirected = this.move(h, 'redirect', { ...owner, workingDraft: null });
        const event = this.record(
          redirected,
          actor,
          'redirected',
          'Sent back to the AI with instructions',
          {
            ...common,
            why: { reason: body.instructions, rule: null, confidence: h.context.confidence },
          },
        );
        const base = h.workingDraft?.text ?? aiDraft;
        const text = reviseDraft(base, body.instructions, h.ticket);
        const number = h.drafts.length + 1;
        const revised = this.move(redirected, 'ai_revised', {
          drafts: [
            ...h.drafts,
            {
              number,
              text,
              author: AI_ACTOR,
              createdAt: this.now(),
              note: `Redirected: “${body.instructions}”`,
            },
          ],
        });
        this.record(
          revised,
          AI_ACTOR,
          'draft_revised',
          `Draft ${number} written from ${user.name}’s instructions`,
          {
            why: { reason: body.instructions, rule: null, confidence: h.context.confidence },
          },
        );
        return ok({ handoff: revised, event });
      }
    }
  }
}
