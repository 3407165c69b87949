import './zod-config';
import { z } from 'zod/mini';
import { versionSchema } from './change-schemas';
import {
  actorSchema,
  auditActionSchema,
  auditEventSchema,
  categorySchema,
  flagRuleSchema,
  isoDate,
} from './handoff-schemas';
import { CURSOR_DESCRIPTION, limitParam, pageOf } from './page-schemas';

/*
 * The global audit log (seed pattern E) and the feedback loop (pattern D): every event of
 * every item and every routing-policy change, newest first, in keyset-cursor pages; and every
 * correction a reviewer made to the AI, as training records. Like ./handoff-schemas, the UI and the
 * backends share these.
 */

export const policyAuditActionSchema = z.enum(['policy_changed', 'policy_rolled_back']);

/** What a change to the teams did, one log entry per team it touched (and one for the rules). */
export const teamAuditActionSchema = z.enum([
  'team_created',
  'team_updated',
  'team_deleted',
  'team_rules_changed',
]);

/** Changes to who may call the API as an agent, and to where the desk sends its events. */
export const accessAuditActionSchema = z.enum([
  'agent_key_issued',
  'agent_key_revoked',
  'webhook_created',
  'webhook_deleted',
  'webhook_secret_rotated',
]);
export type AccessAuditAction = z.infer<typeof accessAuditActionSchema>;

/** What can happen in the log: an item's lifecycle actions plus policy, team and access changes. */
export const auditLogActionSchema = z.enum([
  ...auditActionSchema.options,
  ...policyAuditActionSchema.options,
  ...teamAuditActionSchema.options,
  ...accessAuditActionSchema.options,
]);
export type AuditLogAction = z.infer<typeof auditLogActionSchema>;

export const actorTypeSchema = actorSchema.shape.type;
export type ActorType = z.infer<typeof actorTypeSchema>;

/** How a log line about a policy, team or access change starts: its kind, who, what, when, why. */
const changeEntry = <const K extends string, A extends z.ZodMiniType>(kind: K, action: A) => ({
  kind: z.literal(kind),
  id: z.string(),
  at: isoDate,
  actor: actorSchema,
  action,
  why: auditEventSchema.shape.why,
  outcome: z.string(),
});

/** A change to a versioned resource (the policy, the teams): the version it made. */
const versionStep = {
  /** The version of the resource this change produced. */
  version: versionSchema,
  previousVersion: versionSchema,
};

/**
 * One line of the log. Every kind shares who, what (action, outcome), when and why; an item
 * event adds its item, a policy change the rules it touched and what it changed.
 */
export const auditEntrySchema = z.discriminatedUnion('kind', [
  z.extend(auditEventSchema, {
    kind: z.literal('event'),
    /** Null only if the item is no longer in the world. */
    ticketNumber: z.nullable(z.int()),
    category: z.nullable(categorySchema),
  }),
  /** Its id is the change's (`policy-v<version>`). */
  z.object({
    ...changeEntry('policy', policyAuditActionSchema),
    ...versionStep,
    /** One line per setting that changed, e.g. "Billing: confidence threshold 80% → 85%". */
    changes: z.array(z.string()),
    /** The escalation rules whose configuration changed. */
    rules: z.array(flagRuleSchema),
  }),
  /** Its id is `teams-v<version>-<n>`: the n-th entry of the change that made that version. */
  z.object({
    ...changeEntry('teams', teamAuditActionSchema),
    ...versionStep,
    /** One line per thing that changed, e.g. "Members: Chen Wei, Dana Levi → Chen Wei". */
    changes: z.array(z.string()),
    /** The team it is about; null for the routing rules. */
    teamId: z.nullable(z.string()),
  }),
  /** Its id is `access-<n>`: the n-th access change of this world. */
  z.object({
    ...changeEntry('access', accessAuditActionSchema),
    /** Facts about the credential or endpoint (its id, a key's shown prefix); never a secret. */
    changes: z.array(z.string()),
    /** The agent the key or webhook endpoint belongs to; null for a person's endpoint. */
    agentName: z.nullable(z.string()),
  }),
]);
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditEntryKind = AuditEntry['kind'];

