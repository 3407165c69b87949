import './zod-config';
import { z } from 'zod/mini';
import { changeReason, changeRecord, versionSchema } from './change-schemas';
import { categorySchema, gateDefaultSchema } from './handoff-schemas';
import { oversightPatternSchema, routingPolicySchema } from './routing-policy-schemas';
import { rulePatchSchema } from './rules-schemas';

/* Editing the policy: the patch, the audited history of changes and rolling one back. */

export const policyPatchSchema = z.strictObject({
  categories: z.optional(
    z.partialRecord(
      categorySchema,
      z.strictObject({
        confidenceThreshold: z.optional(z.number().check(z.gte(0), z.lte(1))),
        pattern: z.optional(oversightPatternSchema),
        sampleRate: z.optional(z.number().check(z.gte(0), z.lte(1))),
        gateTimeoutMinutes: z.optional(z.nullable(z.int().check(z.positive()))),
        gateDefault: z.optional(gateDefaultSchema),
      }),
    ),
  ),
  rules: z.optional(z.array(rulePatchSchema)),
});
export type PolicyPatch = z.infer<typeof policyPatchSchema>;

export const changeReasonSchema = changeReason('Say why the policy changes');

/** The body of a policy edit: the version it was made on (409 on conflict), the patch and why. */
export const policyChangeRequestSchema = z.strictObject({
  version: versionSchema,
  patch: policyPatchSchema,
  reason: changeReasonSchema,
});
export type PolicyChangeRequest = z.infer<typeof policyChangeRequestSchema>;

export const policyChangeSchema = z.object({
  ...changeRecord,
  kind: z.enum(['edit', 'rollback']),
  before: routingPolicySchema,
  after: routingPolicySchema,
  /** For a rollback: the change whose `before` state was restored. */
  rollbackOf: z.nullable(z.string()),
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
  version: versionSchema,
  reason: changeReasonSchema,
});
export type RollbackRequest = z.infer<typeof rollbackRequestSchema>;
