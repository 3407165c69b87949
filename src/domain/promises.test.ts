import { describe, expect, it } from 'vitest';
import { exampleHandoff } from '../../mocks/seed/example';
import { generateWorld } from '../../mocks/seed/generate';
import { parseAmount } from './money-text';
import { detectCommitments } from './promises';

/** The commitments as [kind, amount, currency, the draft text they point at]. */
function found(draft: string, orderValue?: number) {
  return detectCommitments(draft, { orderValue }).map((c) => {
    expect(draft.slice(c.evidence.start, c.evidence.end)).toBe(c.text);
    return [c.kind, c.amount, c.currency, c.text] as const;
  });
}

describe('parseAmount', () => {
  it.each([
    ['649', 649],
    ['649.00', 649],
    ['20.5', 20.5],
    ['1,234.50', 1234.5],
    ['1.234,50', 1234.5],
    ['1,234', 1234],
    ['1.234', 1234],
    ['12,50', 12.5],
    ['1,234,567.89', 1234567.89],
  ])('reads %s as %d', (text, value) => {
    expect(parseAmount(text)).toBe(value);
  });

  it('refuses a number whose separators contradict each other', () => {
    expect(parseAmount('1.234.56')).toBeNull();
    expect(parseAmount('abc')).toBeNull();
  });
});

