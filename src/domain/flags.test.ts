import { describe, expect, it } from 'vitest';
import { calm, ticket } from '../../tests/kits/tickets';
import { flagSchema, type Ticket } from '../api/handoff-schemas';
import {
  type AiOutput,
  defaultFlagPolicy,
  evaluateFlags,
  type FlagPolicy,
  flagRuleInfo,
} from './flags';

const option = (id: string) => ({
  id,
  label: `Option ${id}`,
  rationale: 'Because.',
  draft: 'Hi Lena, ...',
});

function rules(t: Ticket, ai: AiOutput = calm, policy?: FlagPolicy) {
  return evaluateFlags(t, ai, policy).map((f) => f.rule);
}

function only(t: Ticket, ai: AiOutput = calm) {
  const flags = evaluateFlags(t, ai);
  expect(flags).toHaveLength(1);
  const [first] = flags;
  if (!first) throw new Error('unreachable');
  return first;
}

describe('evaluateFlags', () => {
  it('raises nothing for an ordinary, confident request', () => {
    expect(evaluateFlags(ticket(), calm)).toEqual([]);
  });

  describe('low confidence', () => {
    it('flags confidence below the threshold, stating both numbers', () => {
      const f = only(ticket(), { ...calm, confidence: 0.62 });
      expect(f).toMatchObject({
        rule: 'low_confidence',
        severity: 'warning',
        hardStop: false,
        evidence: [],
      });
      expect(f.message).toContain('62%');
      expect(f.message).toContain('70%');
      expect(f.humanAction).toBe('Verify before sending');
    });

    it('does not flag confidence exactly at the threshold', () => {
      expect(rules(ticket(), { ...calm, confidence: 0.7 })).toEqual([]);
    });

    it('does not print a misleading rounded figure just under the threshold', () => {
      expect(only(ticket(), { ...calm, confidence: 0.695 }).message).toContain('69.5%');
    });

    it('follows a policy threshold', () => {
      const policy = { ...defaultFlagPolicy, lowConfidenceBelow: 0.95 };
      expect(rules(ticket(), calm, policy)).toEqual(['low_confidence']);
    });
  });

  describe('policy keyword', () => {
    it('is a critical hard stop whose evidence points at the exact keyword text', () => {
      const body =
        'The parcel is three weeks late. I will take legal action if I do not hear back.';
      const f = only(ticket({ body }));
      expect(f).toMatchObject({ rule: 'policy_keyword', severity: 'critical', hardStop: true });
      expect(f.humanAction).toBe('Human must decide');
      expect(f.evidence).toHaveLength(1);
      const [span] = f.evidence;
      expect(span?.field).toBe('body');
      expect(body.slice(span?.start, span?.end)).toBe('legal action');
      expect(f.message).toContain('"legal action"');
    });

    it('matches case-insensitively and keeps the customer’s casing in the span', () => {
      const body = 'My LAWYER says gdpr applies. Your Lawyer can call mine.';
      const f = only(ticket({ body }));
      const texts = f.evidence.map((s) => body.slice(s.start, s.end));
      expect(texts).toEqual(['LAWYER', 'gdpr', 'Lawyer']);
      expect(f.message).toContain('"lawyer"');
      expect(f.message).toContain('"GDPR"');
    });

    it('reports every occurrence in both subject and body, subject first', () => {
      const subject = 'Chargeback warning';
      const body = 'If this is not fixed I will file a chargeback. Yes, a chargeback.';
      const f = only(ticket({ subject, body }));
      expect(f.evidence.map((s) => s.field)).toEqual(['subject', 'body', 'body']);
      for (const s of f.evidence) {
        expect((s.field === 'subject' ? subject : body).slice(s.start, s.end).toLowerCase()).toBe(
          'chargeback',
        );
      }
      const starts = f.evidence.filter((s) => s.field === 'body').map((s) => s.start);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    });

    it('matches whole words only', () => {
      const body =
        'This issue was pursued and I was sued before; the courtesy call was courteous. Attorneys-at-law.';
      expect(rules(ticket({ body }))).toEqual([]);
    });

    it('matches at the very start and end of a field and next to punctuation', () => {
      const body = 'Sue? I might. Talk to my attorney.';
      const f = only(ticket({ body }));
      expect(f.evidence.map((s) => body.slice(s.start, s.end))).toEqual(['Sue', 'attorney']);
    });

    it('matches a phrase across a line break or double space', () => {
      const body = 'I will take legal\naction, and data  protection law is on my side.';
      const f = only(ticket({ body }));
      expect(f.evidence.map((s) => body.slice(s.start, s.end))).toEqual([
        'legal\naction',
        'data  protection',
      ]);
    });

    it('keeps offsets exact after characters whose case folding changes length', () => {
      const body = 'İİİ Straße — then a lawyer.';
      const [span] = only(ticket({ body })).evidence;
      expect(body.slice(span?.start, span?.end)).toBe('lawyer');
    });

    it('ignores empty and duplicate keywords in a policy', () => {
      const policy = { ...defaultFlagPolicy, policyKeywords: ['', '  ', 'refund', 'Refund'] };
      const f = evaluateFlags(ticket({ body: 'I want a refund.' }), calm, policy);
      expect(f).toHaveLength(1);
      expect(f[0]?.evidence).toHaveLength(1);
    });

    it('treats keyword punctuation literally', () => {
      const policy = { ...defaultFlagPolicy, policyKeywords: ['a.b'] };
      expect(rules(ticket({ body: 'axb' }), calm, policy)).toEqual([]);
      expect(rules(ticket({ body: 'see a.b now' }), calm, policy)).toEqual(['policy_keyword']);
    });
  });

  describe('multiple options', () => {
    it('flags more than one option, asking the reviewer to select one', () => {
      const f = only(ticket(), { ...calm, options: [option('a'), option('b')] });
      expect(f).toMatchObject({ rule: 'multiple_options', severity: 'warning', hardStop: false });
      expect(f.message).toContain('2');
      expect(f.humanAction).toBe('Select one');
    });

    it('does not flag a single option', () => {
      expect(rules(ticket(), { ...calm, options: [option('a')] })).toEqual([]);
    });
  });

  describe('task failure', () => {
    it('is critical and carries the diagnosis', () => {
      const diagnosis =
        'Order service timed out after 3 retries; last good step: classified as shipping delay';
      const f = only(ticket(), { ...calm, diagnosis });
      expect(f).toMatchObject({ rule: 'task_failure', severity: 'critical', hardStop: false });
      expect(f.message).toContain(diagnosis);
      expect(f.humanAction).toBe('Troubleshoot from the diagnosis');
    });
  });

  describe('high value', () => {
    it('flags a high-value tier and names it', () => {
      const f = only(ticket({ customer: { tier: 'enterprise' } }));
      expect(f).toMatchObject({ rule: 'high_value', severity: 'warning', hardStop: false });
      expect(f.message).toContain('Enterprise');
    });

    it('flags lifetime value at or above the limit and names the value', () => {
      const f = only(ticket({ customer: { lifetimeValue: 10_000 } }));
      expect(f.message).toContain('$10,000');
      expect(rules(ticket({ customer: { lifetimeValue: 9_999 } }))).toEqual([]);
    });

    it('names both reasons when both apply', () => {
      const f = only(ticket({ customer: { tier: 'enterprise', lifetimeValue: 48_250 } }));
      expect(f.message).toContain('Enterprise');
      expect(f.message).toContain('$48,250');
    });
  });

  describe('anomaly', () => {
    it('flags a body longer than usual as info', () => {
      const f = only(ticket({ body: 'x '.repeat(2001) }));
      expect(f).toMatchObject({
        rule: 'anomaly',
        severity: 'info',
        hardStop: false,
        humanAction: 'Look closer',
      });
      expect(f.message).toContain('4,002 characters');
    });

    it('flags too many attachments', () => {
      expect(only(ticket({ attachments: 4 })).message).toContain('4 attachments');
      expect(rules(ticket({ attachments: 3 }))).toEqual([]);
    });

    it('flags an unexpected language but accepts regional variants of an expected one', () => {
      expect(only(ticket({ language: 'de' })).message).toContain('"de"');
      expect(rules(ticket({ language: 'en-GB' }))).toEqual([]);
    });

    it('names every reason in one flag', () => {
      const f = only(ticket({ language: 'es', attachments: 7 }));
      expect(f.message).toContain('7 attachments');
      expect(f.message).toContain('"es"');
    });
  });

  describe('ordering', () => {
    it('puts critical first, then warning, then info, keeping the matrix order within a severity', () => {
      const t = ticket({
        body: 'My lawyer will be in touch.',
        language: 'de',
        customer: { tier: 'enterprise' },
      });
      const ai: AiOutput = {
        confidence: 0.4,
        options: [option('a'), option('b')],
        diagnosis: 'Order service down',
      };
      const flags = evaluateFlags(t, ai);
      expect(flags.map((f) => f.rule)).toEqual([
        'policy_keyword',
        'task_failure',
        'low_confidence',
        'multiple_options',
        'high_value',
        'anomaly',
      ]);
      expect(flags.map((f) => f.severity)).toEqual([
        'critical',
        'critical',
        'warning',
        'warning',
        'warning',
        'info',
      ]);
    });

    it('marks only the policy keyword as a hard stop', () => {
      const t = ticket({
        body: 'Chargeback.',
        language: 'fr',
        customer: { lifetimeValue: 50_000 },
      });
      const flags = evaluateFlags(t, {
        confidence: 0.1,
        options: [option('a'), option('b')],
        diagnosis: 'x',
      });
      expect(flags.filter((f) => f.hardStop).map((f) => f.rule)).toEqual(['policy_keyword']);
    });
  });

  it('produces flags that satisfy the contract, with humanAction from the rule table', () => {
    const t = ticket({ body: 'GDPR request', attachments: 9, customer: { tier: 'enterprise' } });
    const flags = evaluateFlags(t, {
      confidence: 0.2,
      options: [option('a'), option('b')],
      diagnosis: 'Timed out',
    });
    expect(flags).toHaveLength(6);
    for (const f of flags) {
      expect(flagSchema.parse(f)).toEqual(f);
      expect(f.humanAction).toBe(flagRuleInfo[f.rule].humanAction);
    }
  });
});

describe('flagRuleInfo', () => {
  it('describes the seed escalation matrix', () => {
    expect(flagRuleInfo.low_confidence).toEqual({
      label: 'Low confidence',
      response: 'Flag for review',
      humanAction: 'Verify before sending',
    });
    expect(flagRuleInfo.policy_keyword).toMatchObject({
      response: 'Hard stop',
      humanAction: 'Human must decide',
    });
    expect(flagRuleInfo.multiple_options).toMatchObject({
      response: 'Present choices',
      humanAction: 'Select one',
    });
    expect(flagRuleInfo.task_failure).toMatchObject({
      response: 'Report with diagnosis',
      humanAction: 'Troubleshoot from the diagnosis',
    });
    expect(flagRuleInfo.high_value).toMatchObject({
      response: 'Require approval',
      humanAction: 'Approve at the required level',
    });
    expect(flagRuleInfo.anomaly.humanAction).toBe('Look closer');
  });
});
