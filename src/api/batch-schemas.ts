import { z } from 'zod/mini';
import { currencySchema } from './commitment-schemas';
import {
  categorySchema,
  flagRuleSchema,
  handoffFiltersSchema,
  handoffStatusSchema,
  handoffSummarySchema,
  levelSchema,
  problemSchema,
} from './handoff-schemas';
import { rerouteRequestSchema } from './team-schemas';
import { requiredText } from './text-schemas';
import { enumWithout } from './zod-config';

/* ---------- batch review: similar items, decided together, each checked on its own ---------- */

/** The most items one batch may decide; larger batches are refused whole (422). */
export const MAX_BATCH_ITEMS = 500;
/** The most groups, and members per group, one answer lists. */
export const MAX_GROUPS = 50;

export const proposedActionKindSchema = z.enum([
  'refund',
  'credit',
  'policy_exception',
  'choose_option',
  'reply',
  'no_draft',
]);

/** The queue filters the grouping honours; it groups the items waiting for a decision. */
export const similarGroupsParamsSchema = z.omit(handoffFiltersSchema, { status: true });
export type SimilarGroupsParams = z.infer<typeof similarGroupsParamsSchema>;

export const similarMemberSchema = z.extend(handoffSummarySchema, {
  /** The amount the member's draft promises, when it names one: what differs most often. */
  amount: z.nullable(z.number().check(z.nonnegative())),
  currency: z.nullable(currencySchema),
});
export type SimilarMember = z.infer<typeof similarMemberSchema>;

export const similarGroupSchema = z.object({
  /** Stable while the group's first member stays in it. */
  key: z.string(),
  count: z.int().check(z.positive()),
  /** What every member shares. */
  shared: z.object({
    category: categorySchema,
    flags: z.array(flagRuleSchema),
    action: proposedActionKindSchema,
    /** The opening of the draft the members were written from, names masked. */
    excerpt: z.string(),
    /** The least estimated Jaccard similarity of a member's draft to the first member's. */
    similarity: z.number().check(z.gte(0), z.lte(1)),
  }),
  /** What differs between them. */
  differs: z.object({
    amounts: z.nullable(
      z.object({ min: z.number(), max: z.number(), currency: z.nullable(currencySchema) }),
    ),
    levels: z.array(levelSchema),
    statuses: z.array(handoffStatusSchema),
    customers: z.int().check(z.nonnegative()),
  }),
  /** The members, most urgent first, at most MAX_BATCH_ITEMS. */
  items: z.array(similarMemberSchema),
});
export type SimilarGroup = z.infer<typeof similarGroupSchema>;

export const similarGroupsSchema = z.object({
  groups: z.array(similarGroupSchema),
  /** Items waiting for a decision that match the filters. */
  total: z.int().check(z.nonnegative()),
  /** Of those, the ones alike to no other. */
  ungrouped: z.int().check(z.nonnegative()),
});
export type SimilarGroups = z.infer<typeof similarGroupsSchema>;

export const batchDecisionSchema = z.discriminatedUnion('action', [
  /** Sends each item's current AI draft as it stands. */
  z.strictObject({ action: z.literal('approve') }),
  z.strictObject({ action: z.literal('reject'), reason: requiredText('A reason', 5) }),
  z.strictObject({
    action: z.literal('escalate'),
    targetLevel: enumWithout(levelSchema, ['ai']),
    note: requiredText('A note for the next level', 5),
  }),
  /** Sends each item to another team, with the one reason a single re-route asks for. */
  z.extend(z.pick(rerouteRequestSchema, { teamId: true, reason: true }), {
    action: z.literal('reroute'),
  }),
]);
export type BatchDecision = z.infer<typeof batchDecisionSchema>;

export const batchDecisionRequestSchema = z.strictObject({
  /** Chosen by the client once per batch: a retry under the same id applies nothing twice. */
  batchId: z.string().check(z.minLength(1), z.maxLength(100)),
  decision: batchDecisionSchema,
  items: z
    .array(
      z.strictObject({
        id: z.string().check(z.minLength(1)),
        version: z.int().check(z.positive()),
      }),
    )
    .check(
      z.minLength(1, 'Choose at least one item.'),
      z.maxLength(MAX_BATCH_ITEMS, `A batch holds at most ${MAX_BATCH_ITEMS} items.`),
    ),
  /** How long the reviewer spent on the whole batch; each item is credited its share. */
  timeOnBatchMs: z.int().check(z.nonnegative()),
});
export type BatchDecisionRequest = z.infer<typeof batchDecisionRequestSchema>;

export const batchOutcomeSchema = z.enum(['applied', 'refused', 'conflict']);
export type BatchOutcome = z.infer<typeof batchOutcomeSchema>;

export const batchItemResultSchema = z.object({
  id: z.string(),
  outcome: batchOutcomeSchema,
  /** Why the item was left out (refused or conflict); null when applied. */
  problem: z.nullable(z.omit(problemSchema, { current: true })),
  /** The item after the decision (applied), or as it is now (conflict). */
  version: z.nullable(z.int().check(z.positive())),
  status: z.nullable(handoffStatusSchema),
  /** The audit event the decision wrote. */
  eventId: z.nullable(z.string()),
  /** This result was decided by an earlier attempt of the same batch. */
  replayed: z.boolean(),
});
export type BatchItemResult = z.infer<typeof batchItemResultSchema>;

export const batchDecisionResultSchema = z.object({
  batchId: z.string(),
  results: z.array(batchItemResultSchema),
  applied: z.int().check(z.nonnegative()),
  refused: z.int().check(z.nonnegative()),
  conflicts: z.int().check(z.nonnegative()),
});
export type BatchDecisionResult = z.infer<typeof batchDecisionResultSchema>;