/** A time window on `what` (entries, corrections), both ends included and either left open. */
const between = (what: string) => ({
  from: z.optional(isoDate).check(z.describe(`${what} at or after this time.`)),
  to: z.optional(isoDate).check(z.describe(`${what} at or before this time.`)),
});

/** Log filters; every field optional. Shared by the URL, the client and the server. */
export const auditFiltersSchema = z.object({
  actorType: z
    .optional(actorTypeSchema)
    .check(z.describe('Only entries by a person, the AI or the system.')),
  actorId: z
    .optional(z.string().check(z.maxLength(100)))
    .check(z.describe('One actor\'s id, e.g. a reviewer\'s "u-ana".')),
  action: z.optional(z.array(auditLogActionSchema)).check(z.describe('Only these actions.')),
  item: z
    .optional(z.string().check(z.maxLength(200)))
    .check(z.describe('An item\'s id ("h-4521") or ticket number ("4521" or "#4521").')),
  rule: z
    .optional(z.array(flagRuleSchema))
    .check(z.describe('Only entries citing any of these rules.')),
  ...between('Entries'),
  q: z
    .optional(z.string().check(z.maxLength(200)))
    .check(
      z.describe(
        'Case-insensitive text in the outcome, reason, actor name, item id or ticket number.',
      ),
    ),
});
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

const paging = {
  cursor: z
    .optional(z.string().check(z.maxLength(500)))
    .check(z.describe(`${CURSOR_DESCRIPTION} Stable while new entries arrive.`)),
  limit: limitParam(1000, 'Entries per page'),
};

export const auditListParamsSchema = z.extend(auditFiltersSchema, paging);
export type AuditListParams = z.infer<typeof auditListParamsSchema>;

/** `total` counts the entries when the first page was read. */
export const auditLogPageSchema = pageOf(auditEntrySchema);
export type AuditLogPage = z.infer<typeof auditLogPageSchema>;

/* ---------- feedback loop ---------- */

export const correctionSchema = z.enum(['edit', 'reject', 'redirect']);
export type Correction = z.infer<typeof correctionSchema>;

/** One correction a reviewer made to the AI: a training example, one JSONL line on export. */
export const feedbackRecordSchema = z.object({
  /** The audit event that recorded the correction. */
  id: z.string(),
  handoffId: z.string(),
  ticketNumber: z.int(),
  correction: correctionSchema,
  at: isoDate,
  reviewer: actorSchema,
  category: categorySchema,
  /** The AI's self-assessed confidence in the draft it was corrected on. */
  confidence: z.number().check(z.gte(0), z.lte(1)),
  /** The draft the reviewer corrected. */
  aiDraft: z.string(),
  draftNumber: z.int().check(z.positive()),
  /** What replaced it: the sent reply (edit), the AI's revised draft (redirect), or null (reject). */
  finalText: z.nullable(z.string()),
  /** A unified diff from `aiDraft` to `finalText`; null for a rejection. */
  diff: z.nullable(z.string()),
  /** The rejection reason or the redirect instructions; null for an edit. */
  reason: z.nullable(z.string()),
  /** The rules that flagged the item (the escalation matrix's labels). */
  labels: z.array(flagRuleSchema),
});
export type FeedbackRecord = z.infer<typeof feedbackRecordSchema>;

export const feedbackListParamsSchema = z.object({
  correction: z
    .optional(z.array(correctionSchema))
    .check(z.describe('Only these kinds of correction.')),
  category: z
    .optional(z.array(categorySchema))
    .check(z.describe('Only tickets in these categories.')),
  ...between('Corrections'),
  ...paging,
});
export type FeedbackListParams = z.infer<typeof feedbackListParamsSchema>;

export const feedbackPageSchema = pageOf(feedbackRecordSchema);
export type FeedbackPage = z.infer<typeof feedbackPageSchema>;
