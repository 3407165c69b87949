import { describe, expect, it } from 'vitest';
import { calm, ticket } from '../../tests/kits/tickets';
import type { Ticket } from '../api/handoff-schemas';
import { ruleFlagSchema } from '../api/handoff-schemas';
import type { RuleConfig, RulesTable } from '../api/rules-schemas';
import { defaultRulesTable } from './default-policy';
import { type AiOutput, defaultFlagPolicy, evaluateFlags, flagRuleInfo } from './flags';
import { burstSize, evaluateRules, flagPolicyFromRules } from './rules';

const option = (id: string) => ({ id, label: id, rationale: 'Because.', draft: 'Hi' });

/** The default table with one rule changed. */
function withRule<R extends RuleConfig['id']>(
  id: R,
  change: (rule: Extract<RuleConfig, { id: R }>) => Extract<RuleConfig, { id: R }>,
): RulesTable {
  return {
    ...defaultRulesTable,
    rules: defaultRulesTable.rules.map((r) =>
      r.id === id ? change(r as Extract<RuleConfig, { id: R }>) : r,
    ),
  };
}

const rulesOf = (
  t: Ticket,
  ai: AiOutput = calm,
  table: RulesTable = defaultRulesTable,
  times?: string[],
) => evaluateRules(t, ai, table, { customerTicketTimes: times }).map((f) => f.rule);

describe('the default rules table', () => {
  it('carries exactly the matcher’s default parameters', () => {
    expect(flagPolicyFromRules(defaultRulesTable)).toEqual(defaultFlagPolicy);
  });

  it('asks of people what the escalation matrix asks', () => {
    for (const rule of defaultRulesTable.rules) {
      expect(rule.humanAction).toBe(flagRuleInfo[rule.id].humanAction);
    }
  });

  it('gives the matcher’s flags, each stamped with its rule version and response', () => {
    const t = ticket({
      body: 'My lawyer will call. GDPR!',
      language: 'de',
      attachments: 5,
      customer: { tier: 'enterprise' },
    });
    const ai: AiOutput = {
      confidence: 0.3,
      options: [option('a'), option('b')],
      diagnosis: 'Timed out',
    };
    const plain = evaluateFlags(t, ai);
    const ruled = evaluateRules(t, ai, defaultRulesTable);
    expect(ruled).toHaveLength(6);
    expect(ruled.map(({ ruleVersion: _v, response: _r, ...flag }) => flag)).toEqual(plain);
    expect(Object.fromEntries(ruled.map((f) => [f.rule, f.response]))).toEqual({
      policy_keyword: 'hard_stop',
      task_failure: 'report_with_diagnosis',
      low_confidence: 'flag_for_review',
      multiple_options: 'present_choices',
      high_value: 'require_approval',
      anomaly: 'flag_for_review',
    });
    for (const f of ruled) {
      expect(f.ruleVersion).toBe(1);
      expect(ruleFlagSchema.parse(f)).toEqual(f);
    }
  });
});

