import type { ProposedAction } from '../api/action-schemas';
import type { Level } from '../api/handoff-schemas';
import { checkActionAuthority } from './authority';
import { approvalStakes } from './decisions';
import { defaultLadder } from './default-ladder';
import { guardReply } from './text-guard';

/*
 * A reviewer may not approve a $20,000 refund below the level that may grant it, however the
 * reply words it: the guard blocks a promise the actions leave out, and authority is judged on
 * the actions and the text's readable promises, whichever is higher.
 */

const ladder = defaultLadder;

/** Whether a reviewer at `level` may approve `text` with `actions`. */
function mayApprove(level: Level, text: string, actions: ProposedAction[]) {
  if (guardReply(text, actions).length > 0) return false;
  return checkActionAuthority(
    level,
    'approve',
    { category: 'billing', ...approvalStakes(text, actions) },
    ladder,
  ).allowed;
}

const big: ProposedAction[] = [{ type: 'refund', amount: 20_000, currency: 'USD' }];
const small: ProposedAction[] = [{ type: 'refund', amount: 20, currency: 'USD' }];
const reply: ProposedAction[] = [{ type: 'reply' }];
const credit: ProposedAction[] = [{ type: 'store_credit', amount: 50, currency: 'USD' }];

/** Levels below the one whose limit covers $20,000. */
const below = ladder.filter((l) => l.refundLimit !== null && l.refundLimit < 20_000);
const able = ladder.find((l) => l.refundLimit === null || l.refundLimit >= 20_000)!;

const corpus = [
  "I've issued a refund of $20k to your card.",
  "I've issued a refund of $20K to your card.",
  'We will refund you twenty thousand dollars.',
  'We will refund you Twenty-Thousand Dollars today.',
  'A refund of 20 000 USD is on its way.',
  'A refund of 20\u202f000 USD is on its way.',
  'A refund of ＄２０，０００ is on its way.',
  'A refund of ＄２０，０００．００ is on its way.',
  "I'll refund your order in full.",
  "We're refunding the full amount of your order.",
  "I've processed a refund for you. The amount is $20,000.",
  "I've processed a refund for you. It comes to 20,000 dollars.",
  'You will be reimbursed $20,000.00 within five days.',
  "We'll give you your money back: $20,000.",
  "I've arranged to pay you back 20 grand.",
  'As compensation we are sending $20,000.',
  'We will compensate you with twenty thousand dollars.',
  'A refund of USD 20000 has been approved.',
  'A refund of US$20,000 has been approved.',
  'A refund of 20.000,00 € has been approved.',
  'A refund of €20.000 is on its way.',
  'We are refunding 20,000 bucks to you.',
  "I'll refund a few thousand dollars to make this right.",
  "I'll refund several thousand dollars to make this right.",
  'We will refund everything you paid.',
  'We will refund whatever you paid for the order.',
  "I'm issuing a complete refund of your purchase.",
  'A refund of 1.5k dollars per item, 14 items, is on its way.',
  "We'll cover the cost: $20,000.",
  'You will get a credit of $20,000 on your account.',
  'We will grant an exception and refund $20,000.',
  'I have refunded 2 0 0 0 0 dollars.',
  "We'll refund twenty thousand.",
  'Refund approved. Amount: $20,000.',
  "I'll refund it all, which is twenty-thousand dollars.",
];

describe('the text guard over reworded $20,000 refunds', () => {
  it('has a corpus of more than 30 rewordings', () => {
    expect(corpus.length).toBeGreaterThan(30);
  });

  it.each(corpus)('refuses “%s” below the level that may grant $20,000', (text) => {
    for (const level of below.map((l) => l.level)) {
      for (const actions of [reply, small, credit, big]) {
        expect({ level, actions, allowed: mayApprove(level, text, actions) }).toEqual({
          level,
          actions,
          allowed: false,
        });
      }
    }
  });

  it('blocks with a message naming the sentence', () => {
    const text = "Thanks for waiting. I've processed a refund for you. The amount is $20,000.";
    const [finding] = guardReply(text, small);
    expect(finding?.sentence).toBe('The amount is $20,000.');
    expect(finding?.message).toContain('“The amount is $20,000.”');
  });

  it('lets the level that may grant it approve the readable wordings with the matching action', () => {
    for (const text of [
      "I've issued a refund of $20k to your card.",
      'We will refund you twenty thousand dollars.',
      'A refund of 20 000 USD is on its way.',
      'A refund of ＄２０，０００ is on its way.',
      "I've processed a refund for you. The amount is $20,000.",
    ]) {
      expect(mayApprove(able.level, text, big)).toBe(true);
    }
  });

  it('passes replies that promise only what the actions cover', () => {
    expect(
      guardReply("I've issued a full refund of $649.00.", [
        { type: 'refund', amount: 649, currency: 'USD' },
      ]),
    ).toEqual([]);
    expect(guardReply('Your parcel is on its way and should arrive on Friday.', reply)).toEqual([]);
    expect(guardReply("We can't offer a refund on opened items.", reply)).toEqual([]);
    // A figure the customer stated is quoted, not promised.
    expect(
      guardReply('I can see the two payments of $89.00 you mention.', reply, {
        knownAmounts: [89],
      }),
    ).toEqual([]);
  });

  it('refuses an amount the action does not reach, and a promise no action covers', () => {
    expect(guardReply('We have refunded $120.00.', small)[0]?.message).toContain(
      'more than the proposed Refund $20.00',
    );
    expect(
      guardReply('We will waive the restocking fee as an exception.', reply)[0]?.message,
    ).toContain('no proposed action covers it');
  });
});
