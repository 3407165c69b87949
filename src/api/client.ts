import { createParser } from 'eventsource-parser';
import type { z } from 'zod';
import { encodeAuditParams, encodeFeedbackParams } from './audit-params';
import {
  type AuditListParams,
  auditLogPageSchema,
  type FeedbackListParams,
  feedbackPageSchema,
} from './audit-schemas';
import { type DashboardWindow, dashboardSchema } from './dashboard-schemas';
import { type DemoSettings, demoSettingsSchema } from './demo-schemas';
import { ACTOR_HEADER, encodeListParams, IDEMPOTENCY_HEADER, paths } from './endpoints';
import { ApiError } from './errors';
import {
  type ArrivalRequest,
  arrivalResultSchema,
  ladderSchema,
  type PolicyChangeRequest,
  type PolicyPatch,
  policyChangeSchema,
  policyChangesSchema,
  routingPolicySchema,
  whatIfResultSchema,
} from './policy-schemas';
import {
  encodePostHocParams,
  type PostHocListParams,
  type PostHocReviewRequest,
  postHocPageSchema,
  postHocReviewSchema,
} from './post-hoc-schemas';
import {
  auditPageSchema,
  type ChangeEvent,
  changeEventSchema,
  type DecisionRequest,
  decisionResultSchema,
  type HandoffListParams,
  handoffPageSchema,
  handoffSchema,
  type InitiationRequest,
  type PauseRequest,
  problemSchema,
  type ReassignRequest,
  type SaveDraftRequest,
  userSchema,
  usersSchema,
} from './schemas';

export interface ApiClientOptions {
  baseUrl: string;
  /** Who is acting; sent on every request. */
  getActorId: () => string;
  timeoutMs?: number;
}

export interface StreamOptions {
  /** Called once the server has accepted the stream. */
  onOpen?: () => void;
  /** Called for a message that is not a ChangeEvent; it is skipped. */
  onMalformed?: (detail: string) => void;
}

interface Call<S extends z.ZodType> {
  method?: 'GET' | 'POST' | 'PUT';
  path: string;
  query?: URLSearchParams;
  body?: unknown;
  idempotencyKey?: string;
  schema: S | null;
}

/**
 * The one way the UI talks to a backend. Every response is parsed by its schema, so a
 * malformed reply becomes an ApiError with a message rather than a crash further down.
 */
