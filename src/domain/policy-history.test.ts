import { describe, expect, it } from 'vitest';
import { type PolicyChange, policyChangeSchema } from '../api/policy-change-schemas';
import type { RoutingPolicy } from '../api/routing-policy-schemas';
import { defaultRoutingPolicy, ruleConfig } from './default-policy';
import {
  applyPolicyChange,
  currentPolicy,
  describeChange,
  PolicyChangeError,
  previewPolicy,
  rollback,
} from './policy-history';

const femi = { type: 'person', id: 'u-femi', name: 'Femi Adeyemi' } as const;
const dana = { type: 'person', id: 'u-dana', name: 'Dana Levi' } as const;
const t0 = Date.UTC(2025, 2, 1, 9);
const minutes = (n: number) => t0 + n * 60_000;

function errorOf(run: () => unknown): PolicyChangeError {
  try {
    run();
  } catch (error) {
    if (error instanceof PolicyChangeError) return error;
    throw error;
  }
  throw new Error('Expected a PolicyChangeError.');
}

/** Three edits by two people, as the history a lead would see. */
function history(): PolicyChange[] {
  const changes: PolicyChange[] = [];
  let policy: RoutingPolicy = defaultRoutingPolicy;
  const edit = (
    ...args: Parameters<typeof applyPolicyChange> extends [unknown, ...infer R] ? R : never
  ) => {
    const { policy: next, change } = applyPolicyChange(policy, ...args);
    changes.push(change);
    policy = next;
  };
  edit(
    { categories: { shipping: { confidenceThreshold: 0.9 } } },
    femi,
    'Too many shipping misses',
    minutes(1),
  );
  edit(
    { rules: [{ id: 'policy_keyword', params: { keywords: ['lawyer', 'ombudsman'] } }] },
    dana,
    'Legal asked for ombudsman',
    minutes(2),
  );
  edit(
    { categories: { billing: { pattern: 'post_hoc_sample', sampleRate: 0.1 } } },
    femi,
    'Billing is stable now',
    minutes(3),
  );
  return changes;
}

describe('applyPolicyChange', () => {
  it('records who, when, why, and the whole policy before and after', () => {
    const { policy, change } = applyPolicyChange(
      defaultRoutingPolicy,
      { categories: { shipping: { confidenceThreshold: 0.9 } } },
      femi,
      '  Too many confident-but-wrong shipping replies  ',
      minutes(5),
    );
    expect(policy.version).toBe(2);
    expect(policy.categories.shipping.confidenceThreshold).toBe(0.9);
    expect(policy.categories.billing).toEqual(defaultRoutingPolicy.categories.billing);
    expect(policy.updatedAt).toBe('2025-03-01T09:05:00.000Z');
    expect(policy.updatedBy).toEqual(femi);
    expect(change).toEqual({
      id: 'policy-v2',
      at: '2025-03-01T09:05:00.000Z',
      by: femi,
      reason: 'Too many confident-but-wrong shipping replies',
      kind: 'edit',
      before: defaultRoutingPolicy,
      after: policy,
      rollbackOf: null,
      undoes: [],
    });
    expect(policyChangeSchema.parse(change)).toEqual(change);
  });

  it('bumps the rules table and only the rules that changed', () => {
    const { policy } = applyPolicyChange(
      defaultRoutingPolicy,
      { rules: [{ id: 'anomaly', params: { burstCount: 5 } }] },
      femi,
      'Bursts of 3 were noise',
      minutes(1),
    );
    expect(policy.rules.version).toBe(2);
    const anomaly = ruleConfig(policy.rules, 'anomaly');
    expect(anomaly.version).toBe(2);
    // Params merge key by key: the other anomaly limits are untouched.
    expect(anomaly.params).toEqual({
      ...ruleConfig(defaultRoutingPolicy.rules, 'anomaly').params,
      burstCount: 5,
    });
    expect(ruleConfig(policy.rules, 'low_confidence').version).toBe(1);
  });

  it('leaves the rules table version alone when only categories change', () => {
    const { policy } = applyPolicyChange(
      defaultRoutingPolicy,
      { categories: { legal: { gateTimeoutMinutes: 600 } } },
      femi,
      'Legal wants a gate',
      minutes(1),
    );
    expect(policy.rules).toEqual(defaultRoutingPolicy.rules);
  });

  it('refuses an edit that changes nothing', () => {
    const error = errorOf(() =>
      applyPolicyChange(
        defaultRoutingPolicy,
        { categories: { shipping: { confidenceThreshold: 0.85 } } },
        femi,
        'No-op edit',
        minutes(1),
      ),
    );
    expect(error.message).toBe('The change leaves the policy as it is.');
  });

  it('requires a reason', () => {
    const error = errorOf(() =>
      applyPolicyChange(
        defaultRoutingPolicy,
        { categories: { shipping: { sampleRate: 0.2 } } },
        femi,
        ' ok ',
        minutes(1),
      ),
    );
    expect(error.errors).toEqual([
      { pointer: '/reason', message: 'Say why the policy changes (at least 5 characters).' },
    ]);
  });

  it('refuses values out of range, pointing at the field', () => {
    const error = errorOf(() =>
      applyPolicyChange(
        defaultRoutingPolicy,
        { categories: { shipping: { confidenceThreshold: 1.5 } } },
        femi,
        'Typo in the threshold',
        minutes(1),
      ),
    );
    expect(error.errors[0]?.pointer).toBe('/patch/categories/shipping/confidenceThreshold');
  });

  it('refuses a combination that is only wrong once merged', () => {
    const error = errorOf(() =>
      applyPolicyChange(
        defaultRoutingPolicy,
        { categories: { billing: { pattern: 'post_hoc_sample' } } },
        femi,
        'Sample billing after the fact',
        minutes(1),
      ),
    );
    expect(error.errors).toEqual([
      {
        pointer: '/policy/categories/billing/sampleRate',
        message: 'A post-hoc sample of 0% reviews nothing; choose a rate above 0.',
      },
    ]);
  });

  it('refuses to switch off task failure', () => {
    const error = errorOf(() =>
      applyPolicyChange(
        defaultRoutingPolicy,
        // @ts-expect-error the contract's types refuse it too
        { rules: [{ id: 'task_failure', enabled: false }] },
        femi,
        'Silence failures',
        minutes(1),
      ),
    );
    expect(error.errors[0]?.pointer).toBe('/patch/rules/0/enabled');
  });

  it('previews exactly what saving produces, minus the record', () => {
    const patch = { categories: { technical: { sampleRate: 0.2 } } };
    const preview = previewPolicy(defaultRoutingPolicy, patch);
    const saved = applyPolicyChange(
      defaultRoutingPolicy,
      patch,
      femi,
      'More technical samples',
      minutes(1),
    ).policy;
    expect({ ...preview, updatedAt: null, updatedBy: null }).toEqual({
      ...saved,
      updatedAt: null,
      updatedBy: null,
    });
    expect(previewPolicy(defaultRoutingPolicy, {})).toBe(defaultRoutingPolicy);
  });
});

