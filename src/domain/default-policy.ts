import type { RoutingPolicy } from '../api/routing-policy-schemas';
import type { RuleConfig, RuleConfigOf, RulesTable } from '../api/rules-schemas';

/* The policy in force until a lead changes it, and the typed lookup of one rule. */

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

/** One rule's settings, typed by its id; the rules table schema guarantees each is present. */
export function ruleConfig<R extends RuleConfig['id']>(table: RulesTable, id: R): RuleConfigOf<R> {
  const found = table.rules.find((r): r is RuleConfigOf<R> => r.id === id);
  if (!found) throw new RangeError(`The rules table has no rule "${id}".`);
  return found;
}
