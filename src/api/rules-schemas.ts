import './zod-config';
import { z } from 'zod';
import { flagRuleSchema, ruleResponseSchema, tierSchema } from './handoff-schemas';
import { humanLevelSchema } from './ladder-schemas';

/* The rules table (the seed's escalation matrix) and a lead's edit to one rule. */

const humanAction = z
  .string()
  .trim()
  .min(1, 'Say what the rule asks of the human.')
  .max(120, 'Keep the human action under 120 characters.');

/** Fields every rule has. `version` is assigned on save, never by the editor. */
const ruleBase = {
  /** Bumped whenever this rule's settings change, so "rule v3" always means the same thing. */
  version: z.number().int().positive(),
  enabled: z.boolean(),
  response: ruleResponseSchema,
  humanAction,
  /** The lowest level that may handle an item this rule flags. */
  minLevel: humanLevelSchema,
};

export const lowConfidenceParamsSchema = z.strictObject({
  /** Confidence strictly below this fires the rule. */
  threshold: z.number().min(0).max(1),
});

export const policyKeywordParamsSchema = z.strictObject({
  keywords: z
    .array(z.string().trim().min(1, 'A keyword cannot be empty.').max(60))
    .max(200, 'At most 200 keywords.'),
});

export const noParamsSchema = z.strictObject({});

export const highValueParamsSchema = z.strictObject({
  tiers: z.array(tierSchema),
  /** Lifetime value in whole US dollars; at or above it the customer is high value. */
  lifetimeValueLimit: z.number().nonnegative(),
});

export const anomalyParamsSchema = z.strictObject({
  maxBodyLength: z.number().int().positive(),
  maxAttachments: z.number().int().nonnegative(),
  /** Primary language subtags ('en' also accepts 'en-GB'). */
  expectedLanguages: z
    .array(z.string().trim().min(2).max(35))
    .min(1, 'Name at least one language.'),
  /** This many tickets from one customer within the window (this one included) is a burst. */
  burstCount: z.number().int().min(2, 'A burst is at least 2 tickets.'),
  burstWindowMinutes: z.number().int().positive(),
});

/** A failed task has nothing to send, so this rule can be neither switched off nor softened. */
const taskFailureResponseSchema = z.enum(['report_with_diagnosis', 'hard_stop']);

export const ruleConfigSchema = z.discriminatedUnion('id', [
  z.strictObject({
    ...ruleBase,
    id: z.literal('low_confidence'),
    params: lowConfidenceParamsSchema,
  }),
  z.strictObject({
    ...ruleBase,
    id: z.literal('policy_keyword'),
    params: policyKeywordParamsSchema,
  }),
  z.strictObject({ ...ruleBase, id: z.literal('multiple_options'), params: noParamsSchema }),
  z.strictObject({
    ...ruleBase,
    id: z.literal('task_failure'),
    enabled: z.literal(
      true,
      'Task failure cannot be switched off: a failed task has nothing to send.',
    ),
    response: taskFailureResponseSchema,
    params: noParamsSchema,
  }),
  z.strictObject({ ...ruleBase, id: z.literal('high_value'), params: highValueParamsSchema }),
  z.strictObject({ ...ruleBase, id: z.literal('anomaly'), params: anomalyParamsSchema }),
]);
export type RuleConfig = z.infer<typeof ruleConfigSchema>;
export type RuleConfigOf<R extends RuleConfig['id']> = Extract<RuleConfig, { id: R }>;

export const rulesTableSchema = z
  .object({
    version: z.number().int().positive(),
    rules: z.array(ruleConfigSchema),
  })
  .superRefine((table, ctx) => {
    for (const rule of flagRuleSchema.options) {
      const count = table.rules.filter((r) => r.id === rule).length;
      if (count !== 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules'],
          message:
            count === 0
              ? `The rule "${rule}" is missing.`
              : `The rule "${rule}" appears ${count} times.`,
        });
      }
    }
  });
export type RulesTable = z.infer<typeof rulesTableSchema>;

const rulePatchBase = {
  enabled: z.boolean().optional(),
  response: ruleResponseSchema.optional(),
  humanAction: humanAction.optional(),
  minLevel: humanLevelSchema.optional(),
};

/** A lead's edit to one rule: any field but the id and version; params merge key by key. */
export const rulePatchSchema = z.discriminatedUnion('id', [
  z.strictObject({
    ...rulePatchBase,
    id: z.literal('low_confidence'),
    params: lowConfidenceParamsSchema.partial().optional(),
  }),
  z.strictObject({
    ...rulePatchBase,
    id: z.literal('policy_keyword'),
    params: policyKeywordParamsSchema.partial().optional(),
  }),
  z.strictObject({
    ...rulePatchBase,
    id: z.literal('multiple_options'),
    params: noParamsSchema.optional(),
  }),
  z.strictObject({
    ...rulePatchBase,
    id: z.literal('task_failure'),
    enabled: z.literal(true).optional(),
    response: taskFailureResponseSchema.optional(),
    params: noParamsSchema.optional(),
  }),
  z.strictObject({
    ...rulePatchBase,
    id: z.literal('high_value'),
    params: highValueParamsSchema.partial().optional(),
  }),
  z.strictObject({
    ...rulePatchBase,
    id: z.literal('anomaly'),
    params: anomalyParamsSchema.partial().optional(),
  }),
]);
export type RulePatch = z.infer<typeof rulePatchSchema>;
