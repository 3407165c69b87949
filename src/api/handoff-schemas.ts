import { z } from 'zod/mini';
import { proposedActionsSchema } from './action-schemas';
import { CURSOR_DESCRIPTION, limitParam, pageOf } from './page-schemas';
import { teamRefSchema, teamRouteSchema } from './team-route-schemas';
import { requiredText } from './text-schemas';
import { enumWithout } from './zod-config';

/*
 * The contract between the UI and any backend. Both the typed client (which parses every
 * response) and the mock backend import these schemas; types are inferred, never restated.
 */

export const isoDate = z.iso.datetime({ offset: true });

export const handoffKindSchema = z.enum([
  'initiation',
  'checkpoint',
  'completion',
  'escalation',
  'override',
]);
export type HandoffKind = z.infer<typeof handoffKindSchema>;

export const handoffStatusSchema = z.enum([
  'ai_working',
  'pending',
  'claimed',
  'approved',
  'rejected',
  'escalated',
  'redirected',
  'auto_approved',
  'expired',
  'failed',
]);
export type HandoffStatus = z.infer<typeof handoffStatusSchema>;

/** The escalation ladder, lowest authority first. */
export const levelSchema = z.enum(['ai', 'l1', 'l2', 'manager', 'executive']);
export type Level = z.infer<typeof levelSchema>;

export const categorySchema = z.enum(['billing', 'shipping', 'technical', 'account', 'legal']);
export type Category = z.infer<typeof categorySchema>;

export const urgencySchema = z.enum(['low', 'normal', 'high', 'critical']);
export type Urgency = z.infer<typeof urgencySchema>;

export const tierSchema = z.enum(['standard', 'plus', 'enterprise']);
export type Tier = z.infer<typeof tierSchema>;

export const channelSchema = z.enum(['email', 'chat', 'phone', 'web']);
export type Channel = z.infer<typeof channelSchema>;

export const customerSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  tier: tierSchema,
  /** Lifetime value in whole US dollars. */
  lifetimeValue: z.number().check(z.nonnegative()),
  priorComplaints: z.int().check(z.nonnegative()),
});
export type Customer = z.infer<typeof customerSchema>;

export const ticketSchema = z.object({
  id: z.string(),
  /** The number a customer and a reviewer quote, e.g. 4521. */
  number: z.int().check(z.positive()),
  customer: customerSchema,
  channel: channelSchema,
  subject: z.string(),
  body: z.string(),
  category: categorySchema,
  urgency: urgencySchema,
  language: z.string(),
  attachments: z.int().check(z.nonnegative()),
  receivedAt: isoDate,
  /**
   * What the customer wrote after the ticket opened, oldest first; absent when nothing. A
   * message newer than the AI's draft makes the draft stale: approval waits until the reviewer
   * says they read it.
   */
  followUps: z.optional(z.array(z.object({ at: isoDate, body: z.string() }))),
});
export type Ticket = z.infer<typeof ticketSchema>;

export const stepTypeSchema = z.enum(['classify', 'retrieve', 'tool_call', 'draft', 'check']);
export type StepType = z.infer<typeof stepTypeSchema>;

export const stepSchema = z.object({
  id: z.string(),
  type: stepTypeSchema,
  summary: z.string(),
  startedAt: isoDate,
  finishedAt: isoDate,
  outcome: z.enum(['ok', 'warning', 'failed']),
});
export type Step = z.infer<typeof stepSchema>;

export const flagRuleSchema = z.enum([
  'low_confidence',
  'policy_keyword',
  'multiple_options',
  'task_failure',
  'high_value',
  'anomaly',
]);
export type FlagRule = z.infer<typeof flagRuleSchema>;

export const severitySchema = z.enum(['info', 'warning', 'critical']);
export type Severity = z.infer<typeof severitySchema>;

/** A character range [start, end) into one field of the ticket. */
export const evidenceSpanSchema = z.object({
  field: z.enum(['subject', 'body']),
  start: z.int().check(z.nonnegative()),
  end: z.int().check(z.nonnegative()),
});
export type EvidenceSpan = z.infer<typeof evidenceSpanSchema>;

export const flagSchema = z.object({
  rule: flagRuleSchema,
  severity: severitySchema,
  /** A hard stop must be acknowledged by the reviewer before approval. */
  hardStop: z.boolean(),
  message: z.string(),
  /** What the rule asks of the human, in a few words. */
  humanAction: z.string(),
  evidence: z.array(evidenceSpanSchema),
});
export type Flag = z.infer<typeof flagSchema>;

