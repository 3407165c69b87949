import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isDeepStrictEqual } from 'node:util';
import { Webhook } from 'standardwebhooks';
import { prettifyError, type z } from 'zod/mini';
import { auditLogPageSchema, feedbackPageSchema } from '../../src/api/audit-schemas';
import { batchDecisionResultSchema } from '../../src/api/batch-schemas';
import { dashboardSchema } from '../../src/api/dashboard-schemas';
import {
  auditPageSchema,
  categorySchema,
  decisionResultSchema,
  type Handoff,
  type HandoffPage,
  handoffPageSchema,
  handoffSchema,
  handoffStatusSchema,
  type Level,
  levelSchema,
  type Problem,
  type ProblemCode,
  problemSchema,
  type User,
  userSchema,
  usersSchema,
} from '../../src/api/handoff-schemas';
import { ACTOR_HEADER, CLIENT_HEADER, IDEMPOTENCY_HEADER } from '../../src/api/headers';
import { ladderSchema } from '../../src/api/ladder-schemas';
import { operationEntries, operations, pathOf } from '../../src/api/operations';
import { policyChangesSchema } from '../../src/api/policy-change-schemas';
import {
  postHocPageSchema,
  postHocReviewSchema,
  postHocRubrics,
  postHocSettingsSchema,
} from '../../src/api/post-hoc-schemas';
import { type RoutingPolicy, routingPolicySchema } from '../../src/api/routing-policy-schemas';
import { peopleSchema } from '../../src/api/session-schemas';
import {
  teamChangesSchema,
  teamDirectorySchema,
  teamWhatIfResultSchema,
} from '../../src/api/team-schemas';
import { webhookWithSecretSchema } from '../../src/api/webhook-schemas';
import { whatIfResultSchema } from '../../src/api/what-if-schemas';
import { drawnForDoubleReview } from '../../src/domain/double-review';
import { messagesSinceDraft } from '../../src/domain/follow-ups';
import { teamClaimReason, teamClaimRules, teamOverseerRoles } from '../../src/domain/team-claims';
import { nextEscalation, teamEscalationProblem } from '../../src/domain/team-escalation';

/*
 * A conformance suite for any Handoff Desk backend. It speaks only HTTP and the published
 * contract (the schemas, paths and problem codes), so the same checks hold the reference
 * backend, a staging server and a production implementation to one standard.
 *
 * Each check finds its own fresh items through the queue and leaves them in a state the
 * lifecycle allows, so checks run in any order, one at a time, against a shared world.
 */

export interface ConformanceTarget {
  /** The API base URL, e.g. https://desk.example.com/api. Read when a check runs, not before. */
  baseUrl: string;
  /**
   * Who asks GET /users to discover the people the checks act as. Defaults to the first
   * reviewer of the reference seed.
   */
  actorId?: string;
  /**
   * For a server where people sign in: each person's password by id. The checks then sign
   * each person in once and act with that session's cookie (and the app's Origin and client
   * header), never with X-Actor-Id; a person without a password here sends no identity.
   */
  passwords?: Readonly<Record<string, string>>;
}

export interface ConformanceCheck {
  name: string;
  run: () => Promise<void>;
}

const DEFAULT_ACTOR = 'u-ana';

/* ---------- HTTP ---------- */

interface Reply {
  /** The request, for failure messages. */
  request: string;
  status: number;
  contentType: string;
  text: string;
  body: unknown;
}

interface SendOptions {
  /** The acting person; null sends no identity at all. */
  actor: string | null;
  json?: unknown;
  /** A body sent as is, for malformed input. */
  raw?: string;
  /** Undefined gives a write a fresh key; null sends none. */
  key?: string | null;
  query?: Record<string, string>;
  /** An agent's API key: sent as `Authorization: Bearer …` instead of a person's identity. */
  bearer?: string;
}

class Api {
  private keys = 0;
  private readonly sessions = new Map<string, Promise<string>>();

  constructor(
    private readonly target: ConformanceTarget,
    private readonly runId: string,
  ) {}

  freshKey(): string {
    this.keys += 1;
    return `conformance-${this.runId}-${this.keys}`;
  }

  private get base() {
    return this.target.baseUrl.replace(/\/$/, '');
  }

  /** The session cookie of a person with a password, signed in once per run. */
  private cookieOf(id: string, password: string): Promise<string> {
    let session = this.sessions.get(id);
    if (!session) {
      session = (async () => {
        const response = await fetch(`${this.base}${operations.signIn.path}`, {
          method: 'POST',
          headers: this.appHeaders({ 'content-type': 'application/json' }),
          body: JSON.stringify({ id, password }),
        });
        const cookie = response.headers.get('set-cookie')?.split(';')[0];
        if (!response.ok || !cookie) {
          throw new Error(
            `Signing in as "${id}" answered ${response.status}: ${await response.text()}`,
          );
        }
        return cookie;
      })();
      session.catch(() => this.sessions.delete(id));
      this.sessions.set(id, session);
    }
    return session;
  }

  /** What the app itself sends with a cookie-borne request: its origin and client header. */
  private appHeaders(extra: Record<string, string> = {}) {
    return new Headers({ ...extra, origin: new URL(this.base).origin, [CLIENT_HEADER]: '1' });
  }

  private async identify(actor: string | null): Promise<Headers> {
    const passwords = this.target.passwords;
    if (!passwords) return new Headers(actor === null ? {} : { [ACTOR_HEADER]: actor });
    const password = actor === null ? undefined : passwords[actor];
    if (actor === null || password === undefined) return new Headers();
    return this.appHeaders({ cookie: await this.cookieOf(actor, password) });
  }