export function createApiClient({ baseUrl, getActorId, timeoutMs = 15_000 }: ApiClientOptions) {
  const root = baseUrl.replace(/\/$/, '');

  async function call<S extends z.ZodType>(c: Call<S>): Promise<z.infer<S>> {
    if (typeof navigator !== 'undefined' && navigator.onLine === false) {
      throw new ApiError({ kind: 'offline' });
    }
    const url = `${root}${c.path}${c.query?.size ? `?${c.query}` : ''}`;
    const headers: Record<string, string> = {
      accept: 'application/json',
      [ACTOR_HEADER]: getActorId(),
    };
    if (c.body !== undefined) headers['content-type'] = 'application/json';
    if (c.idempotencyKey) headers[IDEMPOTENCY_HEADER] = c.idempotencyKey;

    let response: Response;
    try {
      response = await fetch(url, {
        method: c.method ?? 'GET',
        headers,
        body: c.body === undefined ? undefined : JSON.stringify(c.body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      // By name, not instanceof: the DOMException class differs between realms (and test DOMs).
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      throw new ApiError({ kind: timedOut ? 'timeout' : 'network', cause: error });
    }

    const text = await response.text();
    let json: unknown = null;
    if (text) {
      try {
        json = JSON.parse(text);
      } catch {
        throw new ApiError({
          kind: 'malformed',
          status: response.status,
          detail: 'The response is not JSON.',
        });
      }
    }
    if (!response.ok) {
      const problem = problemSchema.safeParse(json);
      throw new ApiError(
        problem.success
          ? { kind: 'problem', status: response.status, problem: problem.data }
          : { kind: 'http', status: response.status },
      );
    }
    if (!c.schema) return undefined as z.infer<S>;
    const parsed = c.schema.safeParse(json);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new ApiError({
        kind: 'malformed',
        status: response.status,
        detail: first
          ? `${first.path.join('.') || 'response'}: ${first.message}`
          : 'Unexpected shape.',
      });
    }
    return parsed.data;
  }

  /**
   * Reads the change stream until the server ends it (resolves) or it fails (rejects with an
   * ApiError). Abort `signal` to close it; an abort resolves quietly.
   */
  async function streamChanges(
    onEvent: (event: ChangeEvent) => void,
    signal: AbortSignal,
    {
      onOpen,
      onMalformed = (d) => console.warn(`Skipped a change event: ${d}`),
    }: StreamOptions = {},
  ): Promise<void> {
    let response: Response;
    try {
      response = await fetch(`${root}${paths.changes}`, {
        headers: { accept: 'text/event-stream', [ACTOR_HEADER]: getActorId() },
        signal,
        cache: 'no-store',
      });
    } catch (error) {
      if (signal.aborted) return;
      throw new ApiError({ kind: 'network', cause: error });
    }
    if (!response.ok || !response.body) {
      const problem = problemSchema.safeParse(await response.json().catch(() => null));
      throw new ApiError(
        problem.success
          ? { kind: 'problem', status: response.status, problem: problem.data }
          : { kind: 'http', status: response.status },
      );
    }
    if (!response.headers.get('content-type')?.startsWith('text/event-stream')) {
      await response.body.cancel().catch(() => undefined);
      throw new ApiError({
        kind: 'malformed',
        status: response.status,
        detail: 'The change stream is not text/event-stream.',
      });
    }
    onOpen?.();
    const parser = createParser({
      onEvent: ({ data }) => {
        let json: unknown;
        try {
          json = JSON.parse(data);
        } catch {
          onMalformed('not JSON');
          return;
        }
        const parsed = changeEventSchema.safeParse(json);
        if (!parsed.success) {
          const first = parsed.error.issues[0];
          onMalformed(first ? `${first.path.join('.') || 'event'}: ${first.message}` : 'bad shape');
          return;
        }
        onEvent(parsed.data);
      },
    });
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    const stop = () => void reader.cancel().catch(() => undefined);
    signal.addEventListener('abort', stop, { once: true });
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        parser.feed(decoder.decode(value, { stream: true }));
      }
    } catch (error) {
      if (signal.aborted) return;
      throw new ApiError({ kind: 'network', cause: error });
    } finally {
      signal.removeEventListener('abort', stop);
    }
  }

  return {
    streamChanges,
    listHandoffs: (params: HandoffListParams) =>
      call({ path: paths.handoffs, query: encodeListParams(params), schema: handoffPageSchema }),
    getHandoff: (id: string) => call({ path: paths.handoff(id), schema: handoffSchema }),
    listEvents: (id: string) => call({ path: paths.events(id), schema: auditPageSchema }),
    claimNext: (idempotencyKey: string) =>
      call({
        method: 'POST',
        path: paths.claimNext,
        body: {},
        idempotencyKey,
        schema: handoffSchema,
      }),
    claim: (id: string, version: number, idempotencyKey: string) =>
      call({
        method: 'POST',
        path: paths.claim(id),
        body: { version },
        idempotencyKey,
        schema: handoffSchema,
      }),
    release: (id: string, version: number, idempotencyKey: string) =>
      call({
        method: 'POST',
        path: paths.release(id),
        body: { version },
        idempotencyKey,
        schema: handoffSchema,
      }),
    saveDraft: (id: string, body: SaveDraftRequest, idempotencyKey: string) =>
      call({ method: 'PUT', path: paths.draft(id), body, idempotencyKey, schema: handoffSchema }),
    decide: (id: string, body: DecisionRequest, idempotencyKey: string) =>
      call({
        method: 'POST',
        path: paths.decisions(id),
        body,
        idempotencyKey,
        schema: decisionResultSchema,
      }),
    /* the other handoff kinds: override, recovery from AI failure, initiation */
    pause: (id: string, body: PauseRequest, idempotencyKey: string) =>
      call({ method: 'POST', path: paths.pause(id), body, idempotencyKey, schema: handoffSchema }),
    takeOver: (id: string, version: number, idempotencyKey: string) =>
      call({
        method: 'POST',
        path: paths.takeOver(id),
        body: { version },
        idempotencyKey,
        schema: handoffSchema,
      }),
    retry: (id: string, version: number, idempotencyKey: string) =>
      call({
        method: 'POST',
        path: paths.retry(id),
        body: { version },
        idempotencyKey,
        schema: handoffSchema,
      }),
    reassign: (id: string, body: ReassignRequest, idempotencyKey: string) =>
      call({
        method: 'POST',
        path: paths.reassign(id),
        body,
        idempotencyKey,
        schema: handoffSchema,
      }),
    initiate: (body: InitiationRequest, idempotencyKey: string) =>
      call({
        method: 'POST',
        path: paths.initiations,
        body,
        idempotencyKey,
        schema: handoffSchema,
      }),
    getPolicy: () => call({ path: paths.policy, schema: routingPolicySchema }),
    /** The effect of an edit on recent traffic, before saving; changes nothing. */
    whatIf: (patch: PolicyPatch) =>
      call({
        method: 'POST',
        path: paths.policyWhatIf,
        body: { patch },
        schema: whatIfResultSchema,
      }),
    policyChanges: () => call({ path: paths.policyChanges, schema: policyChangesSchema }),
    changePolicy: (body: PolicyChangeRequest, idempotencyKey: string) =>
      call({
        method: 'POST',
        path: paths.policyChanges,
        body,
        idempotencyKey,
        schema: policyChangeSchema,
      }),
    rollbackPolicy: (changeId: string, reason: string, idempotencyKey: string) =>
      call({
        method: 'POST',
        path: paths.policyRollback(changeId),
        body: { reason },
        idempotencyKey,
        schema: policyChangeSchema,
      }),
    ladder: () => call({ path: paths.ladder, schema: ladderSchema }),
    ingestArrival: (body: ArrivalRequest, idempotencyKey: string) =>
      call({
        method: 'POST',
        path: paths.arrivals,
        body,
        idempotencyKey,
        schema: arrivalResultSchema,
      }),
    listAudit: (params: AuditListParams) =>
      call({ path: paths.audit, query: encodeAuditParams(params), schema: auditLogPageSchema }),
    listFeedback: (params: FeedbackListParams) =>
      call({
        path: paths.feedback,
        query: encodeFeedbackParams(params),
        schema: feedbackPageSchema,
      }),
    me: () => call({ path: paths.me, schema: userSchema }),
    users: () => call({ path: paths.users, schema: usersSchema }),
    dashboard: (window: DashboardWindow) =>
      call({
        path: paths.dashboard,
        query: new URLSearchParams({ window }),
        schema: dashboardSchema,
      }),
    /** Sampled auto-approved items waiting for a post-hoc review, oldest sent first. */
    postHocQueue: (params: PostHocListParams) =>
      call({
        path: paths.postHocQueue,
        query: encodePostHocParams(params),
        schema: postHocPageSchema,
      }),
    postHocReview: (id: string, body: PostHocReviewRequest, idempotencyKey: string) =>
      call({
        method: 'POST',
        path: paths.postHocReview(id),
        body,
        idempotencyKey,
        schema: postHocReviewSchema,
      }),
    resetDemo: () => call({ method: 'POST', path: paths.demoReset, schema: null }),
    demoSettings: () => call({ path: paths.demoSettings, schema: demoSettingsSchema }),
    saveDemoSettings: (body: DemoSettings, idempotencyKey: string) =>
      call({
        method: 'PUT',
        path: paths.demoSettings,
        body,
        idempotencyKey,
        schema: demoSettingsSchema,
      }),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