/** What a rule does to an item it fires on (the escalation matrix's "Response" column). */
export const ruleResponseSchema = z.enum([
  'flag_for_review',
  'hard_stop',
  'present_choices',
  'report_with_diagnosis',
  'require_approval',
]);
export type RuleResponse = z.infer<typeof ruleResponseSchema>;

/**
 * A flag as the rules table raised it on an item: the rule, the version of that rule's
 * settings and its configured response, so "why is this flagged?" names exact, auditable
 * settings ("Low confidence, rule v3"). `flagSchema` is what the matcher finds; every flag
 * stored on a handoff is a rule flag.
 */
export const ruleFlagSchema = z.extend(flagSchema, {
  ruleVersion: z.int().check(z.positive()),
  response: ruleResponseSchema,
});
export type RuleFlag = z.infer<typeof ruleFlagSchema>;

export const optionSchema = z.object({
  id: z.string(),
  label: z.string(),
  rationale: z.string(),
  draft: z.string(),
});
export type Option = z.infer<typeof optionSchema>;

export const actorSchema = z.object({
  type: z.enum(['person', 'ai', 'system']),
  id: z.string(),
  name: z.string(),
});
export type Actor = z.infer<typeof actorSchema>;

export const assigneeSchema = z.object({ id: z.string(), name: z.string() });
export type Assignee = z.infer<typeof assigneeSchema>;

export const draftVersionSchema = z.object({
  number: z.int().check(z.positive()),
  text: z.string(),
  author: actorSchema,
  createdAt: isoDate,
  /** Why this version exists: the first draft, a redirect's instructions, ... */
  note: z.string(),
  /** What this version proposes to do besides sending the reply (storage version 4). */
  actions: proposedActionsSchema,
  /**
   * The reviewer's unsent edit this version was revised from (a redirect that carried one);
   * absent when the agent revised its own previous draft, and on versions stored before.
   */
  revisedFrom: z.optional(z.object({ text: z.string(), by: assigneeSchema })),
});
export type DraftVersion = z.infer<typeof draftVersionSchema>;

export const contextPackageSchema = z.object({
  /** What the AI did, in order. */
  steps: z.array(stepSchema),
  /** Self-assessed confidence, 0 to 1. */
  confidence: z.number().check(z.gte(0), z.lte(1)),
  flags: z.array(ruleFlagSchema),
  options: z.array(optionSchema),
  /** The one thing the AI asks of the human. */
  nextAction: z.string(),
  /** Present when the AI could not finish: what went wrong and the last good step. */
  diagnosis: z.nullable(z.string()),
});
export type ContextPackage = z.infer<typeof contextPackageSchema>;

/** What a gate does when nobody decides in time. `hold_and_escalate` is the safe default. */
export const gateDefaultSchema = z.enum(['approve', 'reject', 'hold_and_escalate']);
export type GateDefault = z.infer<typeof gateDefaultSchema>;

/** What the system did when a gate timed out, set once and never again. */
export const gateAppliedSchema = z.object({
  at: isoDate,
  action: gateDefaultSchema,
  /** Why, in words a reviewer reads: the timeout and the default it applied. */
  reason: z.string(),
  /** The reply sent to the customer while the item waits (hold_and_escalate only). */
  holdingReply: z.nullable(z.string()),
});
export type GateApplied = z.infer<typeof gateAppliedSchema>;

/** An approval gate (seed pattern A): decide before `timeoutAt`, or the system applies the default. */
export const gateSchema = z.object({
  timeoutAt: isoDate,
  /** From here the UI warns that the gate is about to time out. */
  warnAt: isoDate,
  defaultAction: gateDefaultSchema,
  applied: z.nullable(gateAppliedSchema),
});
export type Gate = z.infer<typeof gateSchema>;

/** The reviewer's work in progress on the draft, saved on the server as they type. */
export const workingDraftSchema = z.object({
  text: z.string(),
  /** The reviewer's edit of the proposed actions; absent while they are as proposed. */
  actions: z.optional(proposedActionsSchema),
  savedAt: isoDate,
  by: assigneeSchema,
});
export type WorkingDraft = z.infer<typeof workingDraftSchema>;

export const decisionActionSchema = z.enum(['approve', 'reject', 'escalate', 'redirect']);
export type DecisionAction = z.infer<typeof decisionActionSchema>;