  async send(method: string, path: string, options: SendOptions): Promise<Reply> {
    const search = new URLSearchParams(options.query).toString();
    const url = `${this.base}${path}${search ? `?${search}` : ''}`;
    const headers = options.bearer
      ? new Headers({ authorization: `Bearer ${options.bearer}` })
      : await this.identify(options.actor);
    const write = method !== 'GET' && method !== 'HEAD';
    const key = options.key === undefined && write ? this.freshKey() : options.key;
    if (key) headers.set(IDEMPOTENCY_HEADER, key);
    let body: string | undefined;
    if (options.raw !== undefined) body = options.raw;
    else if (options.json !== undefined) body = JSON.stringify(options.json);
    if (body !== undefined) headers.set('content-type', 'application/json');

    const request = `${method} ${path}${search ? `?${search}` : ''}`;
    let response: Response;
    try {
      response = await fetch(url, { method, headers, body });
    } catch (error) {
      throw new Error(`${request} did not get an answer: ${describeError(error)}`);
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return {
      request,
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      text,
      body: parsed,
    };
  }
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.message}${cause}`;
}

/* ---------- assertions ---------- */

function ensure(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

const snippet = (reply: Reply) =>
  `${reply.request} answered ${reply.status}: ${reply.text.slice(0, 400) || '(empty body)'}`;

function parse<T>(schema: z.ZodMiniType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new Error(`${what} does not match its schema:\n${prettifyError(result.error)}`);
  }
  return result.data;
}

function expectOk<T>(reply: Reply, schema: z.ZodMiniType<T>, what: string): T {
  ensure(reply.status >= 200 && reply.status < 300, `${what}: expected success; ${snippet(reply)}`);
  return parse(schema, reply.body, `${what} (${reply.request})`);
}

const problemContentType = /^application\/(problem\+)?json\b/i;

function expectProblem(reply: Reply, status: number, code: ProblemCode | null, what: string) {
  ensure(reply.status === status, `${what}: expected ${status}; ${snippet(reply)}`);
  ensure(
    problemContentType.test(reply.contentType),
    `${what}: a problem needs content-type application/problem+json or application/json, got "${reply.contentType}"`,
  );
  const problem = parse(problemSchema, reply.body, `${what}: the problem document`);
  ensure(
    problem.status === status,
    `${what}: the problem says status ${problem.status} but the response is ${status}`,
  );
  if (code) {
    ensure(problem.code === code, `${what}: expected code "${code}", got "${problem.code}"`);
  }
  return problem;
}

/** A 409 for a write made on a version not in force, naming the version that is. */
function expectStaleVersion(reply: Reply, current: number, what: string) {
  const stale = expectProblem(reply, 409, 'version_conflict', what);
  ensure(
    stale.currentVersion === current,
    `The conflict names version ${stale.currentVersion}, not ${current}`,
  );
}

function expectPointers(problem: Problem, pointers: string[], what: string) {
  const got = (problem.errors ?? []).map((e) => e.pointer);
  for (const pointer of pointers) {
    ensure(
      got.includes(pointer),
      `${what}: expected a field error at "${pointer}", got ${JSON.stringify(got)}`,
    );
  }
}

/* ---------- the world the checks act in ---------- */

const rank = (level: Level) => levelSchema.options.indexOf(level);

interface Cast {
  /** The person most checks act as. */
  a: User;
  /** Someone else, for ownership. Both may act on every item the checks pick. */
  b: User;
  levels: Level[];
}

const reason = 'The draft promises a refund the policy does not allow.';
const rejectBody = (version: number) => ({
  action: 'reject',
  version,
  timeOnItemMs: 42_000,
  acknowledgedFlags: [],
  reason,
});

export function conformanceChecks(target: ConformanceTarget): ConformanceCheck[] {
  const runId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const api = new Api(target, runId);
  const taken = new Set<string>();
  let cast: Promise<Cast> | null = null;

  const get = (path: string, actor: string, query?: Record<string, string>) =>
    api.send('GET', path, { actor, query });

  function discoverCast(): Promise<Cast> {
    cast ??= (async () => {
      const actor = target.actorId ?? DEFAULT_ACTOR;
      const reply = await get(operations.listUsers.path, actor);
      const { items } = expectOk(reply, usersSchema, `GET /users as "${actor}"`);
      const people = [...items].sort((x, y) => rank(y.level) - rank(x.level));
      const [a, b] = people;
      ensure(
        a && b && a.id !== b.id,
        `The checks need two different people at L1 or higher; GET /users listed ${items.length}.`,
      );
      // Both must have authority over every item picked, so the lower of the two bounds it.
      const levels = levelSchema.options.filter((l) => rank(l) <= rank(b.level));
      return { a, b, levels };
    })();
    cast.catch(() => {
      cast = null;
    });
    return cast;
  }

  async function page(actor: string, query: Record<string, string>): Promise<HandoffPage> {
    const reply = await get(operations.listHandoffs.path, actor, query);
    return expectOk(reply, handoffPageSchema, 'The queue page');
  }

  async function detail(id: string, actor: string): Promise<Handoff> {
    return expectOk(
      await get(pathOf(operations.getHandoff, { id }), actor),
      handoffSchema,
      `Handoff ${id}`,
    );
  }

  async function events(id: string, actor: string) {
    return expectOk(
      await get(pathOf(operations.listHandoffEvents, { id }), actor),
      auditPageSchema,
      `Events of ${id}`,
    ).items;
  }

  /**
   * Pending, unassigned items nobody else in this run has used. Plain items can be approved
   * as drafted: no hard-stop flag to acknowledge and no choice between options.
   */
  async function takeItems(count: number, { plain = false } = {}): Promise<Handoff[]> {
    const { a, levels } = await discoverCast();
    const found: Handoff[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 20 && found.length < count; pages += 1) {
      const query: Record<string, string> = {
        status: 'pending',
        assignee: 'unassigned',
        level: levels.join(','),
        sort: 'createdAt',
        limit: '100',
      };
      if (cursor) query.cursor = cursor;
      const result = await page(a.id, query);
      for (const summary of result.items) {
        if (found.length >= count) break;
        if (taken.has(summary.id)) continue;
        if (plain && summary.flags.some((f) => f.hardStop)) continue;
        const item = await detail(summary.id, a.id);
        if (item.status !== 'pending' || item.assignee) continue;
        // A customer message newer than the draft needs reading before approval.
        if (plain && (item.context.options.length >= 2 || messagesSinceDraft(item).length > 0)) {
          continue;
        }
        taken.add(item.id);
        found.push(item);
      }
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    ensure(
      found.length === count,
      `Needs ${count} ${plain ? 'plain ' : ''}pending, unassigned item(s) at ${levels.join('/')}; found ${found.length}.`,
    );
    return found;
  }

  /** The people GET /users lists, as `actorId` asks. */
  async function listPeople(actorId: string) {
    return expectOk(await get(operations.listUsers.path, actorId), usersSchema, 'GET /users').items;
  }

  /** Sends a batch and checks each item's outcome, in order (`expected` says why each). */
  async function sendBatch(actor: string, json: unknown, label: string, expected: string) {
    const result = expectOk(
      await api.send('POST', operations.decideBatch.path, { actor, json }),
      batchDecisionResultSchema,
      label,
    );
    const outcomes = result.results.map((r) => r.outcome).join(', ');
    ensure(
      outcomes === expected.replace(/ \([^)]*\)/g, ''),
      `Expected ${expected}; got ${outcomes}`,
    );
    return result;
  }

  type Snapshot = { item: Handoff; events: number };

  async function snapshot(id: string, actor: string): Promise<Snapshot> {
    return { item: await detail(id, actor), events: (await events(id, actor)).length };
  }

  async function expectUnchanged(before: Snapshot, actor: string, what: string) {
    const after = await snapshot(before.item.id, actor);
    ensure(
      isDeepStrictEqual(after.item, before.item),
      `${what} changed the item: version ${before.item.version} → ${after.item.version}, status ${before.item.status} → ${after.item.status}`,
    );
    ensure(
      after.events === before.events,
      `${what} changed the audit trail: ${before.events} → ${after.events} events`,
    );
  }

  async function claim(id: string, version: number, actor: string): Promise<Handoff> {
    const reply = await api.send('POST', pathOf(operations.claimHandoff, { id }), {
      actor,
      json: { version },
    });
    return expectOk(reply, handoffSchema, `Claiming ${id}`);
  }

  /** Gives an item back, best effort: used to tidy up after a check that failed midway. */
  async function releaseQuietly(id: string, actor: string) {
    try {
      const item = await detail(id, actor);
      if (item.status === 'claimed' && item.assignee?.id === actor) {
        await api.send('POST', pathOf(operations.releaseHandoff, { id }), {
          actor,
          json: { version: item.version },
        });
      }
    } catch {
      // The check's own failure is the one worth reporting.
    }
  }

  async function walk(actor: string, query: Record<string, string>, limit: number) {
    const ids: string[] = [];
    const items: HandoffPage['items'] = [];
    const totals = new Set<number>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const result = await page(actor, {
        ...query,
        limit: String(limit),
        ...(cursor ? { cursor } : {}),
      });
      pages += 1;
      totals.add(result.total);
      ensure(
        result.items.length <= limit,
        `A page asked for ${limit} items returned ${result.items.length}`,
      );
      for (const item of result.items) ids.push(item.id);
      items.push(...result.items);
      cursor = result.nextCursor;
      ensure(pages <= 10_000, 'Paging did not end after 10,000 pages');
    } while (cursor);
    ensure(totals.size === 1, `The total changed while paging: ${[...totals].join(', ')}`);
    return { ids, items, total: [...totals][0]! };
  }

  const check = (name: string, run: () => Promise<void>): ConformanceCheck => ({ name, run });

  /** A new agent key issued by the lead `leadId`; its secret. */
  async function issueAgentKey(leadId: string, name: string): Promise<string> {
    const issued = await api.send('POST', operations.createAgentKey.path, {
      actor: leadId,
      json: { name },
    });
    ensure(issued.status === 201, `A lead's new agent key: ${snippet(issued)}`);
    return (issued.body as { secret: string }).secret;
  }

  /*
   * How people sign in is the backend's own business (a server with accounts, or a proxy in
   * front of one): only GET /session, which the app reads at start, is required of every one.
   */
  const ownSignIn = new Set<string>([
    'signIn',
    'signOut',
    'startOidcSignIn',
    'finishOidcSignIn',
    'listPeople',
    'addPerson',
    'updatePerson',
    'resetPassword',
    'listSignInEvents',
    // Webhooks are delivered by a server process; the in-browser backend has none to send.
    'listWebhooks',
    'createWebhook',
    'deleteWebhook',
    'rotateWebhookSecret',
    'listWebhookDeliveries',
    'resendWebhookDelivery',
  ]);

  return [
    check(
      'an agent hands off, hears the redirect, answers it, and acknowledges the approval',
      async () => {
        const { a } = await discoverCast();
        const secret = await issueAgentKey(a.id, `conformance-${runId}`);
        const agent = (
          method: string,
          path: string,
          json?: unknown,
          query?: Record<string, string>,
        ) => api.send(method, path, { actor: null, bearer: secret, json, query });
        expectProblem(
          await api.send('GET', operations.getAgentSelf.path, {
            actor: null,
            bearer: 'hd_not-a-key-anyone-issued-000000',
          }),
          401,
          null,
          'An unknown agent key',
        );
        const created = await agent(
          'POST',
          operations.createAgentHandoff.path,
          conformanceHandoff(runId),
        );
        ensure(created.status === 201, `The agent's handoff: ${snippet(created)}`);
        const id = (created.body as { handoff: Handoff }).handoff.id;
        const outcomePath = pathOf(operations.getHandoffOutcome, { id });
        const draftsPath = pathOf(operations.submitAgentDraft, { id });
        const waiting = await agent('GET', outcomePath, undefined, { wait: '0' });
        ensure(
          waiting.status === 200 && (waiting.body as { outcome: unknown }).outcome === null,
          `No outcome before a decision: ${snippet(waiting)}`,
        );
        expectProblem(
          await agent('POST', draftsPath, {
            inReplyTo: 1,
            text: 'Hi',
            actions: [{ type: 'reply' }],
            note: 'Early.',
          }),
          409,
          null,
          'A draft in reply to no redirect',
        );
        const pending = await detail(id, a.id);
        const redirected = await api.send('POST', pathOf(operations.decideHandoff, { id }), {
          actor: a.id,
          json: {
            action: 'redirect',
            version: pending.version,
            instructions: 'Mention the tracking page.',
            timeOnItemMs: 20_000,
            acknowledgedFlags: [],
          },
        });
        ensure(redirected.status === 200, `The redirect: ${snippet(redirected)}`);
        const heard = await agent('GET', outcomePath, undefined, {
          wait: '5',
          since: String(pending.version),
        });
        const redirect = (heard.body as { outcome: { type: string; version: number } | null })
          .outcome;
        ensure(redirect?.type === 'redirected', `The agent hears the redirect: ${snippet(heard)}`);
        const answer = {
          text: 'Hi Robin,\n\nYour parcel is on its way; follow it on the tracking page.\n\nBest regards,\nSupport',
          actions: [{ type: 'reply' }],
          note: 'Added the tracking page.',
        };
        expectProblem(
          await agent('POST', draftsPath, { ...answer, inReplyTo: redirect.version + 7 }),
          409,
          null,
          'A draft in reply to a stale version',
        );
        const answered = await agent('POST', draftsPath, {
          ...answer,
          inReplyTo: redirect.version,
        });
        ensure(answered.status === 201, `The agent's new draft: ${snippet(answered)}`);
        const back = await detail(id, a.id);
        ensure(
          back.drafts.length === 2 && back.drafts[1]?.text === answer.text,
          "The new draft is the item's second version",
        );
        const approved = await api.send('POST', pathOf(operations.decideHandoff, { id }), {
          actor: a.id,
          json: {
            action: 'approve',
            version: back.version,
            finalText: answer.text,
            timeOnItemMs: 20_000,
            acknowledgedFlags: [...new Set(back.context.flags.map((f) => f.rule))],
          },
        });
        ensure(approved.status === 200, `The approval: ${snippet(approved)}`);
        const final = await agent('GET', outcomePath, undefined, {
          wait: '5',
          since: String(back.version),
        });
        const outcome = (final.body as { outcome: { type: string; finalText?: string } | null })
          .outcome;
        ensure(
          outcome?.type === 'approved' && outcome.finalText === answer.text,
          `The agent receives the approval with the final text: ${snippet(final)}`,
        );
        const executionPath = pathOf(operations.reportExecution, { id });
        const acked = await agent('POST', executionPath, { status: 'applied', detail: 'Sent.' });
        ensure(acked.status === 200, `The acknowledgement: ${snippet(acked)}`);
        expectProblem(
          await agent('POST', executionPath, { status: 'applied' }),
          409,
          null,
          'A second acknowledgement',
        );
        const trail = (await events(id, a.id)).map((e) => e.action);
        for (const action of [
          'created',
          'redirected',
          'draft_revised',
          'approved',
          'executed',
        ] as const) {
          ensure(trail.includes(action), `The trail lacks "${action}": ${trail.join(', ')}`);
        }
      },
    ),

    check(
      'a webhook endpoint hears the decision on a handoff, signed to the Standard Webhooks specification',
      async () => {
        const { a } = await discoverCast();
        const secret = await issueAgentKey(a.id, `conformance-hooks-${runId}`);
        const receiver = await startReceiver();
        try {
          const registered = await api.send('POST', operations.createWebhook.path, {
            actor: null,
            bearer: secret,
            json: { url: receiver.url, events: ['handoff.decided'] },
          });
          // Webhooks are sent by a server process; a backend without one does not offer them.
          if (registered.status === 404) return;
          ensure(registered.status === 201, `The agent's webhook endpoint: ${snippet(registered)}`);
          const hook = webhookWithSecretSchema.parse(registered.body);
          const created = await api.send('POST', operations.createAgentHandoff.path, {
            actor: null,
            bearer: secret,
            json: conformanceHandoff(runId),
          });
          ensure(created.status === 201, `The agent's handoff: ${snippet(created)}`);
          const id = (created.body as { handoff: Handoff }).handoff.id;
          const pending = await detail(id, a.id);
          const rejected = await api.send('POST', pathOf(operations.decideHandoff, { id }), {
            actor: a.id,
            json: {
              action: 'reject',
              version: pending.version,
              reason: 'Quotes no tracking number.',
              timeOnItemMs: 20_000,
              acknowledgedFlags: [],
            },
          });
          ensure(rejected.status === 200, `The rejection: ${snippet(rejected)}`);
          const got = await receiver.next(10_000);
          ensure(got, 'No delivery reached the receiver within 10 s of the decision');
          let verified: unknown;
          try {
            verified = new Webhook(hook.secret).verify(got.body, got.headers);
          } catch (error) {
            throw new Error(`The delivery's signature does not verify: ${String(error)}`);
          }
          const message = verified as {
            type?: string;
            data?: { handoff?: { id?: string }; outcome?: { type?: string; reason?: string } };
          };
          ensure(
            message.type === 'handoff.decided' &&
              message.data?.handoff?.id === id &&
              message.data.outcome?.type === 'rejected',
            `The delivery is the decision on ${id}: ${got.body.slice(0, 300)}`,
          );
          let tampered = false;
          try {
            new Webhook(hook.secret).verify(`${got.body} `, got.headers);
          } catch {
            tampered = true;
          }
          ensure(tampered, 'A changed body still verified: the signature does not cover it');
          const removed = await api.send(
            'DELETE',
            pathOf(operations.deleteWebhook, { id: hook.endpoint.id }),
            { actor: null, bearer: secret },
          );
          ensure(removed.status < 300, `Deleting the endpoint: ${snippet(removed)}`);
        } finally {
          await receiver.close();
        }
      },
    ),

    check(
      'every operation of the contract is served, and its reads parse with their schemas',
      async () => {
        const { a } = await discoverCast();
        const [summary] = (await page(a.id, { limit: '1' })).items;
        ensure(summary, 'The queue is empty; the checks need a seeded world');
        for (const [name, op] of operationEntries) {
          // The stream has its own checks; a reset would discard the shared world.
          if (op.events || name === 'resetDemo' || ownSignIn.has(name)) continue;
          const path = pathOf(op, { id: summary.id });
          // Writes go without an Idempotency-Key, so they are refused (400) and change nothing.
          const reply = await api.send(op.method, path, { actor: a.id, key: null });
          ensure(
            reply.status !== 404 && reply.status !== 405,
            `${name} (${op.method} ${op.path}) is not served; ${snippet(reply)}`,
          );
          // An agent's own endpoints refuse a person (403); that they answer at all is the check.
          const forPeople = !op.principals || op.principals.includes('person');
          if (op.method === 'GET' && op.response && forPeople) expectOk(reply, op.response, name);
        }
      },
    ),

    check(
      'a batch decides each item on its own, refuses empty batches, and applies nothing twice',
      async () => {
        const { a } = await discoverCast();
        const [one, two] = await takeItems(2, { plain: true });
        const path = operations.decideBatch.path;
        const batchId = `conf-${runId}-batch`;
        const body = {
          batchId,
          decision: { action: 'reject', reason: 'Conformance batch rejection.' },
          items: [
            { id: one!.id, version: one!.version },
            { id: two!.id, version: two!.version + 5 },
            { id: `no-such-${runId}`, version: 1 },
          ],
          timeOnBatchMs: 90_000,
        };
        expectProblem(
          await api.send('POST', path, { actor: a.id, json: { ...body, items: [] } }),
          422,
          'validation',
          'An empty batch',
        );
        const first = await sendBatch(
          a.id,
          body,
          'The batch',
          'applied, conflict (stale version), refused (unknown id)',
        );
        const trail = await events(one!.id, a.id);
        ensure(
          trail.at(-1)?.batchId === batchId,
          `The rejection's audit event should carry batchId "${batchId}"`,
        );
        const again = expectOk(
          await api.send('POST', path, { actor: a.id, json: body }),
          batchDecisionResultSchema,
          'The batch sent again under a new key',
        );
        ensure(
          again.results[0]?.replayed === true &&
            again.results[0]?.eventId === first.results[0]?.eventId,
          'A batch sent again must replay the item it decided, not decide it twice',
        );
        ensure(
          (await events(one!.id, a.id)).length === trail.length,
          'The retry wrote audit events',
        );
      },
    ),

    check(
      'a batch re-routes each item to another team on its own, with one required reason',
      async () => {
        const { a } = await discoverCast();
        const people = await listPeople(a.id);
        const editor = people.find((u) => u.role === 'lead' || u.role === 'manager');
        ensure(editor, 'The checks need a lead or manager in GET /users');
        const [one, two] = await takeItems(2);
        const teams = expectOk(
          await get(operations.getTeams.path, a.id),
          teamDirectorySchema,
          'GET /teams',
        );
        const target = teams.teams.find(
          (t) => t.members.length > 0 && t.id !== one!.team?.teamId && t.id !== two!.team?.teamId,
        );
        ensure(target, 'The checks need a staffed team holding neither item');
        const path = operations.decideBatch.path;
        const batchId = `conf-${runId}-reroute`;
        const reason = 'Conformance: this belongs with another team.';
        const body = {
          batchId,
          decision: { action: 'reroute', teamId: target.id, reason },
          items: [
            { id: one!.id, version: one!.version },
            { id: two!.id, version: two!.version + 5 },
          ],
          timeOnBatchMs: 30_000,
        };
        expectProblem(
          await api.send('POST', path, {
            actor: editor.id,
            json: { ...body, decision: { ...body.decision, reason: '' } },
          }),
          422,
          'validation',
          'A batch re-route without a reason',
        );
        await sendBatch(editor.id, body, 'The batch re-route', 'applied, conflict (stale version)');
        const moved = await detail(one!.id, a.id);
        ensure(
          moved.team?.teamId === target.id,
          `The re-routed item is with ${moved.team?.teamId ?? 'no team'}, not ${target.id}`,
        );
        const left = await detail(two!.id, a.id);
        ensure(
          left.version === two!.version && left.team?.teamId === two!.team?.teamId,
          'The item sent on a stale version was moved anyway',
        );
        const last = (await events(one!.id, a.id)).at(-1);
        ensure(
          last?.action === 'rerouted' && last.batchId === batchId,
          `The re-route's audit event should be "rerouted" with batchId "${batchId}"; got ${last?.action} ${last?.batchId}`,
        );
      },
    ),

    check('GET /me and /users describe the people who act', async () => {
      const { a, b } = await discoverCast();
      const me = expectOk(await get(operations.getMe.path, a.id), userSchema, 'GET /me');
      ensure(me.id === a.id, `GET /me as "${a.id}" answered "${me.id}"`);
      const { items } = expectOk(
        await get(operations.listUsers.path, b.id),
        usersSchema,
        'GET /users',
      );
      ensure(
        items.some((u) => u.id === a.id) && items.some((u) => u.id === b.id),
        'GET /users does not list the people it listed before',
      );
    }),

    check('the queue, a handoff and its audit trail parse with their schemas', async () => {
      const { a } = await discoverCast();
      const first = await page(a.id, {});
      ensure(first.items.length > 0, 'The queue is empty; the checks need a seeded world');
      await page(a.id, { limit: '500', sort: 'dueAt', order: 'desc' });
      const summary = first.items[0]!;
      const item = await detail(summary.id, a.id);
      ensure(
        item.id === summary.id,
        `GET ${pathOf(operations.getHandoff, { id: summary.id })} answered ${item.id}`,
      );
      ensure(
        item.version === summary.version,
        `The queue shows version ${summary.version} of ${item.id}; its detail, ${item.version}`,
      );
      const trail = await events(item.id, a.id);
      for (const [i, event] of trail.entries()) {
        ensure(event.handoffId === item.id, `Event ${event.id} belongs to ${event.handoffId}`);
        const previous = trail[i - 1];
        ensure(
          !previous || previous.version <= event.version,
          `The audit trail of ${item.id} goes back from version ${previous?.version} to ${event.version}`,
        );
        ensure(
          event.version <= item.version,
          `Event ${event.id} is at version ${event.version}, beyond the item's ${item.version}`,
        );
      }
    }),

    check('requests without a known identity answer 401', async () => {
      const { a } = await discoverCast();
      const [item] = await takeItems(1);
      const before = await snapshot(item!.id, a.id);
      const anonymous = await api.send('GET', operations.listHandoffs.path, { actor: null });
      expectProblem(anonymous, 401, 'unauthenticated', 'GET /handoffs without an identity');
      const stranger = `nobody-${runId}`;
      const unknown = await api.send('GET', operations.getMe.path, { actor: stranger });
      expectProblem(unknown, 401, 'unauthenticated', 'GET /me as an unknown person');
      const write = await api.send('POST', pathOf(operations.claimHandoff, { id: item!.id }), {
        actor: null,
        json: { version: item!.version },
      });
      expectProblem(write, 401, 'unauthenticated', 'A claim without an identity');
      const decision = await api.send('POST', pathOf(operations.decideHandoff, { id: item!.id }), {
        actor: stranger,
        json: rejectBody(item!.version),
      });
      expectProblem(decision, 401, 'unauthenticated', 'A decision by an unknown person');
      await expectUnchanged(before, a.id, 'Unauthenticated writes');
    }),

    check('unknown handoffs answer 404 on every endpoint', async () => {
      const { a } = await discoverCast();
      const id = `no-such-handoff-${runId}`;
      const attempts: [string, Promise<Reply>][] = [
        ['GET the handoff', get(pathOf(operations.getHandoff, { id }), a.id)],
        ['GET its events', get(pathOf(operations.listHandoffEvents, { id }), a.id)],
        [
          'claim it',
          api.send('POST', pathOf(operations.claimHandoff, { id }), {
            actor: a.id,
            json: { version: 1 },
          }),
        ],
        [
          'release it',
          api.send('POST', pathOf(operations.releaseHandoff, { id }), {
            actor: a.id,
            json: { version: 1 },
          }),
        ],
        [
          'save its draft',
          api.send('PUT', pathOf(operations.saveDraft, { id }), {
            actor: a.id,
            json: { version: 1, text: 'Hello' },
          }),
        ],
        [
          'decide it',
          api.send('POST', pathOf(operations.decideHandoff, { id }), {
            actor: a.id,
            json: rejectBody(1),
          }),
        ],
      ];
      for (const [what, reply] of attempts) {
        expectProblem(await reply, 404, 'not_found', `Trying to ${what} for an unknown id`);
      }
    }),

    check('claiming and releasing move the version and leave an audit event each', async () => {
      const { a } = await discoverCast();
      const [item] = await takeItems(1);
      const id = item!.id;
      try {
        const start = (await events(id, a.id)).length;
        const claimed = await claim(id, item!.version, a.id);
        ensure(claimed.status === 'claimed', `A claimed item is "${claimed.status}"`);
        ensure(claimed.assignee?.id === a.id, 'A claimed item names someone else as assignee');
        ensure(claimed.version > item!.version, 'Claiming did not move the version');
        const text = 'Thanks for your patience; a corrected reply is on its way.';
        const saved = expectOk(
          await api.send('PUT', pathOf(operations.saveDraft, { id }), {
            actor: a.id,
            json: { version: claimed.version, text },
          }),
          handoffSchema,
          'Saving a working draft',
        );
        ensure(saved.workingDraft?.text === text, 'The saved working draft is not the text sent');
        const released = expectOk(
          await api.send('POST', pathOf(operations.releaseHandoff, { id }), {
            actor: a.id,
            json: { version: saved.version },
          }),
          handoffSchema,
          'Releasing',
        );
        ensure(released.assignee === null, 'A released item still has an assignee');
        ensure(released.version > saved.version, 'Releasing did not move the version');
        const trail = await events(id, a.id);
        const actions = trail.slice(start).map((e) => e.action);
        ensure(
          actions[0] === 'claimed' && actions.at(-1) === 'released',
          `Expected the trail to record the claim and the release, got ${actions.join(', ')}`,
        );
        ensure(
          trail.at(-1)!.version === released.version,
          'The release event does not carry the version it produced',
        );
      } finally {
        await releaseQuietly(id, a.id);
      }
    }),

    check('a stale version answers 409 with the item as it is now', async () => {
      const { a } = await discoverCast();
      const [item] = await takeItems(1);
      const id = item!.id;
      try {
        const claimed = await claim(id, item!.version, a.id);
        const released = expectOk(
          await api.send('POST', pathOf(operations.releaseHandoff, { id }), {
            actor: a.id,
            json: { version: claimed.version },
          }),
          handoffSchema,
          'Releasing',
        );
        const before = await snapshot(id, a.id);
        for (const [what, reply] of [
          [
            'A claim on a stale version',
            await api.send('POST', pathOf(operations.claimHandoff, { id }), {
              actor: a.id,
              json: { version: item!.version },
            }),
          ],
          [
            'A decision on a stale version',
            await api.send('POST', pathOf(operations.decideHandoff, { id }), {
              actor: a.id,
              json: rejectBody(item!.version),
            }),
          ],
        ] as const) {
          const problem = expectProblem(reply, 409, 'version_conflict', what);
          ensure(problem.current, `${what}: the conflict does not include the current item`);
          ensure(
            problem.current.id === id && problem.current.version === released.version,
            `${what}: "current" is version ${problem.current.version} of ${problem.current.id}, not version ${released.version} of ${id}`,
          );
          ensure(
            problem.currentVersion === released.version,
            `${what}: currentVersion is ${problem.currentVersion}, not ${released.version}`,
          );
        }
        await expectUnchanged(before, a.id, 'Writes on a stale version');
      } finally {
        await releaseQuietly(id, a.id);
      }
    }),

    check('an approval answers a decision result that matches the item and its trail', async () => {
      const { a } = await discoverCast();
      const [item] = await takeItems(1, { plain: true });
      const id = item!.id;
      const finalText = item!.drafts.at(-1)!.text;
      const reply = await api.send('POST', pathOf(operations.decideHandoff, { id }), {
        actor: a.id,
        json: {
          action: 'approve',
          version: item!.version,
          timeOnItemMs: 95_000,
          acknowledgedFlags: [...new Set(item!.context.flags.map((f) => f.rule))],
          finalText,
          selectedOptionId: null,
        },
      });
      const result = expectOk(reply, decisionResultSchema, 'Approving');
      const { handoff, event } = result;
      ensure(handoff.id === id, `The decision result is about ${handoff.id}, not ${id}`);
      ensure(handoff.status === 'approved', `An approved item is "${handoff.status}"`);
      ensure(handoff.version > item!.version, 'Approving did not move the version');
      ensure(
        handoff.outcome?.action === 'approve' && handoff.outcome.finalText === finalText,
        'The outcome does not record the approval and the text sent',
      );
      ensure(
        event.handoffId === id && event.action === 'approved',
        `The result's event is "${event.action}" on ${event.handoffId}`,
      );
      ensure(
        event.version === handoff.version,
        `The event is at version ${event.version}; the item at ${handoff.version}`,
      );
      const now = await detail(id, a.id);
      ensure(
        now.version === handoff.version && now.status === 'approved',
        `GET shows version ${now.version} "${now.status}" after the decision answered version ${handoff.version}`,
      );
      const trail = await events(id, a.id);
      ensure(
        trail.some((e) => isDeepStrictEqual(e, event)),
        `The audit trail does not contain the decision's event ${event.id}`,
      );
    }),

    check('the dashboard counts a new approval and ends its depth at the open queue', async () => {
      const { a } = await discoverCast();
      const dashboard = async () =>
        expectOk(
          await get(operations.getDashboard.path, a.id, { window: '24h' }),
          dashboardSchema,
          'GET /dashboard',
        );
      expectProblem(
        await get(operations.getDashboard.path, a.id, { window: 'forever' }),
        422,
        'validation',
        'GET /dashboard with an unknown window',
      );
      const [item] = await takeItems(1, { plain: true });
      const category = item!.ticket.category;
      const before = await dashboard();
      const reply = await api.send('POST', pathOf(operations.decideHandoff, { id: item!.id }), {
        actor: a.id,
        json: {
          action: 'approve',
          version: item!.version,
          timeOnItemMs: 95_000,
          acknowledgedFlags: [...new Set(item!.context.flags.map((f) => f.rule))],
          finalText: item!.drafts.at(-1)!.text,
          selectedOptionId: null,
        },
      });
      expectOk(reply, decisionResultSchema, 'Approving');
      const after = await dashboard();
      const approved = (d: typeof before) =>
        d.decisionsByCategory.find((c) => c.category === category)?.approvedUnedited ?? 0;
      ensure(
        approved(after) === approved(before) + 1,
        `${category} approvals went from ${approved(before)} to ${approved(after)} after one approval`,
      );
      const open = await page(a.id, { status: 'pending,claimed,escalated,failed', limit: '1' });
      const last = after.queueDepth.at(-1)?.total;
      ensure(
        last === open.total && after.sla.open === open.total,
        `The dashboard's depth now is ${last} (SLA over ${after.sla.open}); the queue lists ${open.total} open items`,
      );
    }),

    check('a decided item refuses every further write with 409', async () => {
      const { a } = await discoverCast();
      const [item] = await takeItems(1);
      const id = item!.id;
      const decided = expectOk(
        await api.send('POST', pathOf(operations.decideHandoff, { id }), {
          actor: a.id,
          json: rejectBody(item!.version),
        }),
        decisionResultSchema,
        'Rejecting',
      ).handoff;
      const before = await snapshot(id, a.id);
      const version = decided.version;
      const attempts = [
        [
          'PUT',
          pathOf(operations.saveDraft, { id }),
          { version, text: 'One more thought.' },
          'A late autosave',
        ],
        ['POST', pathOf(operations.claimHandoff, { id }), { version }, 'A claim'],
        ['POST', pathOf(operations.releaseHandoff, { id }), { version }, 'A release'],
        [
          'POST',
          pathOf(operations.decideHandoff, { id }),
          rejectBody(version),
          'A second decision',
        ],
      ] as const;
      for (const [method, path, json, what] of attempts) {
        const reply = await api.send(method, path, { actor: a.id, json });
        expectProblem(reply, 409, 'illegal_transition', `${what} on a rejected item`);
      }
      await expectUnchanged(before, a.id, 'Writes on a decided item');
    }),

    check('replaying an idempotency key returns the same reply and records once', async () => {
      const { a } = await discoverCast();
      const [item] = await takeItems(1);
      const id = item!.id;
      const key = api.freshKey();
      const body = rejectBody(item!.version);
      const first = await api.send('POST', pathOf(operations.decideHandoff, { id }), {
        actor: a.id,
        json: body,
        key,
      });
      const result = expectOk(first, decisionResultSchema, 'Rejecting');
      ensure(result.handoff.status === 'rejected', `A rejected item is "${result.handoff.status}"`);
      ensure(result.handoff.outcome?.reason === reason, 'The outcome does not keep the reason');
      const trail = await events(id, a.id);
      const again = await api.send('POST', pathOf(operations.decideHandoff, { id }), {
        actor: a.id,
        json: body,
        key,
      });
      ensure(
        again.status === first.status,
        `The replay answered ${again.status}, the original ${first.status}; ${snippet(again)}`,
      );
      ensure(
        isDeepStrictEqual(again.body, first.body),
        `The replay's body differs from the original's:\n${again.text.slice(0, 400)}\nvs\n${first.text.slice(0, 400)}`,
      );
      const after = await events(id, a.id);
      ensure(
        after.length === trail.length,
        `The replay recorded ${after.length - trail.length} more event(s)`,
      );
      const rejections = after.filter((e) => e.action === 'rejected').length;
      ensure(rejections === 1, `The trail has ${rejections} rejections, not 1`);
      const now = await detail(id, a.id);
      ensure(now.version === result.handoff.version, 'The replay moved the version');
    }),

    check('reusing an idempotency key for a different request answers 422', async () => {
      const { a } = await discoverCast();
      const [item] = await takeItems(1);
      const id = item!.id;
      const key = api.freshKey();
      try {
        const first = await api.send('POST', pathOf(operations.claimHandoff, { id }), {
          actor: a.id,
          json: { version: item!.version },
          key,
        });
        const claimed = expectOk(first, handoffSchema, 'Claiming');
        const before = await snapshot(id, a.id);
        const reused = await api.send('POST', pathOf(operations.claimHandoff, { id }), {
          actor: a.id,
          json: { version: claimed.version },
          key,
        });
        expectProblem(reused, 422, 'idempotency_mismatch', 'The same key with a different body');
        await expectUnchanged(before, a.id, 'A reused key');
      } finally {
        await releaseQuietly(id, a.id);
      }
    }),

    check("a claimed item refuses another person's writes with 409 not_claimant", async () => {
      const { a, b } = await discoverCast();
      const [item] = await takeItems(1);
      const id = item!.id;
      try {
        const claimed = await claim(id, item!.version, a.id);
        const before = await snapshot(id, a.id);
        const attempts = [
          [
            `${b.name}'s decision`,
            await api.send('POST', pathOf(operations.decideHandoff, { id }), {
              actor: b.id,
              json: rejectBody(claimed.version),
            }),
          ],
          [
            `${b.name}'s claim`,
            await api.send('POST', pathOf(operations.claimHandoff, { id }), {
              actor: b.id,
              json: { version: claimed.version },
            }),
          ],
          [
            `${b.name}'s release`,
            await api.send('POST', pathOf(operations.releaseHandoff, { id }), {
              actor: b.id,
              json: { version: claimed.version },
            }),
          ],
        ] as const;
        for (const [what, reply] of attempts) {
          expectProblem(reply, 409, 'not_claimant', `${what} on an item ${a.name} holds`);
        }
        await expectUnchanged(before, a.id, `${b.name}'s refused writes`);
      } finally {
        await releaseQuietly(id, a.id);
      }
    }),

    check('decisions missing required fields answer 422 with pointers', async () => {
      const { a } = await discoverCast();
      const [item] = await takeItems(1);
      const id = item!.id;
      const base = { version: item!.version, timeOnItemMs: 5_000, acknowledgedFlags: [] };
      const before = await snapshot(id, a.id);
      const cases: [string, Record<string, unknown>, string[]][] = [
        ['A rejection without a reason', { ...base, action: 'reject' }, ['/reason']],
        [
          'A rejection with a blank reason',
          { ...base, action: 'reject', reason: '   ' },
          ['/reason'],
        ],
        [
          'An escalation without a target or a note',
          { ...base, action: 'escalate' },
          ['/targetLevel', '/note'],
        ],
        ['A redirect without instructions', { ...base, action: 'redirect' }, ['/instructions']],
      ];
      for (const [what, json, pointers] of cases) {
        const reply = await api.send('POST', pathOf(operations.decideHandoff, { id }), {
          actor: a.id,
          json,
        });
        expectPointers(expectProblem(reply, 422, 'validation', what), pointers, what);
      }
      await expectUnchanged(before, a.id, 'Incomplete decisions');
    }),

    check(
      'an approval beyond the actor’s authority answers 403 naming the level that can',
      async () => {
        const { items: users } = expectOk(
          await get(operations.listUsers.path, target.actorId ?? DEFAULT_ACTOR),
          usersSchema,
          'GET /users',
        );
        const lowest = [...users].sort((x, y) => rank(x.level) - rank(y.level))[0];
        ensure(lowest && lowest.level !== 'executive', 'Needs a person below the executive level.');
        const result = await page(lowest.id, {
          status: 'pending',
          assignee: 'unassigned',
          level: lowest.level,
          limit: '100',
        });
        const summary = result.items.find((s) => !taken.has(s.id));
        ensure(summary, `Needs a pending, unassigned item at ${lowest.level}.`);
        taken.add(summary.id);
        const item = await detail(summary.id, lowest.id);
        const before = await snapshot(item.id, lowest.id);
        const reply = await api.send('POST', pathOf(operations.decideHandoff, { id: item.id }), {
          actor: lowest.id,
          json: {
            action: 'approve',
            version: item.version,
            timeOnItemMs: 30_000,
            acknowledgedFlags: [...new Set(item.context.flags.map((f) => f.rule))],
            finalText: 'I have issued a refund of $250,000.00 to your card.',
            selectedOptionId: item.context.options[0]?.id ?? null,
            seenCustomerMessageAt: item.ticket.followUps?.at(-1)?.at ?? null,
          },
        });
        const problem = expectProblem(reply, 403, 'forbidden', 'An approval beyond authority');
        ensure(
          (problem.detail ?? '').length > 10,
          'A 403 must say why in `detail`, in words a reviewer can act on',
        );
        ensure(
          problem.requiredLevel !== undefined && rank(problem.requiredLevel) > rank(lowest.level),
          `A 403 must name a level above ${lowest.level} in \`requiredLevel\`, got ${problem.requiredLevel}`,
        );
        await expectUnchanged(before, lowest.id, 'A refused approval');
      },
    ),

    check('writes without an Idempotency-Key answer 400', async () => {
      const { a } = await discoverCast();
      const [item] = await takeItems(1);
      const before = await snapshot(item!.id, a.id);
      const writes = [
        ['A claim', pathOf(operations.claimHandoff, { id: item!.id }), { version: item!.version }],
        [
          'A decision',
          pathOf(operations.decideHandoff, { id: item!.id }),
          rejectBody(item!.version),
        ],
        ['Claim-next', operations.claimNextHandoff.path, {}],
      ] as const;
      for (const [what, path, json] of writes) {
        const reply = await api.send('POST', path, { actor: a.id, json, key: null });
        expectProblem(reply, 400, null, `${what} without an ${IDEMPOTENCY_HEADER}`);
      }
      await expectUnchanged(before, a.id, 'Writes without a key');
    }),

    check('malformed JSON answers 400', async () => {
      const { a } = await discoverCast();
      const [item] = await takeItems(1);
      const id = item!.id;
      const before = await snapshot(id, a.id);
      const writes = [
        [
          'A claim',
          'POST',
          pathOf(operations.claimHandoff, { id }),
          `{"version": ${item!.version}`,
        ],
        ['A decision', 'POST', pathOf(operations.decideHandoff, { id }), 'reject, please'],
        [
          'A draft',
          'PUT',
          pathOf(operations.saveDraft, { id }),
          `{version: ${item!.version}, text: 'Hi'}`,
        ],
      ] as const;
      for (const [what, method, path, raw] of writes) {
        const reply = await api.send(method, path, { actor: a.id, raw });
        expectProblem(reply, 400, null, `${what} with a body that is not JSON`);
      }
      await expectUnchanged(before, a.id, 'Malformed writes');
    }),

    check('unknown fields answer 422', async () => {
      const { a } = await discoverCast();
      const [item] = await takeItems(1);
      const id = item!.id;
      const before = await snapshot(id, a.id);
      const writes = [
        [
          'A claim',
          pathOf(operations.claimHandoff, { id }),
          { version: item!.version, priority: 'high' },
          'priority',
        ],
        [
          'A decision',
          pathOf(operations.decideHandoff, { id }),
          { ...rejectBody(item!.version), notifyCustomer: true },
          'notifyCustomer',
        ],
      ] as const;
      for (const [what, path, json, field] of writes) {
        const reply = await api.send('POST', path, { actor: a.id, json });
        const problem = expectProblem(reply, 422, 'validation', `${what} with "${field}"`);
        ensure(
          (problem.errors ?? []).some((e) => e.pointer === `/${field}`),
          `${what}: no field error points at /${field}: ${JSON.stringify(problem.errors)}`,
        );
      }
      await expectUnchanged(before, a.id, 'Writes with unknown fields');
    }),

    check('invalid list parameters answer 422', async () => {
      const { a } = await discoverCast();
      const queries: Record<string, string>[] = [
        { limit: '0' },
        { limit: 'ten' },
        { sort: 'mood' },
        { status: 'pending,sleeping' },
      ];
      for (const query of queries) {
        const reply = await get(operations.listHandoffs.path, a.id, query);
        expectProblem(reply, 422, 'validation', `GET /handoffs?${new URLSearchParams(query)}`);
      }
    }),

    check('a cursor the server did not issue answers 400', async () => {
      const { a } = await discoverCast();
      const reply = await get(operations.listHandoffs.path, a.id, { cursor: '!!not-a-cursor!!' });
      expectProblem(reply, 400, 'validation', 'GET /handoffs with a made-up cursor');
    }),

    check('list filters are honoured', async () => {
      const { a, levels } = await discoverCast();
      const level = levels.at(-1)!;
      const open = await page(a.id, {
        status: 'pending',
        assignee: 'unassigned',
        level,
        limit: '100',
      });
      for (const s of open.items) {
        ensure(
          s.status === 'pending' && s.assignee === null && s.level === level,
          `status=pending&assignee=unassigned&level=${level} listed ${s.id}: ${s.status}, ${s.level}, ${s.assignee?.id ?? 'unassigned'}`,
        );
      }
      for (const category of categorySchema.options.slice(0, 2)) {
        for (const s of (await page(a.id, { category, limit: '100' })).items) {
          ensure(s.category === category, `category=${category} listed ${s.id} (${s.category})`);
        }
      }
      for (const s of (await page(a.id, { assignee: 'me', limit: '100' })).items) {
        ensure(s.assignee?.id === a.id, `assignee=me listed ${s.id}, held by ${s.assignee?.id}`);
      }
      const sample = open.items[0];
      if (sample) {
        const found = await page(a.id, { q: String(sample.ticketNumber), limit: '100' });
        ensure(
          found.items.some((s) => s.id === sample.id),
          `q=${sample.ticketNumber} does not find ticket ${sample.ticketNumber}`,
        );
      }
    }),

    check('paging visits every item once, in the same order every time', async () => {
      const { a } = await discoverCast();
      const query = await narrowFilter(a.id);
      const { total } = await page(a.id, { ...query, limit: '1' });
      // Small pages, so a walk crosses many page boundaries, and never one page for everything.
      const limit = Math.max(2, Math.min(50, Math.ceil(total / 12)));
      const sorts = [
        { sort: 'dueAt', order: 'asc' },
        // Confidence has many ties, which is where unstable paging shows.
        { sort: 'confidence', order: 'desc' },
      ];
      for (const sort of sorts) {
        const q = { ...query, ...sort };
        const label = `GET /handoffs?${new URLSearchParams(q)}&limit=${limit}`;
        const first = await walk(a.id, q, limit);
        const unique = new Set(first.ids);
        ensure(
          unique.size === first.ids.length,
          `${label}: ${first.ids.length - unique.size} item(s) appeared twice`,
        );
        ensure(
          first.ids.length === first.total,
          `${label}: walked ${first.ids.length} items of a total of ${first.total}`,
        );
        const keys = first.items.map((s) =>
          sort.sort === 'dueAt' ? Date.parse(s.dueAt) : s.confidence,
        );
        const outOfOrder = keys.findIndex((k, i) =>
          i === 0 ? false : sort.order === 'asc' ? k < keys[i - 1]! : k > keys[i - 1]!,
        );
        ensure(outOfOrder === -1, `${label}: item ${outOfOrder} is out of ${sort.sort} order`);
        const second = await walk(a.id, q, limit);
        ensure(
          isDeepStrictEqual(second.ids, first.ids),
          `${label}: a second walk gave a different order`,
        );
        if (first.total <= 500) {
          const whole = await page(a.id, { ...q, limit: '500' });
          ensure(
            isDeepStrictEqual(
              whole.items.map((s) => s.id),
              first.ids,
            ),
            `${label}: the pages do not add up to the single page of all ${first.total} items`,
          );
        }
      }
    }),

    check('status counts add up to the total', async () => {
      const { a } = await discoverCast();
      const sum = (p: HandoffPage) => Object.values(p.counts).reduce((x, y) => x + y, 0);
      const all = await page(a.id, { limit: '1' });
      ensure(sum(all) === all.total, `Counts add up to ${sum(all)}, the total is ${all.total}`);
      const category = categorySchema.options[0]!;
      const some = await page(a.id, { category, limit: '1' });
      ensure(
        sum(some) === some.total,
        `category=${category}: counts add up to ${sum(some)}, the total is ${some.total}`,
      );
      const statuses = handoffStatusSchema.options.filter((s) => all.counts[s] > 0);
      const [s1, s2] = statuses;
      ensure(s1 && s2, 'The checks need items in at least two statuses');
      const one = await page(a.id, { status: s1, limit: '1' });
      ensure(
        one.total === all.counts[s1],
        `status=${s1}: total ${one.total}, but the unfiltered counts say ${all.counts[s1]}`,
      );
      ensure(
        isDeepStrictEqual(one.counts, all.counts),
        `status=${s1}: counts must ignore the status filter`,
      );
      const two = await page(a.id, { status: `${s1},${s2}`, limit: '1' });
      const expected = all.counts[s1] + all.counts[s2];
      ensure(two.total === expected, `status=${s1},${s2}: total ${two.total}, not ${expected}`);
    }),

    check('pause, take-over, retry and reassign refuse a pending item with 409', async () => {
      const { a } = await discoverCast();
      const [item] = await takeItems(1);
      const before = await snapshot(item!.id, a.id);
      const version = item!.version;
      const attempts: [string, unknown][] = [
        [pathOf(operations.pauseHandoff, { id: item!.id }), { version }],
        [pathOf(operations.takeOverHandoff, { id: item!.id }), { version }],
        [pathOf(operations.retryHandoff, { id: item!.id }), { version }],
        [
          pathOf(operations.reassignHandoff, { id: item!.id }),
          { version, level: 'executive', note: 'Hand this on, please.' },
        ],
      ];
      for (const [path, json] of attempts) {
        const reply = await api.send('POST', path, { actor: a.id, json });
        const problem = expectProblem(
          reply,
          409,
          'illegal_transition',
          `POST ${path} on a pending item`,
        );
        ensure(problem.current?.id === item!.id, `POST ${path}: the 409 must carry \`current\``);
      }
      const invalidReassign = await api.send(
        'POST',
        pathOf(operations.reassignHandoff, { id: item!.id }),
        {
          actor: a.id,
          json: { version, level: 'executive' },
        },
      );
      expectPointers(
        expectProblem(invalidReassign, 422, 'validation', 'A reassignment without a note'),
        ['/note'],
        'A reassignment without a note',
      );
      await expectUnchanged(before, a.id, 'Refused override and recovery requests');
    }),

    check('a person can take over an item the AI is working on', async () => {
      const { a, levels } = await discoverCast();
      const working = await page(a.id, {
        status: 'ai_working',
        level: levels.join(','),
        assignee: 'unassigned',
        limit: '50',
      });
      const summary = working.items.find((i) => !taken.has(i.id));
      ensure(summary, 'The checks need an unassigned item with status ai_working');
      taken.add(summary.id);
      const reply = await api.send('POST', pathOf(operations.takeOverHandoff, { id: summary.id }), {
        actor: a.id,
        json: { version: summary.version },
      });
      const held = expectOk(reply, handoffSchema, 'Taking over an AI-working item');
      ensure(
        held.status === 'claimed' && held.assignee?.id === a.id,
        `Taking over left ${held.id} ${held.status}, held by ${held.assignee?.id ?? 'nobody'}`,
      );
      const trail = await events(held.id, a.id);
      ensure(trail.at(-1)?.action === 'taken_over', 'The take-over is not the last audit event');
    }),

    check('a retry of a failed item answers with the AI’s outcome, audited', async () => {
      const { a, levels } = await discoverCast();
      const failed = await page(a.id, {
        status: 'failed',
        level: levels.join(','),
        assignee: 'unassigned',
        limit: '50',
      });
      const summary = failed.items.find((i) => !taken.has(i.id));
      ensure(summary, 'The checks need an unassigned failed item');
      taken.add(summary.id);
      const reply = await api.send('POST', pathOf(operations.retryHandoff, { id: summary.id }), {
        actor: a.id,
        json: { version: summary.version },
      });
      const after = expectOk(reply, handoffSchema, 'Retrying a failed item');
      ensure(
        after.status === 'failed' || after.status === 'claimed' || after.status === 'pending',
        `A retry left ${after.id} ${after.status}; expected failed again, or back with a person`,
      );
      ensure(after.version > summary.version, 'A retry must move the version on');
      const trail = await events(after.id, a.id);
      ensure(
        trail.some((e) => e.action === 'retried'),
        'The retry is not in the audit trail',
      );
    }),

    check('an initiation comes back as a new item held by the person who asked', async () => {
      const { a } = await discoverCast();
      const [source] = await takeItems(1);
      const before = await snapshot(source!.id, a.id);
      const json = {
        sourceId: source!.id,
        instructions: 'Draft a short reply confirming receipt.',
      };
      const key = api.freshKey();
      const reply = await api.send('POST', operations.initiateHandoff.path, {
        actor: a.id,
        json,
        key,
      });
      ensure(reply.status === 201, `An initiation should answer 201; ${snippet(reply)}`);
      const created = parse(handoffSchema, reply.body, 'The initiated item');
      ensure(created.id !== source!.id, 'An initiation must create a new item');
      ensure(created.kind === 'initiation', `The new item is a ${created.kind}, not an initiation`);
      ensure(created.ticket.id === source!.ticket.id, 'The new item is about another ticket');
      ensure(created.assignee?.id === a.id, 'The new item is not held by the person who asked');
      const trail = await events(created.id, a.id);
      ensure(trail[0]?.action === 'initiated', 'The new item’s trail does not start with the task');
      const replay = await api.send('POST', operations.initiateHandoff.path, {
        actor: a.id,
        json,
        key,
      });
      ensure(
        isDeepStrictEqual(replay.body, reply.body),
        'Replaying an initiation must answer as before, not create another item',
      );
      const short = await api.send('POST', operations.initiateHandoff.path, {
        actor: a.id,
        json: { sourceId: source!.id, instructions: 'ok' },
      });
      expectPointers(
        expectProblem(short, 422, 'validation', 'An initiation without real instructions'),
        ['/instructions'],
        'An initiation without real instructions',
      );
      await expectUnchanged(before, a.id, 'Initiating a task about an item');
    }),
    check('the routing policy, its history and the ladder parse with their schemas', async () => {
      const { a } = await discoverCast();
      const policy = expectOk(
        await get(operations.getPolicy.path, a.id),
        routingPolicySchema,
        'GET /policy',
      );
      const { items } = expectOk(
        await get(operations.listPolicyChanges.path, a.id),
        policyChangesSchema,
        'GET /policy/changes',
      );
      const latest = items[0];
      ensure(
        !latest || latest.after.version === policy.version,
        `The newest change leaves version ${latest?.after.version}, but GET /policy is at ${policy.version}`,
      );
      expectOk(await get(operations.getLadder.path, a.id), ladderSchema, 'GET /ladder');
    }),

    check('a what-if previews an edit without changing the policy', async () => {
      const { a } = await discoverCast();
      const before = expectOk(
        await get(operations.getPolicy.path, a.id),
        routingPolicySchema,
        'GET /policy',
      );
      const threshold = before.categories.shipping.confidenceThreshold;
      const patch = {
        categories: { shipping: { confidenceThreshold: threshold >= 0.5 ? 0.3 : 0.9 } },
      };
      const reply = await api.send('POST', operations.previewPolicy.path, {
        actor: a.id,
        json: { patch },
      });
      const result = expectOk(reply, whatIfResultSchema, 'POST /policy/what-if');
      ensure(
        result.baselineVersion === before.version && result.policyVersion === before.version + 1,
        `The what-if compares version ${result.policyVersion} with ${result.baselineVersion}, not ${before.version + 1} with ${before.version}`,
      );
      ensure(
        result.verdicts.length === result.overall.total,
        `The what-if gives ${result.verdicts.length} verdicts for ${result.overall.total} items`,
      );
      const invalidReply = await api.send('POST', operations.previewPolicy.path, {
        actor: a.id,
        json: { patch: { categories: { shipping: { confidenceThreshold: 2 } } } },
      });
      expectPointers(
        expectProblem(invalidReply, 422, 'validation', 'A what-if with a threshold of 2'),
        ['/patch/categories/shipping/confidenceThreshold'],
        'A what-if with a threshold of 2',
      );
      const after = expectOk(
        await get(operations.getPolicy.path, a.id),
        routingPolicySchema,
        'GET /policy',
      );
      ensure(after.version === before.version, 'A what-if changed the policy version');
    }),

    check('the teams and their history parse, and a what-if’s load per team adds up', async () => {
      const { a } = await discoverCast();
      const teams = expectOk(
        await get(operations.getTeams.path, a.id),
        teamDirectorySchema,
        'GET /teams',
      );
      const { items } = expectOk(
        await get(operations.listTeamChanges.path, a.id),
        teamChangesSchema,
        'GET /teams/changes',
      );
      ensure(
        !items[0] || items[0].after.version === teams.version,
        `The newest team change leaves version ${items[0]?.after.version}, but GET /teams is at ${teams.version}`,
      );
      const result = expectOk(
        await api.send('POST', operations.previewTeams.path, {
          actor: a.id,
          json: { teams: teams.teams, rules: teams.rules },
        }),
        teamWhatIfResultSchema,
        'POST /teams/what-if',
      );
      for (const side of ['before', 'after'] as const) {
        const sum = result.teams.reduce((n, t) => n + t[side], 0);
        ensure(
          sum === result.replayed,
          `The what-if's ${side} load adds up to ${sum}, not ${result.replayed}`,
        );
      }
      const again = expectOk(
        await get(operations.getTeams.path, a.id),
        teamDirectorySchema,
        'GET /teams',
      );
      ensure(again.version === teams.version, 'A team what-if changed the teams');
    }),

    check('a team rule to a team with no members is refused with its pointer', async () => {
      const { a } = await discoverCast();
      const { items: people } = expectOk(
        await get(operations.listUsers.path, a.id),
        usersSchema,
        'GET /users',
      );
      const editor = people.find((u) => u.role === 'lead' || u.role === 'manager');
      const reviewer = people.find((u) => u.role === 'reviewer');
      ensure(editor && reviewer, 'The checks need a reviewer and a lead or manager in GET /users');
      const teams = expectOk(
        await get(operations.getTeams.path, a.id),
        teamDirectorySchema,
        'GET /teams',
      );
      const empty = {
        id: `empty-${runId}`.slice(0, 40).toLowerCase(),
        name: 'Nobody here',
        categories: [],
        languages: [],
        levels: ['l1'],
        members: [],
        slaTargetMinutes: 60,
      };
      const json = {
        version: teams.version,
        teams: [...teams.teams, empty],
        rules: [
          ...teams.rules,
          { id: `r-${runId}`, when: 'language', language: 'xx', teamId: empty.id },
        ],
        reason: 'Conformance: this change must be refused.',
      };
      expectProblem(
        await api.send('POST', operations.changeTeams.path, { actor: reviewer.id, json }),
        403,
        'forbidden',
        `A team change by ${reviewer.name} (reviewer)`,
      );
      const refused = expectProblem(
        await api.send('POST', operations.changeTeams.path, { actor: editor.id, json }),
        422,
        'validation',
        'A rule to a team with no members',
      );
      expectPointers(
        refused,
        [`/rules/${teams.rules.length}/teamId`],
        'A rule to a team with no members',
      );
      const after = expectOk(
        await get(operations.getTeams.path, a.id),
        teamDirectorySchema,
        'GET /teams',
      );
      ensure(after.version === teams.version, 'A refused team change changed the teams');
    }),

    check(
      'items carry the team the rule in force chose, and the team filter keeps to it',
      async () => {
        const { a } = await discoverCast();
        const teams = expectOk(
          await get(operations.getTeams.path, a.id),
          teamDirectorySchema,
          'GET /teams',
        );
        const rules = new Map(teams.rules.map((r) => [r.id, r]));
        const { items } = await page(a.id, { limit: '200' });
        for (const item of items) {
          const team = item.team;
          if (!team || team.directoryVersion !== teams.version || team.ruleId === null) continue;
          const rule = rules.get(team.ruleId);
          ensure(
            rule,
            `Item ${item.id} names team rule "${team.ruleId}", which is not in GET /teams`,
          );
          ensure(
            rule.teamId === team.teamId && rule.when === team.choice,
            `Item ${item.id} went to ${team.teamId} by ${team.choice}, but rule ${rule.id} sends ${rule.when} to ${rule.teamId}`,
          );
        }
        const first = items.find((i) => i.team)?.team;
        if (!first) return;
        const filtered = await page(a.id, { team: first.teamId, limit: '100' });
        for (const item of filtered.items) {
          ensure(
            item.team?.teamId === first.teamId,
            `The queue filtered to team ${first.teamId} listed ${item.id} of ${item.team?.teamId ?? 'no team'}`,
          );
        }
      },
    ),

    check(
      'an item escalated inside a team is claimed only by its members: an outsider gets a 403 naming the team, and claim-next never offers it',
      async () => {
        const { a } = await discoverCast();
        const people = await listPeople(a.id);
        const { teams } = expectOk(
          await get(operations.getTeams.path, a.id),
          teamDirectorySchema,
          'GET /teams',
        );
        const ruleOf = teamClaimRules(teams, people);
        // An item escalated inside its team's ladder, and a reviewer outside that team whose own
        // level covers where it landed.
        let found: { outsider: User; item: Handoff } | null = null;
        for (const candidate of await takeItems(12)) {
          const step = nextEscalation(candidate, teams);
          const team = teams.find((t) => t.id === step?.team?.teamId);
          if (!step || !team || rank(step.level) > rank(a.level)) continue;
          const outsider = people.find(
            (p) =>
              !teamOverseerRoles.includes(p.role) &&
              rank(p.level) >= rank(step.level) &&
              !team.members.some((m) => m.id === p.id),
          );
          if (!outsider) continue;
          const escalated = expectOk(
            await api.send('POST', pathOf(operations.decideHandoff, { id: candidate.id }), {
              actor: a.id,
              json: {
                action: 'escalate',
                version: candidate.version,
                timeOnItemMs: 20_000,
                targetLevel: step.level,
                note: 'Conformance: for the team’s own people.',
              },
            }),
            decisionResultSchema,
            `Escalating ${candidate.id} inside ${team.name}`,
          ).handoff;
          if (teamClaimReason(ruleOf(escalated), escalated, outsider, teams) === null) continue;
          found = { outsider, item: escalated };
          break;
        }
        ensure(
          found !== null,
          'No item could be escalated inside a team with a reviewer outside it',
        );
        const { outsider, item } = found;
        const refused = expectProblem(
          await api.send('POST', pathOf(operations.claimHandoff, { id: item.id }), {
            actor: outsider.id,
            json: { version: item.version },
          }),
          403,
          'forbidden',
          `${outsider.name} claiming ${item.id} of ${item.team?.teamName}`,
        );
        ensure(
          refused.team?.id === item.team?.teamId,
          `The refusal names team ${refused.team?.id ?? 'none'}, not ${item.team?.teamId}`,
        );
        const after = await detail(item.id, a.id);
        ensure(
          after.version === item.version && after.assignee === null,
          `A refused claim changed ${item.id}`,
        );
        // Claim-next hands the outsider only items they may claim (then gives each back).
        for (let n = 0; n < 5; n += 1) {
          const reply = await api.send('POST', operations.claimNextHandoff.path, {
            actor: outsider.id,
            json: {},
          });
          if (reply.status !== 200) break;
          const next = expectOk(reply, handoffSchema, `Claim-next as ${outsider.name}`);
          taken.add(next.id);
          await releaseQuietly(next.id, outsider.id);
          ensure(
            teamClaimReason(ruleOf(next), next, outsider, teams) === null,
            `Claim-next gave ${outsider.name} ${next.id}, which ${next.team?.teamName} keeps to its members`,
          );
        }
      },
    ),

    check(
      'an item with a team escalates up its team’s ladder, and leaves it only past the top',
      async () => {
        const { a } = await discoverCast();
        const { teams } = expectOk(
          await get(operations.getTeams.path, a.id),
          teamDirectorySchema,
          'GET /teams',
        );
        const items = await takeItems(12);
        const item = items.find((i) => i.team && nextEscalation(i, teams));
        if (!item) return;
        let current = item;
        const escalate = (targetLevel: Level, note: string) =>
          api.send('POST', pathOf(operations.decideHandoff, { id: item.id }), {
            actor: a.id,
            json: {
              action: 'escalate',
              version: current.version,
              timeOnItemMs: 20_000,
              targetLevel,
              note,
            },
          });
        // Step up as far as the checker's own authority reaches, checking each landing.
        for (let n = 0; n < 4; n += 1) {
          const step = nextEscalation(current, teams);
          if (!step || rank(current.level) > rank(a.level)) break;
          const skipped = levelSchema.options.find(
            (l) =>
              l !== 'ai' &&
              rank(l) > rank(current.level) &&
              rank(l) < rank(step.level) &&
              teamEscalationProblem(current, l, teams),
          );
          if (skipped) {
            const refused = expectProblem(
              await escalate(skipped, 'Conformance: a level the team skips.'),
              422,
              'validation',
              `Escalating ${item.id} to ${skipped}, which ${current.team?.teamName} skips`,
            );
            expectPointers(refused, ['/targetLevel'], 'An escalation past the team’s next level');
          }
          const moved = expectOk(
            await escalate(step.level, 'Conformance: up the team’s ladder.'),
            decisionResultSchema,
            `Escalating ${item.id} to ${step.level}`,
          ).handoff;
          ensure(
            moved.level === step.level &&
              (moved.team?.teamId ?? null) === (step.team?.teamId ?? null),
            `Escalating ${item.id} from ${current.level} in ${current.team?.teamId ?? 'no team'} should land at ${step.level} in ${step.team?.teamId ?? 'no team'}; it landed at ${moved.level} in ${moved.team?.teamId ?? 'no team'}`,
          );
          current = moved;
        }
      },
    ),

    check(
      'policy changes are refused to reviewers, on a stale version and when invalid',
      async () => {
        const { a } = await discoverCast();
        const people = await listPeople(a.id);
        const reviewer = people.find((u) => u.role === 'reviewer');
        const editor = people.find((u) => u.role === 'lead' || u.role === 'manager');
        ensure(
          reviewer && editor,
          'The checks need a reviewer and a lead or manager in GET /users',
        );
        const policy: RoutingPolicy = expectOk(
          await get(operations.getPolicy.path, a.id),
          routingPolicySchema,
          'GET /policy',
        );
        const patch = { categories: { shipping: { confidenceThreshold: 0.99 } } };
        const reason = 'Conformance: this change must be refused.';
        const send = (actor: string, json: unknown) =>
          api.send('POST', operations.listPolicyChanges.path, { actor, json });

        expectProblem(
          await send(reviewer.id, { version: policy.version, patch, reason }),
          403,
          'forbidden',
          `A policy change by ${reviewer.name} (reviewer)`,
        );
        expectStaleVersion(
          await send(editor.id, { version: policy.version + 1, patch, reason }),
          policy.version,
          'A policy change on a version not in force',
        );
        const missing = expectProblem(
          await send(editor.id, { version: policy.version, patch }),
          422,
          'validation',
          'A policy change without a reason',
        );
        expectPointers(missing, ['/reason'], 'A policy change without a reason');
        const after = expectOk(
          await get(operations.getPolicy.path, a.id),
          routingPolicySchema,
          'GET /policy',
        );
        ensure(after.version === policy.version, 'A refused policy change moved the version');
      },
    ),
    check(
      'the audit log pages newest first, and a decision is at the top of its item',
      async () => {
        const { a } = await discoverCast();
        const [item] = await takeItems(1);
        const id = item!.id;
        const decided = expectOk(
          await api.send('POST', pathOf(operations.decideHandoff, { id }), {
            actor: a.id,
            json: rejectBody(item!.version),
          }),
          decisionResultSchema,
          'Rejecting',
        );
        const mine = expectOk(
          await get(operations.listAudit.path, a.id, { item: id, limit: '5' }),
          auditLogPageSchema,
          `GET ${operations.listAudit.path}?item=${id}`,
        );
        const top = mine.items[0];
        ensure(
          top?.kind === 'event' && top.id === decided.event.id,
          `The newest entry for ${id} is ${top?.id}, not the rejection ${decided.event.id}`,
        );
        ensure(top.why.reason === reason, 'The log entry does not keep the rejection reason');
        ensure(
          mine.items.every((e) => e.kind === 'event' && e.handoffId === id),
          `The item filter let in entries of other items`,
        );
        const seen = new Set<string>();
        let cursor: string | null = null;
        let last = Number.POSITIVE_INFINITY;
        for (let pages = 0; pages < 3; pages += 1) {
          const query: Record<string, string> = { limit: '50', ...(cursor ? { cursor } : {}) };
          const logPage = expectOk(
            await get(operations.listAudit.path, a.id, query),
            auditLogPageSchema,
            'An audit log page',
          );
          for (const entry of logPage.items) {
            ensure(!seen.has(entry.id), `The audit log repeats ${entry.id} across pages`);
            seen.add(entry.id);
            const at = Date.parse(entry.at);
            ensure(at <= last, `The audit log is not newest first at ${entry.id}`);
            last = at;
          }
          cursor = logPage.nextCursor;
          if (!cursor) break;
        }
        const bad = await get(operations.listAudit.path, a.id, { cursor: 'not-a-cursor' });
        expectProblem(bad, 400, 'validation', 'An audit log page with a made-up cursor');
      },
    ),

    check('the feedback export holds a rejection as a correction with its reason', async () => {
      const { a } = await discoverCast();
      const [item] = await takeItems(1);
      const decided = expectOk(
        await api.send('POST', pathOf(operations.decideHandoff, { id: item!.id }), {
          actor: a.id,
          json: rejectBody(item!.version),
        }),
        decisionResultSchema,
        'Rejecting',
      );
      const page = expectOk(
        await get(operations.listFeedback.path, a.id, { correction: 'reject', limit: '50' }),
        feedbackPageSchema,
        `GET ${operations.listFeedback.path}`,
      );
      const record = page.items.find((r) => r.id === decided.event.id);
      ensure(record, `The newest rejections do not include ${decided.event.id}`);
      ensure(
        record.handoffId === item!.id && record.reason === reason && record.finalText === null,
        'The feedback record does not describe the rejection',
      );
      ensure(
        record.aiDraft === item!.drafts.at(-1)!.text,
        'The feedback record does not carry the draft that was rejected',
      );
      ensure(
        page.items.every((r) => r.correction === 'reject'),
        'The correction filter let in other corrections',
      );
    }),

    check(
      'post-hoc review: the sampled queue parses and filters; a review is checked, kept once and audited',
      async () => {
        const { a, b } = await discoverCast();
        const all = expectOk(
          await get(operations.listPostHocQueue.path, a.id),
          postHocPageSchema,
          `GET ${operations.listPostHocQueue.path}`,
        );
        const billing = expectOk(
          await get(operations.listPostHocQueue.path, a.id, { category: 'billing' }),
          postHocPageSchema,
          'The post-hoc queue filtered by category',
        );
        ensure(
          billing.items.every((i) => i.category === 'billing'),
          'The category filter let in other categories',
        );
        const [pending] = await takeItems(1);
        const refused = await api.send(
          'POST',
          pathOf(operations.submitPostHocReview, { id: pending!.id }),
          {
            actor: a.id,
            json: { version: pending!.version, criteria: {}, verdict: 'good' },
          },
        );
        expectProblem(refused, 409, 'illegal_transition', 'A post-hoc review of a pending item');

        // A reply drawn for a second, blind review is checked by the double-review check.
        const { doubleReviewShare } = expectOk(
          await get(operations.getPostHocSettings.path, a.id),
          postHocSettingsSchema,
          `GET ${operations.getPostHocSettings.path}`,
        );
        // Worlds without a sampled reply waiting have nothing more to check here.
        const item = all.items.find(
          (i) => !taken.has(i.id) && !drawnForDoubleReview(i.id, doubleReviewShare),
        );
        if (!item) return;
        taken.add(item.id);
        const criteria = Object.fromEntries(postHocRubrics[item.category].map((c) => [c.id, true]));
        const path = pathOf(operations.submitPostHocReview, { id: item.id });
        const noNote = await api.send('POST', path, {
          actor: a.id,
          json: { version: item.version, criteria, verdict: 'needs_follow_up' },
        });
        expectPointers(
          expectProblem(noNote, 422, 'validation', 'Needs follow-up without a note'),
          ['/note'],
          'Needs follow-up without a note',
        );
        const note = 'Checked by the conformance suite.';
        const review = expectOk(
          await api.send('POST', path, {
            actor: a.id,
            json: { version: item.version, criteria, verdict: 'needs_follow_up', note },
          }),
          postHocReviewSchema,
          'A post-hoc review',
        );
        ensure(
          review.handoffId === item.id && review.note === note && review.by.id === a.id,
          'The recorded review does not say what was sent',
        );
        const again = await api.send('POST', path, {
          actor: b.id,
          json: { version: item.version, criteria, verdict: 'good' },
        });
        const second = expectProblem(again, 409, null, 'A second post-hoc review');
        ensure(second.current?.id === item.id, 'A second review does not carry `current`');
        const trail = await events(item.id, a.id);
        const reviewed = trail.filter((e) => e.action === 'post_hoc_reviewed').length;
        ensure(reviewed === 1, `The trail has ${reviewed} post-hoc reviews, not 1`);
        const after = expectOk(
          await get(operations.listPostHocQueue.path, a.id),
          postHocPageSchema,
          'The post-hoc queue after a review',
        );
        ensure(
          !after.items.some((i) => i.id === item.id),
          'A reviewed item is still in the post-hoc queue',
        );
      },
    ),

    check(
      'post-hoc settings: the double-review share parses, is refused to reviewers and checked',
      async () => {
        const { a } = await discoverCast();
        const people = await listPeople(a.id);
        const reviewer = people.find((u) => u.role === 'reviewer');
        const editor = people.find((u) => u.role === 'lead' || u.role === 'manager');
        ensure(
          reviewer && editor,
          'The checks need a reviewer and a lead or manager in GET /users',
        );
        const current = expectOk(
          await get(operations.getPostHocSettings.path, a.id),
          postHocSettingsSchema,
          `GET ${operations.getPostHocSettings.path}`,
        );
        const put = (actor: string, json: unknown) =>
          api.send('PUT', operations.getPostHocSettings.path, { actor, json });
        expectProblem(
          await put(reviewer.id, current),
          403,
          'forbidden',
          'A reviewer setting the share',
        );
        expectPointers(
          expectProblem(
            await put(editor.id, { doubleReviewShare: 2, version: current.version }),
            422,
            'validation',
            'A share above 1',
          ),
          ['/doubleReviewShare'],
          'A share above 1',
        );
        // Writing back the share read leaves the share as it was, as the next version.
        const saved = expectOk(await put(editor.id, current), postHocSettingsSchema, 'PUT share');
        ensure(
          saved.doubleReviewShare === current.doubleReviewShare,
          'The saved share is not the one sent',
        );
        ensure(
          saved.version === current.version + 1,
          `A saved share is version ${current.version + 1}, not ${saved.version}`,
        );
        // The version read before that save is stale now.
        expectStaleVersion(
          await put(editor.id, current),
          saved.version,
          'A share set on a version that moved on',
        );
        const after = expectOk(
          await get(operations.getPostHocSettings.path, a.id),
          postHocSettingsSchema,
          `GET ${operations.getPostHocSettings.path}`,
        );
        ensure(after.version === saved.version, 'A refused share change moved the version');
      },
    ),

    check(
      'a person changed on a version that moved on answers 409 and stays as they are',
      async () => {
        const { a } = await discoverCast();
        const lead = (await listPeople(a.id)).find((u) => u.role === 'lead');
        ensure(lead, 'The checks need a lead in GET /users');
        const listed = await get(operations.listPeople.path, lead.id);
        // People are managed by a server with accounts; a backend without them does not offer it.
        if (listed.status === 404) return;
        const before = expectOk(listed, peopleSchema, 'GET /people').items;
        const other = before.find((p) => p.id !== lead.id && !p.disabled);
        ensure(other, 'The checks need someone besides the lead in GET /people');
        const path = pathOf(operations.updatePerson, { id: other.id });
        expectStaleVersion(
          await api.send('PUT', path, {
            actor: lead.id,
            json: { disabled: true, version: other.version + 1 },
          }),
          other.version,
          `PUT ${path} on a version not in force`,
        );
        const after = expectOk(
          await get(operations.listPeople.path, lead.id),
          peopleSchema,
          'GET /people',
        ).items.find((p) => p.id === other.id);
        ensure(
          after?.version === other.version && after.disabled === false,
          `A refused change to ${other.name} changed them: ${JSON.stringify(after)}`,
        );
      },
    ),
  ];

  /**
   * A filter matching a walkable number of items (at most a few hundred) on worlds of any
   * size, narrowed by category, then level, then status.
   */
  async function narrowFilter(actor: string): Promise<Record<string, string>> {
    const query: Record<string, string> = {};
    const narrowers: [string, readonly string[]][] = [
      ['category', categorySchema.options],
      ['level', levelSchema.options],
      ['status', handoffStatusSchema.options],
    ];
    let total = (await page(actor, { limit: '1' })).total;
    for (const [key, values] of narrowers) {
      if (total <= 300) break;
      let best: { value: string; total: number } | null = null;
      for (const value of values) {
        const t = (await page(actor, { ...query, [key]: value, limit: '1' })).total;
        if (t >= 10 && (!best || Math.abs(t - 150) < Math.abs(best.total - 150)))
          best = { value, total: t };
      }
      if (!best) continue;
      query[key] = best.value;
      total = best.total;
    }
    ensure(total >= 5, `The checks need a filter with at least 5 items; found ${total}`);
    return query;
  }
}

