import { describe, expect, it } from 'vitest';
import { generateWorld } from '../../mocks/seed/generate';
import { createRandom, type Random } from '../../mocks/seed/random';
import type { Commitment } from '../api/commitment-schemas';
import {
  type Category,
  categorySchema,
  type FlagRule,
  flagRuleSchema,
} from '../api/handoff-schemas';
import type { PolicyPatch } from '../api/policy-change-schemas';
import type {
  CategoryPolicy,
  OversightPattern,
  RoutingPolicy,
} from '../api/routing-policy-schemas';
import type { RuleConfig } from '../api/rules-schemas';
import {
  type RouteDecision,
  type TrafficItem,
  type TrafficOutcome,
  whatIfResultSchema,
} from '../api/what-if-schemas';
import { defaultLadder } from './default-ladder';
import { defaultRoutingPolicy } from './default-policy';
import { applyPolicyChange, previewPolicy } from './policy-history';
import { bandOf, firedRules, routeItem, whatIf } from './routing';
import { trafficItemFromHandoff } from './traffic';

/* ---------- fixtures ---------- */

/** The default policy with shipping set up for the test: 85% threshold, 10% sample, 60 min gate. */
function shipping(overrides: Partial<CategoryPolicy> = {}): RoutingPolicy {
  return withCategory('shipping', {
    confidenceThreshold: 0.85,
    pattern: 'exception_based',
    sampleRate: 0.1,
    gateTimeoutMinutes: 60,
    gateDefault: 'approve',
    ...overrides,
  });
}

function withCategory(category: Category, policy: CategoryPolicy): RoutingPolicy {
  return {
    ...defaultRoutingPolicy,
    categories: { ...defaultRoutingPolicy.categories, [category]: policy },
  };
}

function withRule(policy: RoutingPolicy, id: FlagRule, change: Partial<RuleConfig>): RoutingPolicy {
  return {
    ...policy,
    rules: {
      ...policy.rules,
      rules: policy.rules.rules.map((r) => (r.id === id ? ({ ...r, ...change } as RuleConfig) : r)),
    },
  };
}

const refund = (amount: number | null): Commitment => ({
  kind: 'refund',
  amount,
  currency: amount === null ? null : 'USD',
  text: 'refund',
  evidence: { start: 0, end: 6 },
});

const flags = (...rules: FlagRule[]) => rules.map((rule) => ({ rule }));

/* ---------- the decision table ---------- */

interface Row {
  name: string;
  pattern: OversightPattern;
  confidence: number;
  flags?: FlagRule[];
  commitments?: Commitment[];
  random01?: number;
  category?: Category;
  policy?: Partial<CategoryPolicy>;
  route: RouteDecision['route'];
  level: RouteDecision['level'];
  reason: RegExp;
  gate?: RouteDecision['gate'];
}

const approveGate = { timeoutMinutes: 60, defaultAction: 'approve' } as const;
const safeGate = { timeoutMinutes: 60, defaultAction: 'hold_and_escalate' } as const;

