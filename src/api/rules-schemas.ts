import './zod-config';
import { z } from 'zod/mini';
import { flagRuleSchema, ruleResponseSchema, tierSchema } from './handoff-schemas';
import { humanLevelSchema } from './ladder-schemas';

/* The rules table (the seed's escalation matrix) and a lead's edit to one rule. */

const humanAction = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'Say what the rule asks of the human.'),
    z.maxLength(120, 'Keep the human action under 120 characters.'),
  );

/** Fields every rule has. `version` is assigned on save, never by the editor. */
const ruleBase = {
  /** Bumped whenever this rule's settings change, so "rule v3" always means the same thing. */
  version: z.int().check(z.positive()),
  enabled: z.boolean(),
  response: ruleResponseSchema,
  humanAction,
  /** The lowest level that may handle an item this rule flags. */
  minLevel: humanLevelSchema,
};

export const lowConfidenceParamsSchema = z.strictObject({
  /** Confidence strictly below this fires the rule. */
  threshold: z.number().check(z.gte(0), z.lte(1)),
});

export const policyKeywordParamsSchema = z.strictObject({
  keywords: z
    .array(
      z.string().check(z.trim(), z.minLength(1, 'A keyword cannot be empty.'), z.maxLength(60)),
    )
    .check(z.maxLength(200, 'At most 200 keywords.')),
});

export const noParamsSchema = z.strictObject({});

export const highValueParamsSchema = z.strictObject({
  tiers: z.array(tierSchema),
  /** Lifetime value in whole US dollars; at or above it the customer is high value. */
  lifetimeValueLimit: z.number().check(z.nonnegative()),
});

export const anomalyParamsSchema = z.strictObject({
  maxBodyLength: z.int().check(z.positive()),
  maxAttachments: z.int().check(z.nonnegative()),
  /** Primary language subtags ('en' also accepts 'en-GB'). */
  expectedLanguages: z
    .array(z.string().check(z.trim(), z.minLength(2), z.maxLength(35)))
    .check(z.minLength(1, 'Name at least one language.')),
  /** This many tickets from one customer within the window (this one included) is a burst. */
  burstCount: z.int().check(z.gte(2, 'A burst is at least 2 tickets.')),
  burstWindowMinutes: z.int().check(z.positive()),
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
    version: z.int().check(z.positive()),
    rules: z.array(ruleConfigSchema),
  })
  .check(
    z.superRefine((table, ctx) => {
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
    }),
  );
export type RulesTable = z.infer<typeof rulesTableSchema>;

const rulePatchBase = {
  enabled: z.optional(z.boolean()),
  response: z.optional(ruleResponseSchema),
  humanAction: z.optional(humanAction),
  minLevel: z.optional(humanLevelSchema),
};

/** A lead's edit to one rule: any field but the id and version; params merge key by key. */
export const rulePatchSchema = z.discriminatedUnion('id', [
  z.strictObject({
    ...rulePatchBase,
    id: z.literal('low_confidence'),
    params: z.optional(z.partial(lowConfidenceParamsSchema)),
  }),
  z.strictObject({
    ...rulePatchBase,
    id: z.literal('policy_keyword'),
    params: z.optional(z.partial(policyKeywordParamsSchema)),
  }),
  z.strictObject({
    ...rulePatchBase,
    id: z.literal('multiple_options'),
    params: z.optional(noParamsSchema),
  }),
  z.strictObject({
    ...rulePatchBase,
    id: z.literal('task_failure'),
    enabled: z.optional(z.literal(true)),
    response: z.optional(taskFailureResponseSchema),
    params: z.optional(noParamsSchema),
  }),
  z.strictObject({
    ...rulePatchBase,
    id: z.literal('high_value'),
    params: z.optional(z.partial(highValueParamsSchema)),
  }),
  z.strictObject({
    ...rulePatchBase,
    id: z.literal('anomaly'),
    params: z.optional(z.partial(anomalyParamsSchema)),
  }),
]);
export type RulePatch = z.infer<typeof rulePatchSchema>;
