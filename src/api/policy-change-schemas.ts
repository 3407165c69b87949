import './zod-config';
import { z } from 'zod';
import { actorSchema, categorySchema, gateDefaultSchema, isoDate } from './handoff-schemas';
import { oversightPatternSchema, routingPolicySchema } from './routing-policy-schemas';
import { rulePatchSchema } from './rules-schemas';

/* Editing the policy: the patch, the audited history of changes and rolling one back. */

export const policyPatchSchema = z.strictObject({
  categories: z
    .partialRecord(
      categorySchema,
      z.strictObject({
        confidenceThreshold: z.number().min(0).max(1).optional(),
        pattern: oversightPatternSchema.optional(),
        sampleRate: z.number().min(0).max(1).optional(),
        gateTimeoutMinutes: z.number().int().positive().nullable().optional(),
        gateDefault: gateDefaultSchema.optional(),
      }),
    )
    .optional(),
  rules: z.array(rulePatchSchema).optional(),
});
export type PolicyPatch = z.infer<typeof policyPatchSchema>;

export const changeReasonSchema = z
  .string()
  .trim()
  .min(5, 'Say why the policy changes (at least 5 characters).')
  .max(1000, 'The reason is longer than 1,000 characters.');

/** The body of a policy edit: the version it was made on (409 on conflict), the patch and why. */
export const policyChangeRequestSchema = z.strictObject({
  version: z.number().int().positive(),
  patch: policyPatchSchema,
  reason: changeReasonSchema,
});
export type PolicyChangeRequest = z.infer<typeof policyChangeRequestSchema>;

export const policyChangeSchema = z.object({
  /** `policy-v<after.version>`: unique in a policy's history and stable across replays. */
  id: z.string(),
  at: isoDate,
  by: actorSchema,
  reason: z.string(),
  kind: z.enum(['edit', 'rollback']),
  before: routingPolicySchema,
  after: routingPolicySchema,
  /** For a rollback: the change whose `before` state was restored. */
  rollbackOf: z.string().nullable(),
  /** For a rollback: every change it undid, oldest first (the target and any later ones). */
  undoes: z.array(z.string()),
});
export type PolicyChange = z.infer<typeof policyChangeSchema>;

/** Policy edits, newest first. */
export const policyChangesSchema = z.object({ items: z.array(policyChangeSchema) });
export type PolicyChanges = z.infer<typeof policyChangesSchema>;

/**
 * The body of a rollback: why the earlier policy comes back, and the policy version the lead
 * saw (a rollback undoes every later change too, so one made since must not go unseen).
 */
export const rollbackRequestSchema = z.strictObject({
  version: z.number().int().positive(),
  reason: changeReasonSchema,
});
export type RollbackRequest = z.infer<typeof rollbackRequestSchema>;