const table: Row[] = [
  // Exception-based: confident and unflagged goes out; anything else is an exception.
  {
    name: 'exception-based, confident, unflagged',
    pattern: 'exception_based',
    confidence: 0.9,
    route: 'auto_approve',
    level: 'ai',
    reason: /at or above the shipping threshold of 85% and no rule fired/,
    gate: null,
  },
  {
    name: 'exception-based, exactly at the threshold',
    pattern: 'exception_based',
    confidence: 0.85,
    route: 'auto_approve',
    level: 'ai',
    reason: /no rule fired/,
  },
  {
    name: 'exception-based, just below the threshold',
    pattern: 'exception_based',
    confidence: 0.849,
    route: 'human_review',
    level: 'l1',
    reason: /Confidence 84.9% is below the shipping threshold of 85%/,
    gate: approveGate,
  },
  {
    name: 'exception-based, anomaly flagged',
    pattern: 'exception_based',
    confidence: 0.95,
    flags: ['anomaly'],
    route: 'human_review',
    level: 'l1',
    reason: /Anomaly \(rule v1\): flagged for review/,
    gate: approveGate,
  },
  {
    name: 'exception-based, low-confidence rule above a lower threshold',
    pattern: 'exception_based',
    confidence: 0.6,
    policy: { confidenceThreshold: 0.5 },
    route: 'human_review',
    level: 'l1',
    reason: /Low confidence \(rule v1\)/,
  },
  // Post-hoc sample: confident goes out; sampled by the draw, or always when flagged.
  {
    name: 'post-hoc, drawn into the sample',
    pattern: 'post_hoc_sample',
    confidence: 0.9,
    random01: 0.05,
    route: 'auto_approve_sampled',
    level: 'ai',
    reason: /drawn for the 10% post-hoc sample/,
    gate: null,
  },
  {
    name: 'post-hoc, draw exactly at the rate is not sampled',
    pattern: 'post_hoc_sample',
    confidence: 0.9,
    random01: 0.1,
    route: 'auto_approve',
    level: 'ai',
    reason: /post-hoc sample not drawn/,
  },
  {
    name: 'post-hoc, flagged for review is always sampled',
    pattern: 'post_hoc_sample',
    confidence: 0.9,
    flags: ['anomaly'],
    random01: 0.99,
    route: 'auto_approve_sampled',
    level: 'ai',
    reason: /always sampled for post-hoc review because it was flagged/,
  },
  {
    name: 'post-hoc, below the threshold',
    pattern: 'post_hoc_sample',
    confidence: 0.8,
    random01: 0.01,
    route: 'human_review',
    level: 'l1',
    reason: /below the shipping threshold/,
  },
  {
    name: 'post-hoc, a stale low-confidence flag on a confident item',
    pattern: 'post_hoc_sample',
    confidence: 0.99,
    flags: ['low_confidence'],
    random01: 0.5,
    route: 'auto_approve',
    level: 'ai',
    reason: /not drawn/,
  },
  // Patterns where a person sees every draft.
  {
    name: 'checkpoint approval, however confident',
    pattern: 'checkpoint_approval',
    confidence: 0.99,
    route: 'human_review',
    level: 'l1',
    reason: /Checkpoint approval: a person approves every shipping draft/,
    gate: approveGate,
  },
  {
    name: 'pre-flight, however confident',
    pattern: 'pre_flight',
    confidence: 0.99,
    route: 'human_review',
    level: 'l1',
    reason: /Pre-flight approval/,
  },
  {
    name: 'checkpoint approval without a gate',
    pattern: 'checkpoint_approval',
    confidence: 0.99,
    policy: { gateTimeoutMinutes: null },
    route: 'human_review',
    level: 'l1',
    reason: /Checkpoint/,
    gate: null,
  },
  // Rules that always need a person, at the right level, with the safe gate default.
  {
    name: 'policy keyword: hard stop at L2',
    pattern: 'post_hoc_sample',
    confidence: 0.99,
    flags: ['policy_keyword'],
    route: 'human_review',
    level: 'l2',
    reason: /Policy keyword \(rule v1\): hard stop, a person must decide/,
    gate: safeGate,
  },
  {
    name: 'task failure: a person troubleshoots',
    pattern: 'exception_based',
    confidence: 0.99,
    flags: ['task_failure'],
    route: 'human_review',
    level: 'l1',
    reason: /Task failure \(rule v1\): the AI could not finish/,
    gate: safeGate,
  },
  {
    name: 'high value: approval at L2',
    pattern: 'post_hoc_sample',
    confidence: 0.99,
    flags: ['high_value'],
    route: 'human_review',
    level: 'l2',
    reason: /High-value customer \(rule v1\): requires approval at L2 Specialist or above/,
    gate: safeGate,
  },
  {
    name: 'multiple options: a person chooses',
    pattern: 'exception_based',
    confidence: 0.99,
    flags: ['multiple_options'],
    route: 'human_review',
    level: 'l1',
    reason: /Multiple valid options \(rule v1\): a person must choose/,
    gate: safeGate,
  },
  {
    name: 'a reject default is kept for mandatory items',
    pattern: 'exception_based',
    confidence: 0.99,
    flags: ['task_failure'],
    policy: { gateDefault: 'reject' },
    route: 'human_review',
    level: 'l1',
    reason: /Task failure/,
    gate: { timeoutMinutes: 60, defaultAction: 'reject' },
  },
  // Stakes: what the draft commits to, approved where authority covers it.
  {
    name: 'a $50 refund needs L1',
    pattern: 'post_hoc_sample',
    confidence: 0.99,
    commitments: [refund(50)],
    route: 'human_review',
    level: 'l1',
    reason: /The draft promises a refund of \$50.00; approval needs L1 Support or above/,
    gate: safeGate,
  },
  {
    name: 'a $649 refund needs a manager',
    pattern: 'exception_based',
    confidence: 0.99,
    commitments: [refund(649)],
    route: 'human_review',
    level: 'manager',
    reason: /refund of \$649.00; approval needs Manager/,
  },
  {
    name: 'an unpriced refund needs someone with refund authority',
    pattern: 'exception_based',
    confidence: 0.99,
    commitments: [refund(null)],
    route: 'human_review',
    level: 'l1',
    reason: /a refund \(amount not stated\)/,
  },
  {
    name: 'the highest level wins: anomaly at L1, $649 at Manager',
    pattern: 'exception_based',
    confidence: 0.99,
    flags: ['anomaly', 'high_value'],
    commitments: [refund(649)],
    route: 'human_review',
    level: 'manager',
    reason: /High-value customer/,
  },
  // Category: the AI has no authority in legal matters, whatever the pattern says.
  {
    name: 'legal, even exception-based and confident',
    category: 'legal',
    pattern: 'exception_based',
    confidence: 0.99,
    route: 'human_review',
    level: 'l2',
    reason: /Legal items are outside the AI's authority; they need L2 Specialist or above/,
    gate: safeGate,
  },
];

