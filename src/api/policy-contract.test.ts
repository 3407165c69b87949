import { describe, expect, it } from 'vitest';
import { authorityOf, defaultLadder } from '../domain/default-ladder';
import { defaultRoutingPolicy, defaultRulesTable, ruleConfig } from '../domain/default-policy';
import { categorySchema, decisionActionSchema, flagRuleSchema } from './handoff-schemas';
import { ladderSchema } from './ladder-schemas';
import { categoryPolicySchema, routingPolicySchema } from './routing-policy-schemas';
import { ruleConfigSchema, rulesTableSchema } from './rules-schemas';

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((i) => i.message) ?? [];

describe('the defaults', () => {
  it('satisfy their own schemas', () => {
    expect(routingPolicySchema.parse(defaultRoutingPolicy)).toEqual(defaultRoutingPolicy);
    expect(ladderSchema.parse(defaultLadder)).toEqual(defaultLadder);
  });

  it('give every category a policy, with legal always approved by a person and never timed out', () => {
    expect(Object.keys(defaultRoutingPolicy.categories).sort()).toEqual(
      [...categorySchema.options].sort(),
    );
    expect(defaultRoutingPolicy.categories.legal).toMatchObject({
      pattern: 'checkpoint_approval',
      gateTimeoutMinutes: null,
    });
    for (const policy of Object.values(defaultRoutingPolicy.categories)) {
      expect(policy.gateDefault).toBe('hold_and_escalate');
    }
  });

  it('describe the ladder of the issue', () => {
    const summary = defaultLadder.map((l) => [
      l.level,
      l.actions.length,
      l.refundLimit,
      l.categories.includes('legal'),
    ]);
    expect(summary).toEqual([
      ['ai', 0, 0, false],
      ['l1', 4, 100, false],
      ['l2', 4, 500, true],
      ['manager', 4, 5000, true],
      ['executive', 4, null, true],
    ]);
    expect(authorityOf(defaultLadder, 'l1').actions).toEqual(decisionActionSchema.options);
    expect(authorityOf(defaultLadder, 'l1').categories).toEqual([
      'billing',
      'shipping',
      'technical',
      'account',
    ]);
    // Each level up needs at least the context of the one below and answers no faster.
    defaultLadder.slice(1).forEach((level, i) => {
      const below = defaultLadder[i];
      for (const item of below?.requiredContext ?? [])
        expect(level.requiredContext).toContain(item);
      if (i > 0)
        expect(level.responseTargetMinutes ?? 0).toBeGreaterThan(below?.responseTargetMinutes ?? 0);
    });
  });
});

describe('the rules table', () => {
  it('has one configuration per rule of the escalation matrix', () => {
    expect(defaultRulesTable.rules.map((r) => r.id).sort()).toEqual(
      [...flagRuleSchema.options].sort(),
    );
    expect(ruleConfigSchema.def.options.map((o) => o.shape.id.def.values[0]).sort()).toEqual(
      [...flagRuleSchema.options].sort(),
    );
  });

  it('refuses a table that misses or repeats a rule', () => {
    const missing = { ...defaultRulesTable, rules: defaultRulesTable.rules.slice(1) };
    expect(messages(rulesTableSchema.safeParse(missing))).toEqual([
      'The rule "low_confidence" is missing.',
    ]);
    const twice = {
      ...defaultRulesTable,
      rules: [...defaultRulesTable.rules, defaultRulesTable.rules[0]],
    };
    expect(messages(rulesTableSchema.safeParse(twice))).toEqual([
      'The rule "low_confidence" appears 2 times.',
    ]);
  });

  it('keeps task failure on and reporting', () => {
    const failure = ruleConfig(defaultRulesTable, 'task_failure');
    expect(messages(ruleConfigSchema.safeParse({ ...failure, enabled: false }))).toEqual([
      'Task failure cannot be switched off: a failed task has nothing to send.',
    ]);
    expect(ruleConfigSchema.safeParse({ ...failure, response: 'flag_for_review' }).success).toBe(
      false,
    );
    expect(ruleConfigSchema.safeParse({ ...failure, response: 'hard_stop' }).success).toBe(true);
  });

  it('checks each rule’s parameters', () => {
    const low = ruleConfig(defaultRulesTable, 'low_confidence');
    expect(ruleConfigSchema.safeParse({ ...low, params: { threshold: 1.2 } }).success).toBe(false);
    expect(
      ruleConfigSchema.safeParse({ ...low, params: { threshold: 0.7, extra: 1 } }).success,
    ).toBe(false);
    const keywords = ruleConfig(defaultRulesTable, 'policy_keyword');
    expect(
      messages(ruleConfigSchema.safeParse({ ...keywords, params: { keywords: ['  '] } })),
    ).toEqual(['A keyword cannot be empty.']);
    const anomaly = ruleConfig(defaultRulesTable, 'anomaly');
    expect(
      messages(
        ruleConfigSchema.safeParse({ ...anomaly, params: { ...anomaly.params, burstCount: 1 } }),
      ),
    ).toEqual(['A burst is at least 2 tickets.']);
    expect(ruleConfigSchema.safeParse({ ...anomaly, minLevel: 'ai' }).success).toBe(false);
  });
});