export const outcomeSchema = z.object({
  action: decisionActionSchema,
  by: actorSchema,
  at: isoDate,
  /** True when the approved text differs from the AI's draft. */
  edited: z.boolean(),
  finalText: z.nullable(z.string()),
  /** On approval: the actions approved, when they differ from the draft's. */
  finalActions: z.optional(proposedActionsSchema),
  reason: z.nullable(z.string()),
});
export type Outcome = z.infer<typeof outcomeSchema>;

export const handoffSchema = z.object({
  id: z.string(),
  kind: handoffKindSchema,
  status: handoffStatusSchema,
  ticket: ticketSchema,
  context: contextPackageSchema,
  level: levelSchema,
  assignee: z.nullable(assigneeSchema),
  dueAt: isoDate,
  gate: z.nullable(gateSchema),
  version: z.int().check(z.positive()),
  /** Every draft the AI produced, oldest first; the last one is current. */
  drafts: z.array(draftVersionSchema).check(z.minLength(1)),
  workingDraft: z.nullable(workingDraftSchema),
  selectedOptionId: z.nullable(z.string()),
  outcome: z.nullable(outcomeSchema),
  /** Set when a person escalated the item: why it reached its current level. */
  escalation: z.nullable(
    z.object({ by: actorSchema, at: isoDate, fromLevel: levelSchema, note: z.string() }),
  ),
  /** The routing policy version that routed the item when it arrived. */
  policyVersion: z.int().check(z.positive()),
  /** Sent without a person, and drawn for post-hoc review by the category's oversight pattern. */
  sampledForReview: z.boolean(),
  /** The team the item was sent to and the rule that chose it; null when no team takes it. */
  team: z.nullable(teamRouteSchema),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type Handoff = z.infer<typeof handoffSchema>;

/** The row the queue shows: enough to triage, small enough for 100,000 of them. */
export const handoffSummarySchema = z.extend(
  z.pick(handoffSchema, {
    id: true,
    kind: true,
    status: true,
    level: true,
    assignee: true,
    dueAt: true,
    gate: true,
    version: true,
    team: true,
    createdAt: true,
    updatedAt: true,
  }),
  {
    ticketNumber: z.int(),
    subject: z.string(),
    customerName: z.string(),
    tier: tierSchema,
    category: categorySchema,
    urgency: urgencySchema,
    confidence: z.number().check(z.gte(0), z.lte(1)),
    flags: z.array(z.pick(flagSchema, { rule: true, severity: true, hardStop: true })),
  },
);
export type HandoffSummary = z.infer<typeof handoffSummarySchema>;

export const sortFieldSchema = z.enum(['priority', 'dueAt', 'confidence', 'createdAt']);
export type SortField = z.infer<typeof sortFieldSchema>;

export const sortOrderSchema = z.enum(['asc', 'desc']);

/** Queue filters; every field optional. Shared by the URL, the client and the server. */
export const handoffFiltersSchema = z.object({
  status: z
    .optional(z.array(handoffStatusSchema))
    .check(z.describe('Only items in these statuses.')),
  level: z.optional(z.array(levelSchema)).check(z.describe('Only items routed to these levels.')),
  category: z
    .optional(z.array(categorySchema))
    .check(z.describe('Only tickets in these categories.')),
  flag: z
    .optional(z.array(flagRuleSchema))
    .check(z.describe('Only items flagged by any of these rules.')),
  assignee: z
    .optional(z.enum(['me', 'unassigned', 'any']))
    .check(z.describe('Held by the caller, held by no one, or either.')),
  slaAtRisk: z
    .optional(z.boolean())
    .check(z.describe('Only items close to or past their response target.')),
  team: z
    .optional(z.array(z.string().check(z.maxLength(40))).check(z.maxLength(50)))
    .check(z.describe('Only items sent to these teams (by id).')),
  myTeams: z
    .optional(z.boolean())
    .check(z.describe('Only items sent to a team the caller belongs to.')),
  q: z
    .optional(z.string().check(z.maxLength(200)))
    .check(z.describe('Case-insensitive text in the ticket number, subject or customer name.')),
});
export type HandoffFilters = z.infer<typeof handoffFiltersSchema>;

export const handoffListParamsSchema = z.extend(handoffFiltersSchema, {
  sort: z
    .optional(sortFieldSchema)
    .check(z.describe('The order of the queue; most urgent first by default.')),
  order: z
    .optional(sortOrderSchema)
    .check(z.describe('Ascending or descending on the sort field.')),
  cursor: z.optional(z.string()).check(z.describe(CURSOR_DESCRIPTION)),
  limit: limitParam(500, 'Items per page'),
});
export type HandoffListParams = z.infer<typeof handoffListParamsSchema>;

export const statusCountsSchema = z.record(handoffStatusSchema, z.int().check(z.nonnegative()));
export type StatusCounts = z.infer<typeof statusCountsSchema>;

export const handoffPageSchema = z.extend(pageOf(handoffSummarySchema), {
  /** Items per status matching every filter except status. */
  counts: statusCountsSchema,
});
export type HandoffPage = z.infer<typeof handoffPageSchema>;

/* ---------- writes ---------- */

const versioned = { version: z.int().check(z.positive()) };

export const claimRequestSchema = z.strictObject(versioned);
export type ClaimRequest = z.infer<typeof claimRequestSchema>;

export const saveDraftRequestSchema = z.strictObject({
  ...versioned,
  text: z.string().check(z.maxLength(20_000, 'The reply is longer than 20,000 characters.')),
  /** The reviewer's edit of the proposed actions; omitted while they are as proposed. */
  actions: z.optional(proposedActionsSchema),
});
export type SaveDraftRequest = z.infer<typeof saveDraftRequestSchema>;

const decisionBase = {
  ...versioned,
  /** How long the reviewer had the item open, for rubber-stamp detection. */
  timeOnItemMs: z.int().check(z.nonnegative()),
  acknowledgedFlags: z._default(z.array(flagRuleSchema), []),
};

export const decisionRequestSchema = z.discriminatedUnion('action', [
  z.strictObject({
    ...decisionBase,
    action: z.literal('approve'),
    finalText: requiredText('The reply', 1).check(z.maxLength(20_000)),
    /** The actions approved; the current draft's when omitted. */
    finalActions: z.optional(proposedActionsSchema),
    selectedOptionId: z._default(z.nullable(z.string()), null),
    /** The newest customer message the reviewer confirmed reading (see `ticket.followUps`). */
    seenCustomerMessageAt: z._default(z.nullable(isoDate), null),
  }),
  z.strictObject({
    ...decisionBase,
    action: z.literal('reject'),
    reason: requiredText('A reason', 5),
  }),
  z.strictObject({
    ...decisionBase,
    action: z.literal('escalate'),
    targetLevel: enumWithout(levelSchema, ['ai']),
    note: requiredText('A note for the next level', 5),
  }),
  z.strictObject({
    ...decisionBase,
    action: z.literal('redirect'),
    instructions: requiredText('Instructions for the AI', 5),
    /**
     * The reply as the reviewer had edited it, when they had: the AI revises this instead of
     * its own last draft, so the edit is not lost.
     */
    editedText: z.optional(
      z.string().check(
        z.maxLength(20_000, 'The edited reply is longer than 20,000 characters.'),
        z.refine((t) => t.trim().length > 0, 'The edited reply is empty.'),
      ),
    ),
  }),
]);
export type DecisionRequest = z.input<typeof decisionRequestSchema>;
export type Decision = z.output<typeof decisionRequestSchema>;

/* ---------- the other handoff kinds: initiation, override, recovery from AI failure ---------- */

/** A reviewer hands a task to the AI about the ticket of `sourceId`; the result comes back as a new item. */
export const initiationRequestSchema = z.strictObject({
  sourceId: z.string().check(z.minLength(1, 'Name the item whose ticket the task is about.')),
  instructions: requiredText('Instructions for the AI', 5),
});
export type InitiationRequest = z.infer<typeof initiationRequestSchema>;

/** Stops the AI mid-task; the item waits for a person with the AI's partial work. */
export const pauseRequestSchema = z.strictObject({
  ...versioned,
  note: z.optional(
    z.string().check(z.trim(), z.maxLength(2000, 'The note is longer than 2,000 characters.')),
  ),
});
export type PauseRequest = z.infer<typeof pauseRequestSchema>;

/** Hands a failed item to another level (it stays failed there) or to one person (who then holds it). */
export const reassignRequestSchema = z
  .strictObject({
    ...versioned,
    level: z.optional(enumWithout(levelSchema, ['ai'])),
    assigneeId: z.optional(z.string().check(z.minLength(1))),
    note: requiredText('A note for whoever takes it', 5),
  })
  .check(
    z.refine((b) => (b.level === undefined) !== (b.assigneeId === undefined), {
      message: 'Choose either a level or a person.',
      path: ['level'],
    }),
  );
export type ReassignRequest = z.infer<typeof reassignRequestSchema>;

export const decisionResultSchema = z.object({
  handoff: handoffSchema,
  event: z.lazy(() => auditEventSchema),
});
export type DecisionResult = z.infer<typeof decisionResultSchema>;

/* ---------- audit ---------- */

export const auditActionSchema = z.enum([
  'created',
  'flagged',
  'claimed',
  'released',
  'draft_saved',
  'approved',
  'rejected',
  'escalated',
  'redirected',
  'draft_revised',
  'auto_approved',
  'expired',
  'failed',
  'initiated',
  'paused',
  'taken_over',
  'retried',
  'reassigned',
  'rerouted',
  'post_hoc_reviewed',
  'executed',
  'execution_failed',
  'agent_lost',
]);
export type AuditAction = z.infer<typeof auditActionSchema>;

export const auditEventSchema = z.object({
  id: z.string(),
  handoffId: z.string(),
  at: isoDate,
  actor: actorSchema,
  action: auditActionSchema,
  why: z.object({
    reason: z.nullable(z.string()),
    rule: z.nullable(flagRuleSchema),
    confidence: z.nullable(z.number().check(z.gte(0), z.lte(1))),
  }),
  outcome: z.string(),
  /** The handoff version this event produced. */
  version: z.int().check(z.positive()),
  /** For edited approvals: a unified diff of the AI draft against the sent text. */
  diff: z.nullable(z.string()),
  timeOnItemMs: z.nullable(z.int().check(z.nonnegative())),
  acknowledgedFlags: z.array(flagRuleSchema),
  /** Set when the decision was one of a batch: the batch it was part of. */
  batchId: z.optional(z.string()),
  /**
   * The team holding the item when the event happened (before the move it records, so a
   * re-route counts for the team that sent the item on); null when no team held it. Absent on
   * events recorded before events carried their team: those count for the item's team now.
   */
  team: z.optional(z.nullable(teamRefSchema)),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditPageSchema = z.object({ items: z.array(auditEventSchema) });
export type AuditPage = z.infer<typeof auditPageSchema>;

/* ---------- identity ---------- */

export const roleSchema = z.enum(['reviewer', 'manager', 'executive', 'lead']);
export type Role = z.infer<typeof roleSchema>;

export const userSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: roleSchema,
  level: enumWithout(levelSchema, ['ai']),
});
export type User = z.infer<typeof userSchema>;

export const usersSchema = z.object({ items: z.array(userSchema) });

/* ---------- errors (RFC 9457) ---------- */

export const problemCodeSchema = z.enum([
  'validation',
  /** A request the server cannot read at all: bad JSON, bad percent-encoding, a broken request line. */
  'bad_request',
  'not_found',
  'method_not_allowed',
  'unauthenticated',
  'forbidden',
  'not_claimant',
  'version_conflict',
  'illegal_transition',
  'idempotency_mismatch',
  'queue_empty',
  'run_taken_over',
  'payload_too_large',
  'rate_limited',
  'unavailable',
  'internal',
]);
export type ProblemCode = z.infer<typeof problemCodeSchema>;

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  code: problemCodeSchema,
  /** Field errors, each with a JSON pointer into the request body. */
  errors: z.optional(z.array(z.object({ pointer: z.string(), message: z.string() }))),
  currentVersion: z.optional(z.int()),
  /** On a 403: the lowest level whose authority covers the refused action, when one does. */
  requiredLevel: z.optional(levelSchema),
  /** On a 403 for an item a team holds: the team whose members may act on it. */
  team: z.optional(z.object({ id: z.string(), name: z.string() })),
  /** On a version conflict: the item as it is now, so both versions can be shown. */
  current: z.optional(z.lazy(() => handoffSchema)),
});
export type Problem = z.infer<typeof problemSchema>;

/* ---------- live updates (server-sent events) ---------- */

/** One message on the change stream: what moved, so a client knows what to refetch. */
export const changeEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('handoff.changed'),
    id: z.string(),
    version: z.int().check(z.positive()),
    status: handoffStatusSchema,
    assignee: z.nullable(assigneeSchema),
    /** Who made the change; null when the system did. */
    by: z.nullable(assigneeSchema),
    at: isoDate,
  }),
  z.object({ type: z.literal('world.reset'), at: isoDate }),
]);
export type ChangeEvent = z.infer<typeof changeEventSchema>;
export type HandoffChangedEvent = Extract<ChangeEvent, { type: 'handoff.changed' }>;
