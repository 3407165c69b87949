import './zod-config';
import { z } from 'zod/mini';
import { proposedActionsSchema } from './action-schemas';
import { aiOptionsSchema, arrivalTicketSchema } from './arrival-schemas';
import {
  assigneeSchema,
  handoffSchema,
  isoDate,
  levelSchema,
  stepTypeSchema,
} from './handoff-schemas';
import { routeDecisionSchema } from './what-if-schemas';

/*
 * The agent side of the contract: how an outside AI agent identifies itself (an API key a lead
 * issues), works on a ticket under a lease it renews (a run), hands work to a person (a
 * handoff with proposed actions), learns what the person decided (the outcome), answers a
 * redirect with a new draft and reports what it executed.
 */

/* ---------- identity: API keys ---------- */

/** Every key starts with this, so a leaked one is easy to recognise and scan for. */
export const AGENT_KEY_PREFIX = 'hd_';

export const agentNameSchema = z
  .string()
  .check(
    z.trim(),
    z.minLength(2, 'Name the agent (2 to 60 characters).'),
    z.maxLength(60, 'Name the agent (2 to 60 characters).'),
    z.regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u, 'Use letters, digits, spaces, dots, dashes.'),
  );

export const agentKeySchema = z.object({
  id: z.string(),
  /** The agent's name: what the audit trail shows for everything it does. */
  name: z.string(),
  /** The first characters of the secret, to tell keys apart; never enough to use one. */
  hint: z.string(),
  createdAt: isoDate,
  /** The lead who issued it; null for a key given at server start. */
  createdBy: z.nullable(assigneeSchema),
  revokedAt: z.nullable(isoDate),
  revokedBy: z.nullable(assigneeSchema),
  lastUsedAt: z.nullable(isoDate),
});
export type AgentKey = z.infer<typeof agentKeySchema>;

export const agentKeysSchema = z.object({ items: z.array(agentKeySchema) });

export const createAgentKeyRequestSchema = z.strictObject({ name: agentNameSchema });
export type CreateAgentKeyRequest = z.infer<typeof createAgentKeyRequestSchema>;

/** The key as issued: the secret is in this answer only, and stored only as a hash. */
export const createdAgentKeySchema = z.extend(agentKeySchema, {
  secret: z.string().check(z.startsWith(AGENT_KEY_PREFIX)),
});
export type CreatedAgentKey = z.infer<typeof createdAgentKeySchema>;

/** Who the calling agent is. */
export const agentSelfSchema = z.object({ id: z.string(), name: z.string() });
export type AgentSelf = z.infer<typeof agentSelfSchema>;

/* ---------- runs and their leases ---------- */

export const DEFAULT_LEASE_SECONDS = 30;

export const runStatusSchema = z.enum([
  /** The agent is working and its lease is live. */
  'working',
  /** The agent handed the work to a person and waits for the decision. */
  'waiting',
  /** Done: the decision was executed (or the run ended without one). */
  'finished',
  /** The agent reported that it could not go on. */
  'failed',
  /** The lease lapsed: the agent stopped responding. */
  'lost',
  /** A person took the ticket over after the run was lost or failed. */
  'taken_over',
]);
export type RunStatus = z.infer<typeof runStatusSchema>;

export const runSchema = z.object({
  id: z.string(),
  agent: agentSelfSchema,
  status: runStatusSchema,
  /** What the agent says it is doing now: "classify", "draft", "waiting for review"… */
  step: z.string(),
  /** The ticket the run is about, by its subject and customer, for the screens. */
  subject: z.string(),
  /** The handoff the run produced or works on; null until it hands off. */
  handoffId: z.nullable(z.string()),
  leaseSeconds: z.int().check(z.positive()),
  leaseExpiresAt: isoDate,
  startedAt: isoDate,
  lastHeartbeatAt: isoDate,
  /** Why it failed or was lost, in words a lead reads. */
  diagnosis: z.nullable(z.string()),
});
export type Run = z.infer<typeof runSchema>;

export const runsSchema = z.object({ items: z.array(runSchema) });

const stepName = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));

