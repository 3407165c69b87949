import './zod-config';
import { z } from 'zod/mini';
import {
  actorSchema,
  auditActionSchema,
  auditEventSchema,
  categorySchema,
  flagRuleSchema,
  isoDate,
} from './handoff-schemas';
import { CURSOR_DESCRIPTION, pageOf } from './page-schemas';

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

/** Who may call the API as an agent: a lead issuing or revoking an agent's key. */
export const accessAuditActionSchema = z.enum(['agent_key_issued', 'agent_key_revoked']);

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

/**
 * One line of the log. Both kinds share who, what (action, outcome), when, why, and version;
 * an item event adds its item, a policy change the rules it touched and what it changed.
 */
export const auditEntrySchema = z.discriminatedUnion('kind', [
  z.extend(auditEventSchema, {
    kind: z.literal('event'),
    /** Null only if the item is no longer in the world. */
    ticketNumber: z.nullable(z.int()),
    category: z.nullable(categorySchema),
  }),
  z.object({
    kind: z.literal('policy'),
    /** The change's id (`policy-v<version>`). */
    id: z.string(),
    at: isoDate,
    actor: actorSchema,
    action: policyAuditActionSchema,
    why: auditEventSchema.shape.why,
    outcome: z.string(),
    /** The policy version this change produced. */
    version: z.int().check(z.positive()),
    previousVersion: z.int().check(z.positive()),
    /** One line per setting that changed, e.g. "Billing: confidence threshold 80% → 85%". */
    changes: z.array(z.string()),
    /** The escalation rules whose configuration changed. */
    rules: z.array(flagRuleSchema),
  }),
  z.object({
    kind: z.literal('teams'),
    /** `teams-v<version>-<n>`: the n-th entry of the change that made that version. */
    id: z.string(),
    at: isoDate,
    actor: actorSchema,
    action: teamAuditActionSchema,
    why: auditEventSchema.shape.why,
    outcome: z.string(),
    /** The team directory version this change produced. */
    version: z.int().check(z.positive()),
    previousVersion: z.int().check(z.positive()),
    /** One line per thing that changed, e.g. "Members: Chen Wei, Dana Levi → Chen Wei". */
    changes: z.array(z.string()),
    /** The team it is about; null for the routing rules. */
    teamId: z.nullable(z.string()),
  }),
  z.object({
    kind: z.literal('access'),
    /** `access-<n>`: the n-th access change of this world. */
    id: z.string(),
    at: isoDate,
    actor: actorSchema,
    action: accessAuditActionSchema,
    why: auditEventSchema.shape.why,
    outcome: z.string(),
    /** Facts about the credential (its id and shown prefix); never the secret. */
    changes: z.array(z.string()),
    /** The agent the key belongs to. */
    agentName: z.string(),
  }),
]);
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditEntryKind = AuditEntry['kind'];

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
  from: z.optional(isoDate).check(z.describe('Entries at or after this time.')),
  to: z.optional(isoDate).check(z.describe('Entries at or before this time.')),
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
  limit: z
    .optional(z.int().check(z.gte(1), z.lte(1000)))
    .check(z.describe('Entries per page, 1 to 1000.')),
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
  from: z.optional(isoDate).check(z.describe('Corrections at or after this time.')),
  to: z.optional(isoDate).check(z.describe('Corrections at or before this time.')),
  ...paging,
});
export type FeedbackListParams = z.infer<typeof feedbackListParamsSchema>;

export const feedbackPageSchema = pageOf(feedbackRecordSchema);
export type FeedbackPage = z.infer<typeof feedbackPageSchema>;