/* ---------- webhooks ---------- */

/** A handoff as an agent sends it: a customer of the run's own, a plain reply, low confidence. */
function conformanceHandoff(runId: string) {
  return {
    ticket: conformanceTicket(runId),
    draft: 'Hi Robin,\n\nYour parcel is on its way.\n\nBest regards,\nSupport',
    confidence: 0.3,
    actions: [{ type: 'reply' }],
  };
}

function conformanceTicket(runId: string) {
  return {
    customer: {
      id: `c-conf-${runId}`,
      name: 'Robin Example',
      email: 'robin@example.com',
      tier: 'standard',
      lifetimeValue: 120,
      priorComplaints: 0,
    },
    channel: 'email',
    subject: 'Where is my parcel?',
    body: 'Hello, my parcel has not arrived yet. Robin',
    category: 'shipping',
    urgency: 'normal',
    language: 'en',
    attachments: 0,
  };
}

interface Delivery {
  body: string;
  headers: Record<string, string>;
}

/** A webhook receiver on loopback that answers 204 and hands over each delivery in order. */
async function startReceiver() {
  const got: Delivery[] = [];
  const waiting: ((d: Delivery) => void)[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
      res.writeHead(204).end();
      const delivery = { body, headers };
      const wake = waiting.shift();
      if (wake) wake(delivery);
      else got.push(delivery);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    next(ms: number): Promise<Delivery | null> {
      const first = got.shift();
      if (first) return Promise.resolve(first);
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(null), ms);
        waiting.push((d) => {
          clearTimeout(timer);
          resolve(d);
        });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
