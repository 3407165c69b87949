import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Category, FlagRule } from '../api/handoff-schemas';
import {
  amountRange,
  draftSignature,
  estimatedJaccard,
  type Groupable,
  groupSimilar,
  normalizeDraft,
  type ProposedAction,
} from './similarity';

const refundDraft = (name: string, order: number, amount: string) =>
  `Hi ${name},\n\nOrder #${order} is within our 14-day price protection, so I've refunded the difference of $${amount} to your card. You'll see it on your statement in 3-5 business days.\n\nBest regards,\nThe Lumen Support Team`;

const resetDraft = (name: string) =>
  `Hi ${name},\n\nI'm sorry you've been locked out. I've sent a recovery link to your email. Open it on your new phone and you'll be asked to confirm two recent orders; after that you can set up the authenticator again.\n\nBest regards,\nThe Lumen Support Team`;

let n = 0;
function item(
  text: string,
  {
    category = 'billing',
    flags = [],
    action = { kind: 'refund', amount: 10, currency: 'USD' },
  }: { category?: Category; flags?: FlagRule[]; action?: ProposedAction } = {},
): Groupable {
  n += 1;
  return { id: `h-${n}`, category, flags, action, signature: draftSignature(text) };
}

describe('draft similarity', () => {
  it('masks what a template fills in: the name, amounts and references', () => {
    expect(normalizeDraft(refundDraft('Owen', 71343, '17.80'))).toEqual(
      normalizeDraft(refundDraft('Leila Haddad', 5, '1,240.00')),
    );
    expect(normalizeDraft('Hi Owen, trace TR-921345 is open.')).toEqual([
      'hi',
      '<name>',
      'trace',
      '<n>',
      'is',
      'open',
    ]);
  });

  it('scores drafts from one template 1, a rewritten sentence high, a different reply low', () => {
    const a = draftSignature(refundDraft('Owen', 1, '17.80'));
    expect(estimatedJaccard(a, draftSignature(refundDraft('Mateo', 2, '99.00')))).toBe(1);
    const edited = refundDraft('Mateo', 2, '99.00').replace(
      "You'll see it on your statement in 3-5 business days.",
      'It shows on your statement within the week.',
    );
    const editedScore = estimatedJaccard(a, draftSignature(edited));
    expect(editedScore).toBeLessThan(1);
    expect(editedScore).toBeGreaterThan(0.3);
    expect(estimatedJaccard(a, draftSignature(resetDraft('Owen')))).toBeLessThan(0.5);
  });
});

describe('groupSimilar', () => {
  it('groups same-template drafts of one category, flags and action; leaves the rest out', () => {
    const refunds = [
      item(refundDraft('Owen', 1, '17.80')),
      item(refundDraft('Mateo', 2, '25.00')),
      item(refundDraft('Rosa', 3, '40.00')),
    ];
    const resets = [
      item(resetDraft('Leila'), {
        category: 'account',
        action: { kind: 'reply', amount: null, currency: null },
      }),
      item(resetDraft('Kenji'), {
        category: 'account',
        action: { kind: 'reply', amount: null, currency: null },
      }),
    ];
    const alone = item(resetDraft('Ana'), { category: 'billing' });
    const groups = groupSimilar([
      refunds[0]!,
      resets[0]!,
      alone,
      refunds[1]!,
      resets[1]!,
      refunds[2]!,
    ]);
    expect(groups.map((g) => g.ids)).toEqual([refunds.map((r) => r.id), resets.map((r) => r.id)]);
    expect(groups[0]).toMatchObject({
      category: 'billing',
      action: 'refund',
      flags: [],
      similarity: 1,
    });
  });

  it('keeps apart the same text with other flags, another category or another kind of action', () => {
    const text = refundDraft('Owen', 1, '17.80');
    const groups = groupSimilar([
      item(text),
      item(text, { flags: ['high_value'] }),
      item(text, { category: 'shipping' }),
      item(text, { action: { kind: 'credit', amount: 10, currency: 'USD' } }),
    ]);
    expect(groups).toEqual([]);
  });

  it('treats the same flags in another order as the same flags', () => {
    const text = refundDraft('Owen', 1, '17.80');
    const groups = groupSimilar([
      item(text, { flags: ['high_value', 'low_confidence'] }),
      item(text, { flags: ['low_confidence', 'high_value'] }),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.flags).toEqual(['high_value', 'low_confidence']);
  });

  it('gives the same groups without an item nobody was compared with, minus that item', () => {
    // Drafts from a few templates with a word or two changed: groups, near-misses and loners.
    const templates = [refundDraft('Owen', 1, '17.80'), resetDraft('Leila')];
    const words = ['sorry', 'card', 'phone', 'today', 'again', 'order'];
    const anItem = fc
      .record({
        template: fc.nat(templates.length - 1),
        edits: fc.array(fc.tuple(fc.nat(40), fc.constantFrom(...words)), { maxLength: 6 }),
        category: fc.constantFrom<Category>('billing', 'account'),
      })
      .map(({ template, edits, category }) => {
        const text = templates[template]!.split(' ');
        for (const [at, word] of edits) text[at % text.length] = word;
        return item(text.join(' '), { category });
      });
    fc.assert(
      fc.property(fc.array(anItem, { minLength: 2, maxLength: 40 }), fc.nat(), (items, pick) => {
        const consulted = new Set<string>();
        const groups = groupSimilar(items, { consulted });
        const free = items.filter((it) => !consulted.has(it.id));
        if (free.length === 0) return;
        const gone = free[pick % free.length]!.id;
        const patched = groups
          .map((g) => ({ ...g, ids: g.ids.filter((id) => id !== gone) }))
          .filter((g) => g.ids.length >= 2);
        const rest = groupSimilar(items.filter((it) => it.id !== gone));
        expect(rest.map((g) => g.ids).sort()).toEqual(patched.map((g) => g.ids).sort());
      }),
      { numRuns: 300 },
    );
  });

  it('says what differs: the range of amounts promised', () => {
    expect(
      amountRange([
        { kind: 'refund', amount: 25, currency: 'USD' },
        { kind: 'refund', amount: 17.8, currency: 'USD' },
        { kind: 'refund', amount: null, currency: null },
      ]),
    ).toEqual({ min: 17.8, max: 25, currency: 'USD' });
    expect(amountRange([{ kind: 'reply', amount: null, currency: null }])).toBeNull();
  });
});
