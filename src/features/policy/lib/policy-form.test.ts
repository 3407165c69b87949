import { defaultRoutingPolicy } from '../../../domain/default-policy';
import {
  draftFromPolicy,
  fieldForPointer,
  fieldKeys,
  patchFromDraft,
  validateDraft,
} from './policy-form';

const policy = defaultRoutingPolicy;

describe('the policy form', () => {
  it('turns an untouched draft into no change at all', () => {
    const result = patchFromDraft(policy, draftFromPolicy(policy));
    expect(result).toEqual({ patch: {}, ruleIds: [], errors: {}, changed: false });
  });

  it('sends only what changed, percentages as fractions and lists as lists', () => {
    const draft = draftFromPolicy(policy);
    draft.categories.shipping.confidenceThreshold = '92.5';
    draft.categories.legal.gateTimeoutMinutes = '60';
    const keywords = draft.rules.find((r) => r.id === 'policy_keyword')!;
    keywords.params.keywords = 'lawyer\nombudsman, small claims';
    const result = patchFromDraft(policy, draft);
    expect(result.patch).toEqual({
      categories: {
        shipping: { confidenceThreshold: 0.925 },
        legal: { gateTimeoutMinutes: 60 },
      },
      rules: [
        { id: 'policy_keyword', params: { keywords: ['lawyer', 'ombudsman', 'small claims'] } },
      ],
    });
    expect(result.ruleIds).toEqual(['policy_keyword']);
  });

  it('clears a gate when the timeout is emptied', () => {
    const draft = draftFromPolicy(policy);
    draft.categories.billing.gateTimeoutMinutes = ' ';
    expect(patchFromDraft(policy, draft).patch).toEqual({
      categories: { billing: { gateTimeoutMinutes: null } },
    });
  });

  it('pins errors to fields: unparsable input locally, rule breaches as the backend reports them', () => {
    const draft = draftFromPolicy(policy);
    draft.categories.shipping.sampleRate = 'five';
    expect(validateDraft(policy, draft).errors).toEqual({
      'categories.shipping.sampleRate': 'Enter a percentage from 0 to 100.',
    });

    const other = draftFromPolicy(policy);
    other.categories.billing.pattern = 'post_hoc_sample';
    expect(validateDraft(policy, other).errors['categories.billing.sampleRate']).toMatch(
      /post-hoc sample of 0%/,
    );

    const third = draftFromPolicy(policy);
    const anomaly = third.rules.find((r) => r.id === 'anomaly')!;
    anomaly.params.expectedLanguages = '';
    expect(validateDraft(policy, third).errors['rules.anomaly.params.expectedLanguages']).toMatch(
      /at least one language/,
    );
  });

  it('reads request pointers by patch index and policy pointers by table index', () => {
    const keys = fieldKeys(draftFromPolicy(policy));
    expect(fieldForPointer('/patch/rules/0/humanAction', policy, ['anomaly'], keys)).toBe(
      'rules.anomaly.humanAction',
    );
    expect(fieldForPointer('/policy/rules/rules/1/params/keywords/3', policy, [], keys)).toBe(
      'rules.policy_keyword.params.keywords',
    );
    expect(fieldForPointer('/reason', policy, [], keys)).toBe('reason');
    expect(fieldForPointer('/patch', policy, [], keys)).toBe('form');
  });
});
