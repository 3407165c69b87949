import './zod-config';
import { z } from 'zod/mini';
import { categorySchema, flagRuleSchema, isoDate, levelSchema } from './handoff-schemas';

/*
 * The lead dashboard's contract: every figure the dashboard shows, computed by the backend
 * from the same audit events and handoffs the audit log shows (src/domain/metrics).
 */

/** How far back the dashboard looks. */
export const dashboardWindowSchema = z.enum(['8h', '24h', '72h', '7d']);
export type DashboardWindow = z.infer<typeof dashboardWindowSchema>;

const count = z.int().check(z.nonnegative());
/** A share in [0, 1], or null when there is nothing to divide by. */
const rate = z.nullable(z.number().check(z.gte(0), z.lte(1)));

/** Open items, and of those the ones close to (at risk) or past (breached) their response target. */
const slaCounts = { open: count, atRisk: count, breached: count };

const levelCounts = z.record(levelSchema, count);
const categoryCounts = z.record(categorySchema, count);

export const depthPointSchema = z.object({
  at: isoDate,
  total: count,
  byLevel: levelCounts,
  byCategory: categoryCounts,
});
export type DepthPoint = z.infer<typeof depthPointSchema>;

export const categoryDecisionsSchema = z.object({
  category: categorySchema,
  decided: count,
  approvedUnedited: count,
  approvedEdited: count,
  rejected: count,
  escalated: count,
  redirected: count,
  /** Approved as drafted, over every decision. */
  unEditedRate: rate,
  /** Enough decisions and nearly all approved as drafted: a person adds little here. */
  automationCandidate: z.boolean(),
});
export type CategoryDecisions = z.infer<typeof categoryDecisionsSchema>;

export const itemRefSchema = z.object({
  handoffId: z.string(),
  ticketNumber: z.int(),
  category: categorySchema,
  at: isoDate,
  by: z.string(),
});

export const confidentWrongItemSchema = z.extend(itemRefSchema, {
  confidence: z.number().check(z.gte(0), z.lte(1)),
  outcome: z.enum(['edited', 'rejected']),
});
export type ConfidentWrongItem = z.infer<typeof confidentWrongItemSchema>;

export const rubberStampSchema = z.extend(itemRefSchema, {
  timeOnItemMs: count,
  /** The least time a reviewer needs to read the item (see readingFloorMs). */
  floorMs: count,
});
export type RubberStamp = z.infer<typeof rubberStampSchema>;

export const escalationTriggerSchema = z.union([flagRuleSchema, z.enum(['person', 'system'])]);
export type EscalationTrigger = z.infer<typeof escalationTriggerSchema>;

/** Who a per-reviewer row is about. */
const reviewer = { id: z.string(), name: z.string() };

export const reviewerLoadSchema = z.object({
  ...reviewer,
  decisions: count,
  /** Items assigned to them now and still open. */
  holding: count,
  /** Time spent on the items they decided (sum of time-on-item). */
  timeOnItemsMs: count,
  medianDecisionMs: z.nullable(count),
  rubberStamps: count,
  /** The longest run of decisions with no break of 15 minutes or more. */
  longestSessionMs: count,
  /** The longest run of consecutive decisions in one category. */
  longestCategoryRun: count,
  /** Why they should rotate or rest; empty when nothing suggests fatigue. */
  nudges: z.array(z.string()),
});
export type ReviewerLoad = z.infer<typeof reviewerLoadSchema>;

/** Per reviewer, how often their verdict matched the other reviewer's on blind double reviews. */
export const reviewerAgreementSchema = z.object({
  ...reviewer,
  doubleReviewed: count,
  agreed: count,
  rate,
});
export type ReviewerAgreementRow = z.infer<typeof reviewerAgreementSchema>;

/** One team's queue and review load: a row a lead scans to see which team is falling behind. */
export const teamLoadRowSchema = z.object({
  /** null for the row of items no team takes. */
  teamId: z.nullable(z.string()),
  name: z.string(),
  members: count,
  /** The team's open items now. */
  ...slaCounts,
  /** Open items someone holds. */
  holding: count,
  /** Decisions people made in the window on the team's items. */
  decisions: count,
  /** Time spent on those decisions (sum of time-on-item). */
  timeOnItemsMs: count,
});
export type TeamLoadRow = z.infer<typeof teamLoadRowSchema>;

export const dashboardSchema = z.object({
  window: dashboardWindowSchema,
  from: isoDate,
  asOf: isoDate,
  queueDepth: z.array(depthPointSchema),
  sla: z.object(slaCounts),
  reviewRate: z.object({
    reviewed: count,
    autoApproved: count,
    rate,
    band: z.object({ low: z.number(), high: z.number() }),
    position: z.nullable(z.enum(['below', 'within', 'above'])),
  }),
  decisionsByCategory: z.array(categoryDecisionsSchema),
  confidentButWrong: z.object({
    /** Items decided in the window that the AI was confident about (at or above the threshold). */
    confidentItems: count,
    count,
    rate,
    threshold: z.number(),
    items: z.array(confidentWrongItemSchema),
  }),
  escalations: z.object({
    /** Items created in the window: the denominator of every trigger's rate. */
    items: count,
    byTrigger: z.array(z.object({ trigger: escalationTriggerSchema, count, rate })),
  }),
  decisionTime: z.object({
    decisions: count,
    medianMs: z.nullable(count),
    p90Ms: z.nullable(count),
    buckets: z.array(
      z.object({ label: z.string(), fromMs: count, toMs: z.nullable(count), count }),
    ),
    approvals: count,
    rubberStamps: z.array(rubberStampSchema),
    rubberStampCount: count,
    rubberStampRate: rate,
  }),
  reviewers: z.array(reviewerLoadSchema),
  /** Per team (those in force, then any an open item still names), then items with no team. */
  teams: z.array(teamLoadRowSchema),
  /** Post-hoc double reviews completed so far (all time, not the window), per reviewer. */
  agreement: z.array(reviewerAgreementSchema),
});
export type Dashboard = z.infer<typeof dashboardSchema>;
