import { describe, expect, it } from 'vitest';
import type { ProposedAction } from '../../../src/api/action-schemas';
import { amountsOnItem, guardReply } from '../../../src/domain/text-guard';
import { exampleHandoff } from '../../seed/example';
import { reviseWithInstructions } from './revise';

/*
 * The reviser against #4521 (a $649.00 refund for a lost standing desk): each row is an
 * instruction a reviewer would write, what the new draft must and must not say, the actions
 * it must carry, and whether the note must report an instruction it could not follow.
 */

const { handoff } = exampleHandoff(Date.parse('2026-01-05T10:00:00Z'));
const draft = handoff.drafts.at(-1)!;
const knownAmounts = amountsOnItem(handoff);

interface Row {
  instructions: string;
  says?: RegExp[];
  never?: RegExp[];
  actions: ProposedAction[];
  notDone?: RegExp;
}

const refund649: ProposedAction = { type: 'refund', amount: 649, currency: 'USD' };

const rows: Row[] = [
  {
    instructions: 'Offer a 20% discount instead of a refund and apologise for the delay',
    says: [/20% discount \(\$129\.80\)/, /store credit/, /apologies for the delay/],
    never: [/refund/i, /\$649/],
    actions: [{ type: 'store_credit', amount: 129.8, currency: 'USD' }],
  },
  {
    instructions: 'Send a replacement instead of a refund.',
    says: [/replacement by express shipping/],
    never: [/refund/i],
    actions: [{ type: 'replacement', item: 'The order in ticket #4521' }],
  },
  {
    instructions: 'Replace the refund with store credit of $100',
    says: [/credit of \$100\.00/],
    never: [/refund/i],
    actions: [{ type: 'store_credit', amount: 100, currency: 'USD' }],
  },
  {
    instructions: "Don't mention the refund.",
    never: [/refund/i, /\$649/],
    actions: [{ type: 'reply' }],
  },
  {
    instructions: 'Remove the part about the parcel turning up',
    says: [/full refund of \$649\.00/],
    never: [/turns up/],
    actions: [refund649],
  },
  {
    instructions: 'Change the refund to $300',
    says: [/full refund of \$300\.00/],
    never: [/\$649/],
    actions: [{ type: 'refund', amount: 300, currency: 'USD' }],
  },
  {
    instructions: 'Lower the refund to 50%',
    says: [/\$324\.50/],
    never: [/\$649/],
    actions: [{ type: 'refund', amount: 324.5, currency: 'USD' }],
  },
  {
    instructions: 'Also offer free shipping on the next order',
    says: [/ships free of charge/, /\$649\.00/],
    actions: [
      refund649,
      { type: 'policy_exception', description: 'Free express shipping on the next order' },
    ],
  },
  {
    instructions: 'Mention that our support line is open on Sundays too.',
    says: [/Please note: our support line is open on Sundays too\./],
    actions: [refund649],
  },
  {
    instructions: 'Tell them that their parcel is insured',
    says: [/Please note: your parcel is insured\./],
    actions: [refund649],
  },
  {
    instructions: 'Make it shorter',
    never: [/turns up/, /ParcelCo/],
    says: [/Hi Sarah/, /full refund of \$649\.00/, /Best regards/],
    actions: [refund649],
  },
  {
    instructions: 'More formal please',
    says: [/^Dear Sarah Mitchell,/, /Yours sincerely,/, /I have issued/],
    never: [/I've/],
    actions: [refund649],
  },
  {
    instructions: 'Warmer tone, she is a loyal customer',
    says: [/Thanks so much/, /Warm wishes,/],
    actions: [refund649],
  },
  {
    instructions: 'Apologise',
    says: [/Please accept our apologies/],
    actions: [refund649],
  },
  {
    instructions: 'Add the tracking status',
    says: [/tracking number is LM\d{10}/],
    actions: [refund649],
  },
  {
    instructions: 'Make it sound like a pirate',
    says: [/full refund of \$649\.00/],
    actions: [refund649],
    notDone: /Not done: “Make it sound like a pirate”/,
  },
  {
    instructions: "Don't mention the loyalty programme, and make it shorter",
    actions: [refund649],
    notDone: /does not mention “the loyalty programme”/,
  },
];

describe('reviseWithInstructions', () => {
  it.each(rows)('$instructions', (row) => {
    const revision = reviseWithInstructions({
      text: draft.text,
      actions: draft.actions,
      instructions: row.instructions,
      ticket: handoff.ticket,
      knownAmounts,
    });
    for (const pattern of row.says ?? []) expect(revision.text).toMatch(pattern);
    for (const pattern of row.never ?? []) expect(revision.text).not.toMatch(pattern);
    expect(revision.actions).toEqual(row.actions);
    // The text and the actions agree, so the reviewer can approve what the note describes.
    expect(guardReply(revision.text, revision.actions, { knownAmounts })).toEqual([]);
    if (row.notDone) expect(revision.note).toMatch(row.notDone);
    else expect(revision.note).not.toMatch(/Not done/);
    expect(revision.note).toContain(row.instructions.replace(/[.!]+$/, ''));
  });

  it('keeps the greeting and the sign-off, and gives the same draft for the same instructions', () => {
    const input = {
      text: draft.text,
      actions: draft.actions,
      instructions: 'Offer a 20% discount instead of a refund',
      ticket: handoff.ticket,
      knownAmounts,
    };
    const once = reviseWithInstructions(input);
    expect(reviseWithInstructions(input)).toEqual(once);
    expect(once.text).toMatch(/^Hi Sarah,/);
    expect(once.text).toMatch(/The Lumen Support Team$/);
  });

  it('says a percentage it cannot price instead of inventing an amount', () => {
    const revision = reviseWithInstructions({
      text: 'Hi Sam,\n\nThanks for writing in.\n\nBest regards,\nSupport',
      actions: [{ type: 'reply' }],
      instructions: 'Offer a 10% discount',
      ticket: handoff.ticket,
    });
    expect(revision.actions).toEqual([{ type: 'reply' }]);
    expect(revision.note).toMatch(/Not done: .*order's value is unknown/);
  });
});