describe('routeItem: the decision table', () => {
  it.each(table)('$name → $route at $level', (row) => {
    const category = row.category ?? 'shipping';
    const policy = withCategory(category, {
      ...shipping().categories.shipping,
      pattern: row.pattern,
      ...row.policy,
    });
    const decision = routeItem(
      {
        category,
        confidence: row.confidence,
        flags: flags(...(row.flags ?? [])),
        commitments: row.commitments ?? [],
        random01: row.random01 ?? 0.5,
      },
      policy,
      { ladder: defaultLadder },
    );
    expect(decision.route).toBe(row.route);
    expect(decision.level).toBe(row.level);
    expect(decision.reasons.join(' ')).toMatch(row.reason);
    if (row.gate !== undefined) expect(decision.gate).toEqual(row.gate);
    if (row.route !== 'human_review') expect(decision.gate).toBeNull();
  });

  it('gives every reason when several apply', () => {
    const decision = routeItem(
      {
        category: 'shipping',
        confidence: 0.99,
        flags: flags('policy_keyword', 'high_value'),
        commitments: [refund(120)],
        random01: 0.5,
      },
      shipping(),
      { ladder: defaultLadder },
    );
    expect(decision.reasons).toEqual([
      'Policy keyword (rule v1): hard stop, a person must decide.',
      'High-value customer (rule v1): requires approval at L2 Specialist or above.',
      'The draft promises a refund of $120.00; approval needs L2 Specialist or above.',
    ]);
  });

  it('names both the category and the stakes when the stakes need more', () => {
    const decision = routeItem(
      { category: 'legal', confidence: 0.99, flags: [], commitments: [refund(649)], random01: 0.5 },
      defaultRoutingPolicy,
      { ladder: defaultLadder },
    );
    expect(decision).toMatchObject({ route: 'human_review', level: 'manager' });
    expect(decision.reasons).toEqual([
      "Legal items are outside the AI's authority; they need L2 Specialist or above.",
      'The draft promises a refund of $649.00; approval needs Manager or above.',
    ]);
  });

  it('sends a choice to the least level that may approve one of its options, and says which', () => {
    const credit: Commitment = { ...refund(129.8), kind: 'credit', text: 'credit' };
    const input = {
      category: 'shipping' as const,
      confidence: 0.85,
      flags: flags('policy_keyword', 'multiple_options'),
      // The first draft is the refund option: alone it would need a manager.
      commitments: [refund(649)],
      choices: [[refund(649)], [credit]],
      random01: 0.5,
    };
    const decision = routeItem(input, shipping(), { ladder: defaultLadder });
    expect(decision).toMatchObject({ route: 'human_review', level: 'l2' });
    expect(decision.reasons).toContain(
      'The option that asks least promises a credit of $129.80; approval needs L2 Specialist or above.',
    );
    // Both options beyond L2: the cheaper one still needs a manager.
    expect(
      routeItem({ ...input, choices: [[refund(649)], [refund(900)]] }, shipping(), {
        ladder: defaultLadder,
      }).level,
    ).toBe('manager');
  });

  it('weighs the draft, not the options, when the AI could send it without a person', () => {
    const input = {
      category: 'shipping' as const,
      confidence: 0.99,
      flags: [],
      commitments: [refund(649)],
      choices: [[refund(649)], []],
      random01: 0.5,
    };
    // No rule makes a person decide, so the stakes of what auto-approval would send count.
    expect(routeItem(input, shipping(), { ladder: defaultLadder })).toMatchObject({
      route: 'human_review',
      level: 'manager',
    });
  });

  it('takes a rule’s response and level from the policy, not from when the flag was raised', () => {
    const relaxed = withRule(shipping({ pattern: 'post_hoc_sample' }), 'high_value', {
      response: 'flag_for_review',
    });
    const input = {
      category: 'shipping' as const,
      confidence: 0.99,
      flags: flags('high_value'),
      commitments: [],
      random01: 0.99,
    };
    expect(routeItem(input, relaxed, { ladder: defaultLadder }).route).toBe('auto_approve_sampled');
    const strict = withRule(shipping(), 'anomaly', { response: 'hard_stop', minLevel: 'manager' });
    expect(
      routeItem({ ...input, flags: flags('anomaly') }, strict, { ladder: defaultLadder }),
    ).toMatchObject({
      route: 'human_review',
      level: 'manager',
    });
  });

  it('ignores flags of switched-off rules', () => {
    const off = withRule(shipping(), 'policy_keyword', { enabled: false });
    const input = {
      category: 'shipping' as const,
      confidence: 0.99,
      flags: flags('policy_keyword'),
      commitments: [],
      random01: 0.5,
    };
    expect(routeItem(input, off, { ladder: defaultLadder }).route).toBe('auto_approve');
  });

  it('uses a custom ladder when given one', () => {
    const input = {
      category: 'billing' as const,
      confidence: 0.99,
      flags: [],
      commitments: [refund(20)],
      random01: 0.5,
    };
    const policy = withCategory('billing', { ...shipping().categories.shipping });
    expect(routeItem(input, policy, { ladder: defaultLadder }).route).toBe('human_review');
    // A lead lets the AI send refunds up to $25 on its own.
    const ladder = defaultLadder.map((l) => (l.level === 'ai' ? { ...l, refundLimit: 25 } : l));
    expect(routeItem(input, policy, { ladder }).route).toBe('auto_approve');
  });
});

