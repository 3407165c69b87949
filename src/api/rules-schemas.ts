import './zod-config';
import { z } from 'zod/mini';
import { type FlagRule, flagRuleSchema, ruleResponseSchema, tierSchema } from './handoff-schemas';
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

/** One rule's settings: the fields every rule has, and the params of its kind. */
const ruleOf = <const I extends FlagRule, P extends z.ZodMiniObject>(id: I, params: P) =>
  z.strictObject({ ...ruleBase, id: z.literal(id), params });

export const ruleConfigSchema = z.discriminatedUnion('id', [
  ruleOf('low_confidence', lowConfidenceParamsSchema),
  ruleOf('policy_keyword', policyKeywordParamsSchema),
  ruleOf('multiple_options', noParamsSchema),
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
  ruleOf('high_value', highValueParamsSchema),
  ruleOf('anomaly', anomalyParamsSchema),
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

/** An edit to one rule of a kind: any of the common fields, and its params key by key. */
const patchOf = <const I extends FlagRule, P extends z.ZodMiniObject>(id: I, params: P) =>
  z.strictObject({ ...rulePatchBase, id: z.literal(id), params: z.optional(z.partial(params)) });

/** A lead's edit to one rule: any field but the id and version; params merge key by key. */
export const rulePatchSchema = z.discriminatedUnion('id', [
  patchOf('low_confidence', lowConfidenceParamsSchema),
  patchOf('policy_keyword', policyKeywordParamsSchema),
  patchOf('multiple_options', noParamsSchema),
  z.strictObject({
    ...rulePatchBase,
    id: z.literal('task_failure'),
    enabled: z.optional(z.literal(true)),
    response: z.optional(taskFailureResponseSchema),
    params: z.optional(noParamsSchema),
  }),
  patchOf('high_value', highValueParamsSchema),
  patchOf('anomaly', anomalyParamsSchema),
]);
export type RulePatch = z.infer<typeof rulePatchSchema>;
