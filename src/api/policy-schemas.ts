import { z } from 'zod';
import {
  actorSchema,
  categorySchema,
  channelSchema,
  customerSchema,
  decisionActionSchema,
  flagRuleSchema,
  gateDefaultSchema,
  handoffSchema,
  isoDate,
  type Level,
  levelSchema,
  ruleFlagSchema,
  ruleResponseSchema,
  tierSchema,
  urgencySchema,
} from './schemas';

/*
 * The contract for routing, escalation and oversight: the rules table a lead edits, the
 * per-category routing policy, the escalation ladder's authority, the audited history of
 * policy changes and the what-if a lead sees before saving. Like ./schemas, both the UI and
 * any backend import these; types are inferred, never restated.
 */

/** The ladder's human levels: the AI never appears as an approver or escalation target. */
export const humanLevelSchema = levelSchema.exclude(['ai']);
export type HumanLevel = z.infer<typeof humanLevelSchema>;

/* ---------- the rules table (the seed's escalation matrix) ---------- */

export { type RuleResponse, ruleResponseSchema } from './schemas';

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

export { type RuleFlag, ruleFlagSchema } from './schemas';

/* ---------- routing policy, per ticket category ---------- */

export const oversightPatternSchema = z.enum([
  'pre_flight',
  'checkpoint_approval',
  'post_hoc_sample',
  'exception_based',
]);
export type OversightPattern = z.infer<typeof oversightPatternSchema>;

/** Defined beside the item's gate in ./schemas; re-exported for the policy's readers. */
export { type GateDefault, gateDefaultSchema } from './schemas';

export const categoryPolicySchema = z
  .object({
    /** Confidence at or above this may proceed without a person (pattern permitting). */
    confidenceThreshold: z.number().min(0).max(1),
    pattern: oversightPatternSchema,
    /** Share of auto-approved items sampled for post-hoc review (post_hoc_sample only). */
    sampleRate: z.number().min(0).max(1),
    /** Null: no gate, the item waits for a person however long it takes. */
    gateTimeoutMinutes: z
      .number()
      .int()
      .positive()
      .max(7 * 24 * 60, 'A gate can wait at most 7 days.')
      .nullable(),
    gateDefault: gateDefaultSchema,
  })
  .superRefine((policy, ctx) => {
    if (policy.pattern === 'post_hoc_sample' && policy.sampleRate === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['sampleRate'],
        message: 'A post-hoc sample of 0% reviews nothing; choose a rate above 0.',
      });
    }
  });
export type CategoryPolicy = z.infer<typeof categoryPolicySchema>;

export const routingPolicySchema = z.object({
  version: z.number().int().positive(),
  /** Every category has a policy (a record over an enum is exhaustive). */
  categories: z.record(categorySchema, categoryPolicySchema),
  rules: rulesTableSchema,
  updatedAt: isoDate,
  updatedBy: actorSchema,
});
export type RoutingPolicy = z.infer<typeof routingPolicySchema>;

/* ---------- the escalation ladder ---------- */

export const levelAuthoritySchema = z.object({
  level: levelSchema,
  /** Decisions a person at this level may make; the AI makes none. */
  actions: z.array(decisionActionSchema),
  /** Largest refund or credit (USD) this level may approve; null means no limit. */
  refundLimit: z.number().nonnegative().nullable(),
  /** Whether this level may approve a draft that grants an exception to policy. */
  canGrantExceptions: z.boolean(),
  categories: z.array(categorySchema),
  /** Time-to-response target; null for the AI, which answers at once. */
  responseTargetMinutes: z.number().int().positive().nullable(),
  /** What the context package must contain before an item is handed to this level. */
  requiredContext: z.array(z.string().min(1)),
});
export type LevelAuthority = z.infer<typeof levelAuthoritySchema>;

const limitRank = (limit: number | null) => limit ?? Number.POSITIVE_INFINITY;