describe('firedRules', () => {
  it('lists the rules that fire under the policy, in the matrix’s order', () => {
    expect(
      firedRules(
        { confidence: 0.5, flags: flags('anomaly', 'policy_keyword') },
        defaultRoutingPolicy,
      ).map((f) => f.rule),
    ).toEqual(['low_confidence', 'policy_keyword', 'anomaly']);
  });

  it('re-derives low confidence from the policy’s threshold', () => {
    const strict = withRule(defaultRoutingPolicy, 'low_confidence', {
      params: { threshold: 0.95 },
    } as Partial<RuleConfig>);
    expect(firedRules({ confidence: 0.9, flags: [] }, strict).map((f) => f.rule)).toEqual([
      'low_confidence',
    ]);
    expect(
      firedRules({ confidence: 0.9, flags: flags('low_confidence') }, defaultRoutingPolicy),
    ).toEqual([]);
  });
});

describe('bandOf', () => {
  it('places a review rate against the 10–15% band', () => {
    expect(bandOf(null)).toBeNull();
    expect(bandOf(0.0999)).toBe('below');
    expect(bandOf(0.1)).toBe('within');
    expect(bandOf(0.15)).toBe('within');
    expect(bandOf(0.1501)).toBe('above');
  });
});

/* ---------- the what-if ---------- */