export const startRunRequestSchema = z
  .strictObject({
    /** The ticket the agent works on, as it arrived. */
    ticket: z.optional(arrivalTicketSchema),
    /** Or an item already on the desk (answering a redirect, say). */
    handoffId: z.optional(z.string().check(z.minLength(1))),
    step: z._default(stepName, 'started'),
    /** How long the run lives without a heartbeat; the server's default when omitted. */
    leaseSeconds: z.optional(z.int().check(z.gte(5), z.lte(600))),
  })
  .check(
    z.refine((b) => (b.ticket === undefined) !== (b.handoffId === undefined), {
      path: ['ticket'],
      message: 'Send either the ticket or the id of the item the run works on.',
    }),
  );
export type StartRunRequest = z.input<typeof startRunRequestSchema>;

export const heartbeatRequestSchema = z.strictObject({ step: z.optional(stepName) });
export type HeartbeatRequest = z.infer<typeof heartbeatRequestSchema>;

export const runFailureRequestSchema = z.strictObject({
  /** What went wrong and the last good step, for the person who picks it up. */
  diagnosis: z.string().check(z.trim(), z.minLength(5), z.maxLength(5000)),
  step: z.optional(stepName),
});
export type RunFailureRequest = z.infer<typeof runFailureRequestSchema>;

/** A failed or lost run, and the failed handoff a person now picks up. */
export const runResultSchema = z.object({ run: runSchema, handoff: z.nullable(handoffSchema) });
export type RunResult = z.infer<typeof runResultSchema>;

/* ---------- handoffs from agents ---------- */

export const agentStepSchema = z.strictObject({
  type: stepTypeSchema,
  summary: z.string().check(z.minLength(1), z.maxLength(2000)),
  outcome: z._default(z.enum(['ok', 'warning', 'failed']), 'ok'),
  startedAt: z.optional(isoDate),
  finishedAt: z.optional(isoDate),
});

export const agentHandoffRequestSchema = z.strictObject({
  /** The run this handoff ends; its lease then only waits for the decision. */
  runId: z.optional(z.string().check(z.minLength(1))),
  ticket: arrivalTicketSchema,
  steps: z._default(z.array(agentStepSchema).check(z.maxLength(100)), []),
  draft: z.string().check(z.trim(), z.minLength(1), z.maxLength(20_000)),
  confidence: z.number().check(z.gte(0), z.lte(1)),
  options: aiOptionsSchema,
  /** The one thing the agent asks of the person. */
  nextAction: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(500))),
  actions: proposedActionsSchema.check(
    z.minLength(1, 'Propose at least one action (a plain reply is one).'),
  ),
});
export type AgentHandoffRequest = z.input<typeof agentHandoffRequestSchema>;

export const agentHandoffResultSchema = z.object({
  handoff: handoffSchema,
  route: routeDecisionSchema,
});
export type AgentHandoffResult = z.infer<typeof agentHandoffResultSchema>;

/* ---------- outcomes ---------- */

const decided = {
  /** The item version the decision produced; pass it as `since` to wait for the next one. */
  version: z.int().check(z.positive()),
  at: isoDate,
  by: z.nullable(assigneeSchema),
};

/** Not final: answer with a new draft (`POST /agent/handoffs/{id}/drafts`). */
const redirectOutcomeSchema = z.object({
  type: z.literal('redirected'),
  ...decided,
  instructions: z.string(),
  /** The draft version the instructions are about. */
  draftNumber: z.int().check(z.positive()),
});

export const handoffOutcomeSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('approved'),
    ...decided,
    finalText: z.string(),
    finalActions: proposedActionsSchema,
    /** Whether the person changed the reply text, the actions, or both. */
    edited: z.object({ text: z.boolean(), actions: z.boolean() }),
    /** A unified diff of the draft against the approved text; null when unchanged. */
    diff: z.nullable(z.string()),
  }),
  z.object({ type: z.literal('rejected'), ...decided, reason: z.string() }),
  /** Not final: the item went to another level; keep waiting. */
  z.object({ type: z.literal('escalated'), ...decided, toLevel: levelSchema, note: z.string() }),
  redirectOutcomeSchema,
  /** No one decided in time and the gate's default applied; not a person's rejection. */
  z.object({
    type: z.literal('expired'),
    ...decided,
    applied: z.enum(['approve', 'reject', 'hold_and_escalate']),
    reason: z.string(),
  }),
]);
export type HandoffOutcome = z.infer<typeof handoffOutcomeSchema>;