/** Every level once, lowest first; authority never shrinks on the way up. */
export const ladderSchema = z.array(levelAuthoritySchema).superRefine((ladder, ctx) => {
  const levels = ladder.map((l) => l.level);
  if (levels.join() !== levelSchema.options.join()) {
    ctx.addIssue({
      code: 'custom',
      message: `The ladder must list ${levelSchema.options.join(', ')} once each, in that order.`,
    });
    return;
  }
  if ((ladder[0]?.actions.length ?? 0) > 0) {
    ctx.addIssue({
      code: 'custom',
      path: [0, 'actions'],
      message: 'The AI makes no decisions; a person does.',
    });
  }
  ladder.forEach((level, i) => {
    const below = ladder[i - 1];
    if (!below) return;
    if (limitRank(level.refundLimit) < limitRank(below.refundLimit)) {
      ctx.addIssue({
        code: 'custom',
        path: [i, 'refundLimit'],
        message: 'A level’s refund limit cannot be lower than the level below it.',
      });
    }
  });
});
export type Ladder = z.infer<typeof ladderSchema>;

/* ---------- stakes: what a draft commits the company to ---------- */

export const commitmentKindSchema = z.enum(['refund', 'credit', 'policy_exception']);
export type CommitmentKind = z.infer<typeof commitmentKindSchema>;

export const currencySchema = z.enum(['USD', 'EUR', 'GBP']);
export type Currency = z.infer<typeof currencySchema>;

/** A character range [start, end) into the draft. */
export const draftSpanSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type DraftSpan = z.infer<typeof draftSpanSchema>;

export const commitmentSchema = z.object({
  kind: commitmentKindSchema,
  /** In `currency`; null when the draft promises money without a readable amount. */
  amount: z.number().nonnegative().nullable(),
  currency: currencySchema.nullable(),
  /** The promise as written, for the reviewer (the draft text at `evidence`). */
  text: z.string(),
  evidence: draftSpanSchema,
});
export type Commitment = z.infer<typeof commitmentSchema>;

/* ---------- routing decisions and the what-if ---------- */

export const routeSchema = z.enum(['auto_approve', 'auto_approve_sampled', 'human_review']);
export type Route = z.infer<typeof routeSchema>;

export const routeGateSchema = z.object({
  timeoutMinutes: z.number().int().positive(),
  defaultAction: gateDefaultSchema,
});
export type RouteGate = z.infer<typeof routeGateSchema>;

export const routeDecisionSchema = z.object({
  route: routeSchema,
  /** Who owns the item: 'ai' when it proceeds without a person. */
  level: levelSchema,
  /** Why, one sentence each, for the audit trail and the reviewer. */
  reasons: z.array(z.string()),
  gate: routeGateSchema.nullable(),
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
  confidence: z.number().min(0).max(1),
  flags: z.array(ruleFlagSchema),
  commitments: z.array(commitmentSchema),
  outcome: trafficOutcomeSchema.nullable(),
  /** A stable draw in [0, 1) for post-hoc sampling, so a replay samples the same items. */
  random01: z.number().min(0).lt(1),
});
export type TrafficItem = z.infer<typeof trafficItemSchema>;

export const reviewBandSchema = z.enum(['below', 'within', 'above']);
export type ReviewBand = z.infer<typeof reviewBandSchema>;

export const routeStatsSchema = z.object({
  total: z.number().int().nonnegative(),
  humanReview: z.number().int().nonnegative(),
  /** Auto-approved and not sampled. */
  autoApproved: z.number().int().nonnegative(),
  /** Auto-approved and sampled for post-hoc review. */
  sampled: z.number().int().nonnegative(),
  /** humanReview / total; null with no traffic. */
  reviewRate: z.number().min(0).max(1).nullable(),
  band: reviewBandSchema.nullable(),
});
export type RouteStats = z.infer<typeof routeStatsSchema>;

export const whatIfItemSchema = z.object({
  id: z.string(),
  category: categorySchema,
  confidence: z.number().min(0).max(1),
  baselineRoute: routeSchema,
  route: routeSchema,
  outcome: trafficOutcomeSchema.nullable(),
});
export type WhatIfItem = z.infer<typeof whatIfItemSchema>;