describe('category policy', () => {
  const base = defaultRoutingPolicy.categories.shipping;

  it('refuses a post-hoc sample of nothing', () => {
    expect(messages(categoryPolicySchema.safeParse({ ...base, sampleRate: 0 }))).toEqual([
      'A post-hoc sample of 0% reviews nothing; choose a rate above 0.',
    ]);
  });

  it('bounds thresholds, rates and gates', () => {
    expect(categoryPolicySchema.safeParse({ ...base, confidenceThreshold: -0.1 }).success).toBe(
      false,
    );
    expect(categoryPolicySchema.safeParse({ ...base, sampleRate: 1.1 }).success).toBe(false);
    expect(categoryPolicySchema.safeParse({ ...base, gateTimeoutMinutes: 0 }).success).toBe(false);
    expect(
      messages(categoryPolicySchema.safeParse({ ...base, gateTimeoutMinutes: 7 * 24 * 60 + 1 })),
    ).toEqual(['A gate can wait at most 7 days.']);
    expect(categoryPolicySchema.safeParse({ ...base, gateTimeoutMinutes: null }).success).toBe(
      true,
    );
  });

  it('is required for every category', () => {
    const { legal: _legal, ...rest } = defaultRoutingPolicy.categories;
    expect(
      routingPolicySchema.safeParse({ ...defaultRoutingPolicy, categories: rest }).success,
    ).toBe(false);
  });
});

describe('the ladder', () => {
  it('lists every level once, lowest first', () => {
    expect(messages(ladderSchema.safeParse([...defaultLadder].reverse()))).toEqual([
      'The ladder must list ai, l1, l2, manager, executive once each, in that order.',
    ]);
    expect(ladderSchema.safeParse(defaultLadder.slice(0, 4)).success).toBe(false);
  });

  it('gives the AI no decisions', () => {
    const ladder = defaultLadder.map((l) =>
      l.level === 'ai' ? { ...l, actions: ['approve' as const] } : l,
    );
    expect(messages(ladderSchema.safeParse(ladder))).toEqual([
      'The AI makes no decisions; a person does.',
    ]);
  });

  it('never shrinks a refund limit on the way up', () => {
    const ladder = defaultLadder.map((l) =>
      l.level === 'manager' ? { ...l, refundLimit: 400 } : l,
    );
    expect(messages(ladderSchema.safeParse(ladder))).toEqual([
      'A level’s refund limit cannot be lower than the level below it.',
    ]);
    const unlimitedBelow = defaultLadder.map((l) =>
      l.level === 'manager'
        ? { ...l, refundLimit: null }
        : l.level === 'executive'
          ? { ...l, refundLimit: 10_000 }
          : l,
    );
    expect(ladderSchema.safeParse(unlimitedBelow).success).toBe(false);
  });
});

describe('accessors', () => {
  it('find a rule and a level, and say so when they are missing', () => {
    expect(ruleConfig(defaultRulesTable, 'high_value').params.lifetimeValueLimit).toBe(10_000);
    expect(() => ruleConfig({ version: 1, rules: [] }, 'anomaly')).toThrow('no rule "anomaly"');
    expect(authorityOf(defaultLadder, 'manager').refundLimit).toBe(5000);
    expect(() => authorityOf([], 'l1')).toThrow('no level "l1"');
  });
});
