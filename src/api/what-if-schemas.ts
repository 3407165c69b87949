import './zod-config';
import { z } from 'zod/mini';
import { commitmentSchema } from './commitment-schemas';
import { categorySchema, gateDefaultSchema, levelSchema, ruleFlagSchema } from './handoff-schemas';
import { policyPatchSchema } from './policy-change-schemas';

/* ---------- routing decisions and the what-if ---------- */

export const routeSchema = z.enum(['auto_approve', 'auto_approve_sampled', 'human_review']);
export type Route = z.infer<typeof routeSchema>;

export const routeGateSchema = z.object({
  timeoutMinutes: z.int().check(z.positive()),
  defaultAction: gateDefaultSchema,
});
export type RouteGate = z.infer<typeof routeGateSchema>;

export const routeDecisionSchema = z.object({
  route: routeSchema,
  /** Who owns the item: 'ai' when it proceeds without a person. */
  level: levelSchema,
  /** Why, one sentence each, for the audit trail and the reviewer. */
  reasons: z.array(z.string()),
  gate: z.nullable(routeGateSchema),
});
export type RouteDecision = z.infer<typeof routeDecisionSchema>;

/** What a person finally did with an item, when one did. */
export const trafficOutcomeSchema = z.enum([
  'approved_unedited',
  'edited',
  'rejected',
  'escalated',
]);
export type TrafficOutcome = z.infer<typeof trafficOutcomeSchema>;

/** One item of recent traffic, as the what-if replays it. */
export const trafficItemSchema = z.object({
  id: z.string(),
  category: categorySchema,
  confidence: z.number().check(z.gte(0), z.lte(1)),
  flags: z.array(ruleFlagSchema),
  commitments: z.array(commitmentSchema),
  /** What each of the AI's options promises; absent when it offered none. */
  choices: z.optional(z.array(z.array(commitmentSchema))),
  outcome: z.nullable(trafficOutcomeSchema),
  /** A stable draw in [0, 1) for post-hoc sampling, so a replay samples the same items. */
  random01: z.number().check(z.gte(0), z.lt(1)),
});
export type TrafficItem = z.infer<typeof trafficItemSchema>;

export const reviewBandSchema = z.enum(['below', 'within', 'above']);
export type ReviewBand = z.infer<typeof reviewBandSchema>;

export const routeStatsSchema = z.object({
  total: z.int().check(z.nonnegative()),
  humanReview: z.int().check(z.nonnegative()),
  /** Auto-approved and not sampled. */
  autoApproved: z.int().check(z.nonnegative()),
  /** Auto-approved and sampled for post-hoc review. */
  sampled: z.int().check(z.nonnegative()),
  /** humanReview / total; null with no traffic. */
  reviewRate: z.nullable(z.number().check(z.gte(0), z.lte(1))),
  band: z.nullable(reviewBandSchema),
});
export type RouteStats = z.infer<typeof routeStatsSchema>;

export const whatIfItemSchema = z.object({
  id: z.string(),
  category: categorySchema,
  confidence: z.number().check(z.gte(0), z.lte(1)),
  baselineRoute: routeSchema,
  route: routeSchema,
  outcome: z.nullable(trafficOutcomeSchema),
});
export type WhatIfItem = z.infer<typeof whatIfItemSchema>;

export const whatIfResultSchema = z.object({
  policyVersion: z.int().check(z.positive()),
  baselineVersion: z.int().check(z.positive()),
  /** The seed's sustainable human review rate. */
  targetBand: z.object({ low: z.number(), high: z.number() }),
  overall: routeStatsSchema,
  baselineOverall: routeStatsSchema,
  perCategory: z.record(categorySchema, routeStatsSchema),
  /** The candidate policy's verdict on every item, in traffic order. */
  verdicts: z.array(z.object({ id: z.string(), route: routeSchema, level: levelSchema })),
  /** Reviewed by a person under the baseline, auto-approved (sampled or not) under the candidate. */
  newlySkipping: z.array(whatIfItemSchema),
  /** Auto-approved under the baseline, reviewed by a person under the candidate. */
  newlyReviewed: z.array(whatIfItemSchema),
  /** Newly skipping items a person edited or rejected: what the candidate would have sent. */
  confidentButWrong: z.array(whatIfItemSchema),
});
export type WhatIfResult = z.infer<typeof whatIfResultSchema>;

/** The body of a what-if: the edit a lead is considering, before it has a reason. */
export const whatIfRequestSchema = z.strictObject({ patch: policyPatchSchema });
export type WhatIfRequest = z.infer<typeof whatIfRequestSchema>;