export const whatIfResultSchema = z.object({
  policyVersion: z.number().int().positive(),
  baselineVersion: z.number().int().positive(),
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

/* ---------- editing the policy ---------- */

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

/** The body of a what-if: the edit a lead is considering, before it has a reason. */
export const whatIfRequestSchema = z.strictObject({ patch: policyPatchSchema });
export type WhatIfRequest = z.infer<typeof whatIfRequestSchema>;

/** The body of a rollback: why the earlier policy comes back. */
export const rollbackRequestSchema = z.strictObject({ reason: changeReasonSchema });
export type RollbackRequest = z.infer<typeof rollbackRequestSchema>;

/* ---------- arrivals: a new ticket and the AI's work on it, routed by the policy ---------- */

/** The customer's message; its id, number and arrival time are given on arrival. */
export const arrivalTicketSchema = z.strictObject({
  customer: customerSchema.strict(),
  channel: channelSchema,
  subject: z.string().min(1).max(500),
  body: z.string().min(1).max(20_000),
  category: categorySchema,
  urgency: urgencySchema,
  language: z.string().min(2).max(35),
  attachments: z.number().int().nonnegative(),
});
export type ArrivalTicket = z.infer<typeof arrivalTicketSchema>;

/** What the AI made of the ticket: its reply, its confidence, any options and any failure. */
export const arrivalAiSchema = z.strictObject({
  draft: z.string().min(1).max(20_000),
  confidence: z.number().min(0).max(1),
  options: z
    .array(z.strictObject({ label: z.string().min(1), rationale: z.string(), draft: z.string() }))
    .max(9)
    .default([]),
  /** What went wrong when the AI could not finish; null when it did. */
  diagnosis: z.string().min(1).nullable().default(null),
});
export type ArrivalAi = z.infer<typeof arrivalAiSchema>;

/**
 * POST /handoffs/arrivals: either a ticket with the AI's work, ingested as given, or nothing,
 * and the backend writes a realistic one (of `category`, with the AI at `confidence`, when
 * asked). Either way the rules and the routing policy in force decide where it goes.
 */
export const arrivalRequestSchema = z
  .strictObject({
    ticket: arrivalTicketSchema.optional(),
    ai: arrivalAiSchema.optional(),
    category: categorySchema.optional(),
    confidence: z.number().min(0).max(1).optional(),
  })
  .superRefine((body, ctx) => {
    if ((body.ticket === undefined) !== (body.ai === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [body.ticket ? 'ai' : 'ticket'],
        message: 'Send a ticket together with the AI’s work on it, or neither.',
      });
    }
    if (body.ticket && body.category !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['category'],
        message: 'A given ticket names its own category.',
      });
    }
  });
export type ArrivalRequest = z.input<typeof arrivalRequestSchema>;

export const arrivalResultSchema = z.object({
  handoff: handoffSchema,
  /** Where the policy sent it and why. */
  route: routeDecisionSchema,
});
export type ArrivalResult = z.infer<typeof arrivalResultSchema>;

/* ---------- defaults ---------- */

const systemActor = { type: 'system', id: 'defaults', name: 'Default policy' } as const;

/** Words that make a ticket a hard stop unless a lead changes the rules. */
export const defaultPolicyKeywords: readonly string[] = [
  'lawyer',
  'legal action',
  'attorney',
  'sue',
  'chargeback',
  'GDPR',
  'data protection',
  'court',
];

export const defaultRulesTable: RulesTable = {
  version: 1,
  rules: [
    {
      id: 'low_confidence',
      version: 1,
      enabled: true,
      response: 'flag_for_review',
      humanAction: 'Verify before sending',
      minLevel: 'l1',
      params: { threshold: 0.7 },
    },
    {
      id: 'policy_keyword',
      version: 1,
      enabled: true,
      response: 'hard_stop',
      humanAction: 'Human must decide',
      minLevel: 'l2',
      params: { keywords: [...defaultPolicyKeywords] },
    },
    {
      id: 'multiple_options',
      version: 1,
      enabled: true,
      response: 'present_choices',
      humanAction: 'Select one',
      minLevel: 'l1',
      params: {},
    },
    {
      id: 'task_failure',
      version: 1,
      enabled: true,
      response: 'report_with_diagnosis',
      humanAction: 'Troubleshoot from the diagnosis',
      minLevel: 'l1',
      params: {},
    },
    {
      id: 'high_value',
      version: 1,
      enabled: true,
      response: 'require_approval',
      humanAction: 'Approve at the required level',
      minLevel: 'l2',
      params: { tiers: ['enterprise'], lifetimeValueLimit: 10_000 },
    },
    {
      id: 'anomaly',
      version: 1,
      enabled: true,
      response: 'flag_for_review',
      humanAction: 'Look closer',
      minLevel: 'l1',
      params: {
        maxBodyLength: 4000,
        maxAttachments: 3,
        expectedLanguages: ['en'],
        burstCount: 3,
        burstWindowMinutes: 60,
      },
    },
  ],
};