export const outcomeQuerySchema = z.object({
  wait: z
    .optional(z.number().check(z.int(), z.gte(0), z.lte(55)))
    .check(z.describe('Seconds to wait for a decision when there is none yet, 0 to 55.')),
  since: z
    .optional(z.number().check(z.int(), z.gte(0)))
    .check(
      z.describe('Only a decision that produced a version after this one (the last one you saw).'),
    ),
});

export const outcomeReplySchema = z.object({
  handoffId: z.string(),
  /** The newest decision after `since`; null when none came within the wait. */
  outcome: z.nullable(handoffOutcomeSchema),
  /** True when the outcome ends the agent's wait (approved, rejected, expired). */
  final: z.boolean(),
  /** The item's version now. */
  version: z.int().check(z.positive()),
});
export type OutcomeReply = z.infer<typeof outcomeReplySchema>;

/* ---------- redirect answers and execution ---------- */

export const redirectsQuerySchema = z.object({
  wait: outcomeQuerySchema.shape.wait.check(
    z.describe('Seconds to wait for a redirect when none is waiting, 0 to 55.'),
  ),
});

/** The agent's items sent back with instructions and not answered yet, oldest first. */
export const pendingRedirectsSchema = z.object({
  items: z.array(z.object({ handoff: handoffSchema, redirect: redirectOutcomeSchema })),
});
export type PendingRedirects = z.infer<typeof pendingRedirectsSchema>;

export const agentDraftRequestSchema = z.strictObject({
  /** The version the redirect produced (the outcome's `version`): a stale one is a 409. */
  inReplyTo: z.int().check(z.positive()),
  text: z.string().check(z.trim(), z.minLength(1), z.maxLength(20_000)),
  actions: proposedActionsSchema.check(
    z.minLength(1, 'Propose at least one action (a plain reply is one).'),
  ),
  /** What the agent changed, and any instruction it could not follow. */
  note: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)),
});
export type AgentDraftRequest = z.infer<typeof agentDraftRequestSchema>;

export const executionReportSchema = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('applied'),
    detail: z._default(z.string().check(z.trim(), z.maxLength(5000)), ''),
  }),
  z.strictObject({
    status: z.literal('failed'),
    detail: z.string().check(z.trim(), z.minLength(5), z.maxLength(5000)),
  }),
]);
export type ExecutionReport = z.input<typeof executionReportSchema>;

export const executionResultSchema = z.object({
  handoff: handoffSchema,
  /** When the execution failed: the failed handoff a person now picks up. */
  failedHandoff: z.nullable(handoffSchema),
});
export type ExecutionResult = z.infer<typeof executionResultSchema>;

/* ---------- what happened, for subscribers (webhooks) ---------- */

export const agentEventTypeSchema = z.enum([
  'handoff.created',
  'handoff.decided',
  'handoff.expired',
  'handoff.escalated',
  'handoff.redirected',
  'run.lost',
  'run.failed',
  'execution.failed',
]);
export type AgentEventType = z.infer<typeof agentEventTypeSchema>;

/** One event as a subscriber receives it; `data` is JSON. */
export const agentEventSchema = z.object({
  /** Unique and stable: the same event always has the same id. */
  id: z.string(),
  type: agentEventTypeSchema,
  timestamp: isoDate,
  data: z.object({
    handoff: z.optional(handoffSchema),
    outcome: z.optional(handoffOutcomeSchema),
    run: z.optional(runSchema),
    /** The agent the event concerns, when one does. */
    agent: z.nullable(agentSelfSchema),
    detail: z.optional(z.string()),
  }),
});
export type AgentEvent = z.infer<typeof agentEventSchema>;

/** Lost runs a lead has not yet seen, for the header notice. */
export const runNoticesSchema = z.object({ lost: z.array(runSchema) });