describe('rollback', () => {
  it('restores the policy as it was before the change, as a new version', () => {
    const changes = history();
    const latest = currentPolicy(changes, defaultRoutingPolicy);
    expect(latest.version).toBe(4);
    const { policy, change } = rollback(
      changes,
      'policy-v4',
      dana,
      'Billing samples missed a bad refund',
      minutes(10),
    );
    expect(policy.version).toBe(5);
    expect(policy.categories).toEqual(changes[2]?.before.categories);
    expect(policy.rules).toEqual(latest.rules);
    expect(change).toMatchObject({
      id: 'policy-v5',
      kind: 'rollback',
      rollbackOf: 'policy-v4',
      undoes: ['policy-v4'],
      by: dana,
      reason: 'Billing samples missed a bad refund',
      before: latest,
      after: policy,
    });
  });

  it('undoes later changes too, and says which', () => {
    const changes = history();
    const { policy, change } = rollback(
      changes,
      'policy-v2',
      femi,
      'Back to the defaults',
      minutes(10),
    );
    expect(change.undoes).toEqual(['policy-v2', 'policy-v3', 'policy-v4']);
    expect(policy.categories).toEqual(defaultRoutingPolicy.categories);
    expect(ruleConfig(policy.rules, 'policy_keyword').params).toEqual(
      ruleConfig(defaultRoutingPolicy.rules, 'policy_keyword').params,
    );
  });

  it('never reuses a rule version: restored settings get a new one', () => {
    const changes = history();
    const { policy } = rollback(
      changes,
      'policy-v3',
      femi,
      'Keep the old keyword list',
      minutes(10),
    );
    // v1 had the default keywords, v2 added "ombudsman"; restoring v1's settings makes v3.
    expect(ruleConfig(policy.rules, 'policy_keyword').version).toBe(3);
    expect(policy.rules.version).toBe(3);
  });

  it('can itself be rolled back', () => {
    const changes = history();
    const undone = rollback(changes, 'policy-v4', femi, 'Undo billing sampling', minutes(10));
    const all = [...changes, undone.change];
    const redone = rollback(all, 'policy-v5', femi, 'Billing sampling was fine', minutes(11));
    expect(redone.policy.categories).toEqual(changes[2]?.after.categories);
    expect(redone.policy.version).toBe(6);
  });

  it('refuses an unknown change and a rollback that changes nothing', () => {
    expect(
      errorOf(() => rollback(history(), 'policy-v9', femi, 'Who knows', minutes(10))).message,
    ).toBe('There is no policy change "policy-v9" to roll back.');
    const changes = history();
    const undone = rollback(changes, 'policy-v4', femi, 'Undo billing sampling', minutes(10));
    const all = [...changes, undone.change];
    expect(
      errorOf(() => rollback(all, 'policy-v4', femi, 'Undo it again', minutes(11))).message,
    ).toBe('The change leaves the policy as it is.');
  });
});

describe('describeChange', () => {
  it('says in words what each change did', () => {
    const changes = history();
    expect(changes.map((c) => describeChange(c.before, c.after))).toEqual([
      ['Shipping: confidence threshold 85% → 90%'],
      [
        'Policy keyword rule (v1 → v2): keywords + "ombudsman", − "legal action", − "attorney", − "sue", − "chargeback", − "GDPR", − "data protection", − "court"',
      ],
      [
        'Billing: oversight pattern exception based → post hoc sample',
        'Billing: post-hoc sample rate 0% → 10%',
      ],
    ]);
  });

  it('describes rule switches, responses, levels and gates', () => {
    const { policy } = applyPolicyChange(
      defaultRoutingPolicy,
      {
        categories: { legal: { gateTimeoutMinutes: 240, gateDefault: 'reject' } },
        rules: [
          { id: 'anomaly', enabled: false },
          { id: 'high_value', response: 'hard_stop', minLevel: 'manager' },
        ],
      },
      femi,
      'Quarterly review',
      minutes(1),
    );
    expect(describeChange(defaultRoutingPolicy, policy)).toEqual([
      'Legal: gate timeout none → 240 min',
      'Legal: gate default hold and escalate → reject',
      'High-value customer rule (v1 → v2): response require approval → hard stop; level L2 Specialist → Manager',
      'Anomaly rule (v1 → v2): switched off',
    ]);
  });
});