/*
 * Patterns by the seed's "best for": high-volume, lower-stakes work is sampled after the fact;
 * billing and account changes run on clear rules with exceptions escalated; legal always has a
 * person approve, with no timeout that could decide for them. Every gate's default is the safe
 * one: send a holding reply and escalate.
 */
export const defaultRoutingPolicy: RoutingPolicy = {
  version: 1,
  categories: {
    billing: {
      confidenceThreshold: 0.9,
      pattern: 'exception_based',
      sampleRate: 0,
      gateTimeoutMinutes: 120,
      gateDefault: 'hold_and_escalate',
    },
    shipping: {
      confidenceThreshold: 0.85,
      pattern: 'post_hoc_sample',
      sampleRate: 0.05,
      gateTimeoutMinutes: 240,
      gateDefault: 'hold_and_escalate',
    },
    technical: {
      confidenceThreshold: 0.85,
      pattern: 'post_hoc_sample',
      sampleRate: 0.05,
      gateTimeoutMinutes: 240,
      gateDefault: 'hold_and_escalate',
    },
    account: {
      confidenceThreshold: 0.9,
      pattern: 'exception_based',
      sampleRate: 0,
      gateTimeoutMinutes: 120,
      gateDefault: 'hold_and_escalate',
    },
    legal: {
      confidenceThreshold: 1,
      pattern: 'checkpoint_approval',
      sampleRate: 0,
      gateTimeoutMinutes: null,
      gateDefault: 'hold_and_escalate',
    },
  },
  rules: defaultRulesTable,
  updatedAt: '2025-01-01T00:00:00.000Z',
  updatedBy: systemActor,
};

const allButLegal = categorySchema.options.filter((c) => c !== 'legal');
const allActions = decisionActionSchema.options;

const packageBasics = [
  'Original request',
  'AI steps',
  'Draft',
  'Confidence',
  'Flags with evidence',
  'Next action',
];

export const defaultLadder: Ladder = [
  {
    level: 'ai',
    actions: [],
    refundLimit: 0,
    canGrantExceptions: false,
    // The AI may send on its own only where the policy lets it, and never in legal matters.
    categories: allButLegal,
    responseTargetMinutes: null,
    requiredContext: [],
  },
  {
    level: 'l1',
    actions: [...allActions],
    refundLimit: 100,
    canGrantExceptions: false,
    categories: allButLegal,
    responseTargetMinutes: 60,
    requiredContext: packageBasics,
  },
  {
    level: 'l2',
    actions: [...allActions],
    refundLimit: 500,
    canGrantExceptions: true,
    categories: [...categorySchema.options],
    responseTargetMinutes: 240,
    requiredContext: [...packageBasics, 'Customer history', 'Policy references'],
  },
  {
    level: 'manager',
    actions: [...allActions],
    refundLimit: 5000,
    canGrantExceptions: true,
    categories: [...categorySchema.options],
    responseTargetMinutes: 480,
    requiredContext: [
      ...packageBasics,
      'Customer history',
      'Policy references',
      'Escalation note',
      'Financial impact',
    ],
  },
  {
    level: 'executive',
    actions: [...allActions],
    refundLimit: null,
    canGrantExceptions: true,
    categories: [...categorySchema.options],
    responseTargetMinutes: 1440,
    requiredContext: [
      ...packageBasics,
      'Customer history',
      'Policy references',
      'Escalation note',
      'Financial impact',
      'Manager recommendation',
    ],
  },
];

/** One level's authority; the ladder schema guarantees every level is present. */
export function authorityOf(ladder: Ladder, level: Level): LevelAuthority {
  const found = ladder.find((l) => l.level === level);
  if (!found) throw new RangeError(`The ladder has no level "${level}".`);
  return found;
}

/** One rule's settings, typed by its id; the rules table schema guarantees each is present. */
export function ruleConfig<R extends RuleConfig['id']>(table: RulesTable, id: R): RuleConfigOf<R> {
  const found = table.rules.find((r): r is RuleConfigOf<R> => r.id === id);
  if (!found) throw new RangeError(`The rules table has no rule "${id}".`);
  return found;
}