describe('detectCommitments', () => {
  it('finds a refund with its amount and points at the exact promise', () => {
    const draft =
      "I've issued a full refund of $649.00 to your original payment method; you'll see it within 3-5 business days.";
    const [c] = detectCommitments(draft);
    expect(c).toEqual({
      kind: 'refund',
      amount: 649,
      currency: 'USD',
      text: 'refund of $649.00',
      evidence: { start: 19, end: 36 },
    });
  });

  it('reads dollars, USD, euros and pounds written either way round', () => {
    expect(found("I'll refund you 649 USD.")).toEqual([
      ['refund', 649, 'USD', 'refund you 649 USD'],
    ]);
    expect(found("I've added a €20 credit to your account.")).toEqual([
      ['credit', 20, 'EUR', '€20 credit'],
    ]);
    expect(found('Wir haben Ihnen 1.234,50 € erstattet.')).toEqual([
      ['refund', 1234.5, 'EUR', '1.234,50 € erstattet'],
    ]);
    expect(found("I've refunded £15 to your card.")).toEqual([
      ['refund', 15, 'GBP', 'refunded £15'],
    ]);
    expect(found("I've refunded $1,250 to your card.")).toEqual([
      ['refund', 1250, 'USD', 'refunded $1,250'],
    ]);
  });

  it('prices a percentage credit from the order value when it is known', () => {
    const draft = "I've added a 20% credit to your account.";
    expect(found(draft, 649)).toEqual([['credit', 129.8, 'USD', '20% credit']]);
    expect(found(draft)).toEqual([['credit', null, null, '20% credit']]);
  });

  it('prefers a stated amount over a percentage', () => {
    const draft = "I've also added a 20% credit ($129.80) to your account for the trouble.";
    expect(found(draft, 1000)).toEqual([['credit', 129.8, 'USD', '20% credit ($129.80']]);
  });

  it('prices a full refund from the order value, and leaves it unpriced otherwise', () => {
    const draft = "If you'd still prefer a full refund instead, just reply and I'll arrange it.";
    expect(found(draft, 649)).toEqual([['refund', 649, 'USD', 'refund']]);
    expect(found(draft)).toEqual([['refund', null, null, 'refund']]);
  });

  it('keeps two promises in one sentence apart, each with its own amount', () => {
    const draft =
      "I can refund the $12.00 difference, or add $13.20 in store credit if you'd prefer; just let me know.";
    expect(found(draft)).toEqual([
      ['refund', 12, 'USD', 'refund the $12.00'],
      ['credit', 13.2, 'USD', '$13.20 in store credit'],
    ]);
  });

  it('counts the largest amount when one promise names several', () => {
    expect(found("I've refunded $20 now and $35 later.")[0]?.[1]).toBe(20);
    expect(found("I'll refund either $20 or $35 straight away.")).toEqual([
      ['refund', 20, 'USD', 'refund either $20'],
    ]);
    expect(found("I'll refund the $20 fee plus the $35 shipping today.")[0]?.[1]).toBe(35);
  });

  it('finds an exception to policy, with or without money', () => {
    expect(found("As a one-time exception, I've extended your return window.")).toEqual([
      ['policy_exception', null, null, 'exception'],
    ]);
    expect(found("I've waived the €15 restocking fee.")).toEqual([
      ['policy_exception', 15, 'EUR', 'waived the €15'],
    ]);
    expect(found("Although it's outside our 30-day return window, I'll accept it.")).toEqual([
      ['policy_exception', null, null, 'outside our 30-day return window'],
    ]);
  });

  it('does not take a refusal for a promise', () => {
    expect(found("I'm sorry, but I can't offer a refund on this order.")).toEqual([]);
    expect(found('This order is not eligible for a refund.')).toEqual([]);
    expect(found("We're unable to refund digital purchases.")).toEqual([]);
    expect(found('Unfortunately, a refund is not possible after 90 days.')).toEqual([]);
    expect(found('No refund is due here.')).toEqual([]);
  });

  it('keeps a promise whose condition is negative', () => {
    expect(found("If it doesn't arrive by Friday I'll refund you $40.")).toEqual([
      ['refund', 40, 'USD', 'refund you $40'],
    ]);
  });

  it('does not take a report of money that already moved for a promise', () => {
    const draft =
      "I understand the wait is frustrating. I've checked order #20931: we sent your refund of $89.00 to your card network 5 days ago, so it has left us.";
    expect(found(draft)).toEqual([]);
    expect(found('You were already refunded $20 last week.')).toEqual([]);
  });

  it('does not mistake a credit card or a duplicate charge for a promise', () => {
    expect(found("I've refunded $30 to your credit card.")).toEqual([
      ['refund', 30, 'USD', 'refunded $30'],
    ]);
    expect(
      found("Only one payment of $89.00 was taken; I've released the second hold for you."),
    ).toEqual([]);
  });

  it('treats a later unpriced mention as the same refund', () => {
    const draft = "I've refunded $40 to your card. You'll see the refund within 5 days.";
    expect(found(draft)).toEqual([['refund', 40, 'USD', 'refunded $40']]);
  });

  it('merges repeated words for one promise in a clause', () => {
    expect(found("I'll refund it: the refund is $20.")).toEqual([
      ['refund', 20, 'USD', 'refund is $20'],
    ]);
    expect(found("I'll refund the refund amount of $20 today.")).toEqual([
      ['refund', 20, 'USD', 'refund the refund amount of $20'],
    ]);
  });

  it('finds nothing in a reply that promises no money', () => {
    expect(found('Your parcel is on its way; tracking number 1Z999 arrives Tuesday.')).toEqual([]);
    expect(found('')).toEqual([]);
  });

  it('reads both options of the worked example #4521', () => {
    const { handoff } = exampleHandoff(Date.UTC(2025, 2, 1, 12));
    const [refundOption, creditOption] = handoff.context.options;
    expect(found(refundOption?.draft ?? '', 649)).toEqual([
      ['refund', 649, 'USD', 'refund of $649.00'],
    ]);
    // The credit option promises the credit only: no refund on the side.
    expect(found(creditOption?.draft ?? '', 649)).toEqual([
      ['credit', 129.8, 'USD', '20% credit ($129.80'],
    ]);
  });

  it('gives exact evidence on every draft of a seeded world', () => {
    const world = generateWorld({ seed: 7, count: 300, now: new Date(Date.UTC(2025, 2, 1)) });
    let withMoney = 0;
    for (const h of world.handoffs) {
      for (const draft of h.drafts) {
        const commitments = detectCommitments(draft.text);
        for (const c of commitments) {
          expect(c.evidence.start).toBeLessThan(c.evidence.end);
          expect(draft.text.slice(c.evidence.start, c.evidence.end)).toBe(c.text);
          if (c.amount !== null) expect(c.amount).toBeGreaterThan(0);
        }
        if (commitments.length > 0) withMoney += 1;
      }
      // "Refund not received" drafts report a refund that already left; they promise nothing.
      if (h.ticket.subject.startsWith('Refund not received')) {
        expect(detectCommitments(h.drafts[0]?.text ?? '')).toEqual([]);
      }
    }
    expect(withMoney).toBeGreaterThan(0);
  });
});