function item(id: string, overrides: Partial<TrafficItem> = {}): TrafficItem {
  return {
    id,
    category: 'shipping',
    confidence: 0.9,
    flags: [],
    commitments: [],
    outcome: null,
    random01: 0.5,
    ...overrides,
  };
}

describe('whatIf', () => {
  const baseline = shipping({ pattern: 'checkpoint_approval' });
  const candidate = shipping({ pattern: 'exception_based', confidenceThreshold: 0.85 });
  const traffic: TrafficItem[] = [
    item('a', { confidence: 0.95, outcome: 'approved_unedited' }),
    item('b', { confidence: 0.92, outcome: 'edited' }),
    item('c', { confidence: 0.91, outcome: 'rejected' }),
    item('d', { confidence: 0.9, outcome: 'escalated' }),
    item('e', { confidence: 0.8, outcome: 'edited' }),
    item('f', { confidence: 0.99, outcome: null }),
    item('g', { confidence: 0.97, commitments: [refund(30)], outcome: 'approved_unedited' }),
    item('h', { category: 'legal', confidence: 0.99, outcome: 'approved_unedited' }),
  ];

  it('counts review, auto-approval and samples, overall and per category', () => {
    const result = whatIf(traffic, candidate, { baseline, ladder: defaultLadder });
    expect(result.overall).toEqual({
      total: 8,
      humanReview: 3,
      autoApproved: 5,
      sampled: 0,
      reviewRate: 3 / 8,
      band: 'above',
    });
    expect(result.baselineOverall).toMatchObject({ total: 8, humanReview: 8, reviewRate: 1 });
    expect(result.perCategory.shipping).toMatchObject({ total: 7, humanReview: 2 });
    expect(result.perCategory.legal).toMatchObject({ total: 1, humanReview: 1, reviewRate: 1 });
    expect(result.perCategory.billing).toEqual({
      total: 0,
      humanReview: 0,
      autoApproved: 0,
      sampled: 0,
      reviewRate: null,
      band: null,
    });
  });

  it('lists what newly skips review, and what a person had to fix among it', () => {
    const result = whatIf(traffic, candidate, { baseline, ladder: defaultLadder });
    expect(result.newlySkipping.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd', 'f']);
    expect(result.newlySkipping[1]).toEqual({
      id: 'b',
      category: 'shipping',
      confidence: 0.92,
      baselineRoute: 'human_review',
      route: 'auto_approve',
      outcome: 'edited',
    });
    expect(result.confidentButWrong.map((r) => [r.id, r.outcome])).toEqual([
      ['b', 'edited'],
      ['c', 'rejected'],
    ]);
    expect(result.newlyReviewed).toEqual([]);
    const back = whatIf(traffic, baseline, { baseline: candidate, ladder: defaultLadder });
    expect(back.newlyReviewed.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd', 'f']);
    expect(back.newlySkipping).toEqual([]);
  });

  it('satisfies the contract', () => {
    const result = whatIf(traffic, candidate, { baseline, ladder: defaultLadder });
    expect(whatIfResultSchema.parse(result)).toEqual(result);
    expect(result.targetBand).toEqual({ low: 0.1, high: 0.15 });
  });

  it('finds nothing new when the candidate is the baseline', () => {
    const result = whatIf(traffic, candidate, { baseline: candidate, ladder: defaultLadder });
    expect(result.newlySkipping).toEqual([]);
    expect(result.newlyReviewed).toEqual([]);
    expect(result.overall).toEqual(result.baselineOverall);
  });

  it('handles no traffic at all', () => {
    const result = whatIf([], candidate, { baseline, ladder: defaultLadder });
    expect(result.overall).toMatchObject({ total: 0, reviewRate: null, band: null });
  });
});

/* ---------- property: the what-if is what the policy does ---------- */

const outcomes: (TrafficOutcome | null)[] = [
  null,
  'approved_unedited',
  'edited',
  'rejected',
  'escalated',
];
const patterns: OversightPattern[] = [
  'pre_flight',
  'checkpoint_approval',
  'post_hoc_sample',
  'exception_based',
];

function randomItem(rng: Random, i: number): TrafficItem {
  const fired = flagRuleSchema.options.filter(() => rng.chance(0.12));
  const commitments = rng.chance(0.2)
    ? [refund(rng.chance(0.1) ? null : Math.round(rng.float(1, 8000) * 100) / 100)]
    : [];
  return {
    id: `t-${i}`,
    category: rng.pick(categorySchema.options),
    confidence: Math.round(rng.float(0.3, 1) * 1000) / 1000,
    flags: fired.map((rule) => ({
      rule,
      severity: 'warning',
      hardStop: false,
      message: rule,
      humanAction: rule,
      evidence: [],
      ruleVersion: 1,
      response: 'flag_for_review' as const,
    })),
    commitments,
    outcome: rng.pick(outcomes),
    random01: rng.next(),
  };
}

function randomPatch(rng: Random): PolicyPatch {
  const categories: NonNullable<PolicyPatch['categories']> = {};
  for (const category of categorySchema.options) {
    if (!rng.chance(0.6)) continue;
    const pattern = rng.pick(patterns);
    categories[category] = {
      pattern,
      confidenceThreshold: Math.round(rng.float(0.5, 0.99) * 100) / 100,
      sampleRate: Math.round(rng.float(0.01, 0.4) * 100) / 100,
      gateTimeoutMinutes: rng.chance(0.3) ? null : rng.int(5, 600),
      gateDefault: rng.pick(['approve', 'reject', 'hold_and_escalate'] as const),
    };
  }
  const rules: NonNullable<PolicyPatch['rules']> = [];
  if (rng.chance(0.5)) rules.push({ id: 'anomaly', enabled: rng.chance(0.5) });
  if (rng.chance(0.5)) {
    rules.push({
      id: 'low_confidence',
      params: { threshold: Math.round(rng.float(0.4, 0.9) * 100) / 100 },
    });
  }
  if (rng.chance(0.3)) rules.push({ id: 'high_value', response: 'flag_for_review' });
  if (rng.chance(0.3)) rules.push({ id: 'policy_keyword', minLevel: 'manager' });
  return { categories, rules };
}

const lead = { type: 'person', id: 'u-femi', name: 'Femi Adeyemi' } as const;

describe('whatIf property: its verdicts are what the saved policy then does', () => {
  // 30,000 routings: seconds on a quiet machine, longer when CI shares its cores.
  it('holds for 60 random policy edits over 500 random items each', { timeout: 60_000 }, () => {
    const rng = createRandom(20250301);
    const traffic = Array.from({ length: 500 }, (_, i) => randomItem(rng, i));
    let policy = defaultRoutingPolicy;
    let checked = 0;
    for (let round = 0; round < 60; round += 1) {
      const patch = randomPatch(rng);
      const candidate = previewPolicy(policy, patch);
      const result = whatIf(traffic, candidate, { baseline: policy, ladder: defaultLadder });
      if (candidate === policy) continue;
      const saved = applyPolicyChange(
        policy,
        patch,
        lead,
        'Tuning thresholds',
        round * 1000,
      ).policy;

      traffic.forEach((it, i) => {
        const live = routeItem(it, saved, { ladder: defaultLadder });
        expect(result.verdicts[i]).toEqual({ id: it.id, route: live.route, level: live.level });
        const before = routeItem(it, policy, { ladder: defaultLadder }).route;
        const skips = before === 'human_review' && live.route !== 'human_review';
        expect(result.newlySkipping.some((r) => r.id === it.id)).toBe(skips);
        const wrong = skips && (it.outcome === 'edited' || it.outcome === 'rejected');
        expect(result.confidentButWrong.some((r) => r.id === it.id)).toBe(wrong);
        checked += 1;
      });

      const sum = (key: 'total' | 'humanReview' | 'autoApproved' | 'sampled') =>
        Object.values(result.perCategory).reduce((n, s) => n + s[key], 0);
      expect(sum('total')).toBe(traffic.length);
      expect(sum('humanReview')).toBe(result.overall.humanReview);
      expect(sum('autoApproved')).toBe(result.overall.autoApproved);
      expect(sum('sampled')).toBe(result.overall.sampled);
      expect(
        result.overall.humanReview + result.overall.autoApproved + result.overall.sampled,
      ).toBe(traffic.length);
      policy = saved;
    }
    expect(checked).toBeGreaterThan(10_000);
  });

  it('never sends more items past people when every threshold rises', () => {
    const rng = createRandom(99);
    const traffic = Array.from({ length: 800 }, (_, i) => randomItem(rng, i));
    for (const pattern of patterns) {
      const at = (threshold: number) => {
        const categories = Object.fromEntries(
          categorySchema.options.map((c) => [
            c,
            {
              ...defaultRoutingPolicy.categories[c],
              pattern,
              sampleRate: 0.1,
              confidenceThreshold: threshold,
            },
          ]),
        ) as RoutingPolicy['categories'];
        return { ...defaultRoutingPolicy, categories };
      };
      for (const [low, high] of [
        [0.6, 0.7],
        [0.7, 0.85],
        [0.85, 0.95],
      ] as const) {
        for (const it of traffic) {
          if (routeItem(it, at(low), { ladder: defaultLadder }).route === 'human_review') {
            expect(routeItem(it, at(high), { ladder: defaultLadder }).route).toBe('human_review');
          }
        }
      }
    }
  });

  it('samples close to the configured rate', () => {
    const rng = createRandom(7);
    const traffic = Array.from({ length: 4000 }, (_, i) => ({
      ...randomItem(rng, i),
      category: 'technical' as const,
      confidence: 0.99,
      flags: [],
      commitments: [],
    }));
    const policy = withCategory('technical', {
      ...defaultRoutingPolicy.categories.technical,
      pattern: 'post_hoc_sample',
      sampleRate: 0.2,
    });
    const { overall } = whatIf(traffic, policy, { baseline: policy, ladder: defaultLadder });
    expect(overall.humanReview).toBe(0);
    expect(overall.sampled / overall.total).toBeGreaterThan(0.18);
    expect(overall.sampled / overall.total).toBeLessThan(0.22);
  });

  it('replays a seeded support floor deterministically', () => {
    const world = generateWorld({ seed: 4521, count: 400, now: new Date(Date.UTC(2025, 2, 1)) });
    const traffic = world.handoffs.map((h) => trafficItemFromHandoff(h));
    const looser = previewPolicy(defaultRoutingPolicy, {
      categories: {
        billing: { pattern: 'post_hoc_sample', sampleRate: 0.05, confidenceThreshold: 0.8 },
      },
    });
    const first = whatIf(traffic, looser, {
      baseline: defaultRoutingPolicy,
      ladder: defaultLadder,
    });
    const again = whatIf(
      world.handoffs.map((h) => trafficItemFromHandoff(h)),
      looser,
      { baseline: defaultRoutingPolicy, ladder: defaultLadder },
    );
    expect(again).toEqual(first);
    expect(first.overall.total).toBe(400);
    traffic.forEach((it, i) => {
      expect(first.verdicts[i]?.route).toBe(routeItem(it, looser, { ladder: defaultLadder }).route);
    });
    // Loosening billing can only move billing items past people.
    for (const row of first.newlySkipping) expect(row.category).toBe('billing');
    expect(first.newlyReviewed).toEqual([]);
  });
});
