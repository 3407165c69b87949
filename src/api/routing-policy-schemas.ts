import './zod-config';
import { z } from 'zod/mini';
import { lastUpdate, versionSchema } from './change-schemas';
import { categorySchema, gateDefaultSchema } from './handoff-schemas';
import { rulesTableSchema } from './rules-schemas';

/* The routing policy: per ticket category, the oversight pattern, threshold and gate. */

export const oversightPatternSchema = z.enum([
  'pre_flight',
  'checkpoint_approval',
  'post_hoc_sample',
  'exception_based',
]);
export type OversightPattern = z.infer<typeof oversightPatternSchema>;

export const categoryPolicySchema = z
  .object({
    /** Confidence at or above this may proceed without a person (pattern permitting). */
    confidenceThreshold: z.number().check(z.gte(0), z.lte(1)),
    pattern: oversightPatternSchema,
    /** Share of auto-approved items sampled for post-hoc review (post_hoc_sample only). */
    sampleRate: z.number().check(z.gte(0), z.lte(1)),
    /** Null: no gate, the item waits for a person however long it takes. */
    gateTimeoutMinutes: z.nullable(
      z
        .number()
        .check(z.int(), z.positive(), z.lte(7 * 24 * 60, 'A gate can wait at most 7 days.')),
    ),
    gateDefault: gateDefaultSchema,
  })
  .check(
    z.refine((policy) => policy.pattern !== 'post_hoc_sample' || policy.sampleRate > 0, {
      path: ['sampleRate'],
      error: 'A post-hoc sample of 0% reviews nothing; choose a rate above 0.',
    }),
  );
export type CategoryPolicy = z.infer<typeof categoryPolicySchema>;

export const routingPolicySchema = z.object({
  version: versionSchema,
  /** Every category has a policy (a record over an enum is exhaustive). */
  categories: z.record(categorySchema, categoryPolicySchema),
  rules: rulesTableSchema,
  ...lastUpdate,
});
export type RoutingPolicy = z.infer<typeof routingPolicySchema>;