describe('each rule follows the table', () => {
  it('low confidence: its threshold', () => {
    const table = withRule('low_confidence', (r) => ({ ...r, params: { threshold: 0.95 } }));
    expect(rulesOf(ticket(), calm)).toEqual([]);
    expect(rulesOf(ticket(), calm, table)).toEqual(['low_confidence']);
  });

  it('policy keyword: its keyword list, evidence included', () => {
    const table = withRule('policy_keyword', (r) => ({
      ...r,
      params: { keywords: ['ombudsman'] },
    }));
    const body = 'I am writing to the ombudsman about this.';
    const [flag] = evaluateRules(ticket({ body }), calm, table);
    expect(flag).toMatchObject({ rule: 'policy_keyword', hardStop: true });
    expect(flag?.evidence.map((s) => body.slice(s.start, s.end))).toEqual(['ombudsman']);
    expect(rulesOf(ticket({ body: 'My lawyer says hi.' }), calm, table)).toEqual([]);
  });

  it('multiple options: more than one option', () => {
    expect(rulesOf(ticket(), { ...calm, options: [option('a'), option('b')] })).toEqual([
      'multiple_options',
    ]);
    expect(rulesOf(ticket(), { ...calm, options: [option('a')] })).toEqual([]);
  });

  it('task failure: a diagnosis', () => {
    expect(rulesOf(ticket(), { ...calm, diagnosis: 'Order service down' })).toEqual([
      'task_failure',
    ]);
  });

  it('high value: its tiers and lifetime value limit', () => {
    const table = withRule('high_value', (r) => ({
      ...r,
      params: { tiers: ['plus'], lifetimeValueLimit: 1000 },
    }));
    expect(rulesOf(ticket({ customer: { tier: 'plus' } }), calm, table)).toEqual(['high_value']);
    expect(rulesOf(ticket({ customer: { lifetimeValue: 1000 } }), calm, table)).toEqual([
      'high_value',
    ]);
    expect(rulesOf(ticket({ customer: { tier: 'enterprise' } }), calm, table)).toEqual([]);
  });

  it('anomaly: its length, attachment and language limits', () => {
    const table = withRule('anomaly', (r) => ({
      ...r,
      params: {
        ...r.params,
        maxBodyLength: 20,
        maxAttachments: 0,
        expectedLanguages: ['en', 'de'],
      },
    }));
    expect(rulesOf(ticket({ body: 'x'.repeat(21) }), calm, table)).toEqual(['anomaly']);
    expect(rulesOf(ticket({ body: 'short', attachments: 1 }), calm, table)).toEqual(['anomaly']);
    expect(rulesOf(ticket({ body: 'short', language: 'de-AT' }), calm, table)).toEqual([]);
  });

  it('any rule but task failure can be switched off', () => {
    const off = withRule('policy_keyword', (r) => ({ ...r, enabled: false }));
    expect(rulesOf(ticket({ body: 'My lawyer will call.' }), calm, off)).toEqual([]);
    const noAnomaly = withRule('anomaly', (r) => ({ ...r, enabled: false }));
    expect(rulesOf(ticket({ language: 'fr' }), calm, noAnomaly)).toEqual([]);
  });

  it('a rule’s response decides whether it is a hard stop, and how severe it reads', () => {
    const strict = withRule('anomaly', (r) => ({ ...r, response: 'hard_stop' }));
    expect(evaluateRules(ticket({ language: 'fr' }), calm, strict)[0]).toMatchObject({
      rule: 'anomaly',
      hardStop: true,
      severity: 'critical',
      response: 'hard_stop',
    });
    const lenient = withRule('policy_keyword', (r) => ({ ...r, response: 'flag_for_review' }));
    expect(evaluateRules(ticket({ body: 'Chargeback!' }), calm, lenient)[0]).toMatchObject({
      rule: 'policy_keyword',
      hardStop: false,
      severity: 'warning',
    });
  });

  it('uses the table’s human action and rule version', () => {
    const table = withRule('low_confidence', (r) => ({
      ...r,
      version: 4,
      humanAction: 'Check the order facts',
    }));
    expect(evaluateRules(ticket(), { ...calm, confidence: 0.2 }, table)[0]).toMatchObject({
      rule: 'low_confidence',
      ruleVersion: 4,
      humanAction: 'Check the order facts',
    });
  });
});

describe('burst from one customer', () => {
  const at = (minutes: number) => new Date(Date.UTC(2025, 2, 1, 10, minutes)).toISOString();
  const t = ticket({ receivedAt: at(0) });
  const params = { burstCount: 3, burstWindowMinutes: 60 };

  it('counts this ticket and the customer’s others inside the window', () => {
    expect(burstSize(t, [at(-10), at(-50)], params)).toBe(3);
    expect(burstSize(t, [at(-10)], params)).toBeNull();
    expect(burstSize(t, [at(-10), at(-61)], params)).toBeNull();
    expect(burstSize(t, [at(-60), at(-1)], params)).toBe(3);
  });

  it('ignores tickets that arrived later, so a replay gives the flags of the time', () => {
    expect(burstSize(t, [at(-10), at(5)], params)).toBeNull();
  });

  it('raises an anomaly saying how many messages in how long', () => {
    const [flag] = evaluateRules(t, calm, defaultRulesTable, {
      customerTicketTimes: [at(-5), at(-20), at(-40)],
    });
    expect(flag).toMatchObject({ rule: 'anomaly', severity: 'info' });
    expect(flag?.message).toBe(
      'Unusual input: it is message 4 from this customer within 60 minutes.',
    );
  });

  it('adds the burst to an anomaly the ticket already has', () => {
    const [flag] = evaluateRules({ ...t, language: 'es' }, calm, defaultRulesTable, {
      customerTicketTimes: [at(-5), at(-20)],
    });
    expect(flag?.message).toBe(
      'Unusual input: it is written in "es" (expected en); it is message 3 from this customer within 60 minutes.',
    );
  });
});
