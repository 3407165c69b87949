import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../src/api/handoff-schemas';
import { splitLetter } from '../seed/letter-parts';
import { reviseDraft, trackingNumberFor } from './revise';

const ticket: Ticket = {
  id: 't-4388',
  number: 4388,
  customer: {
    id: 'c-7',
    name: 'Priya Patel',
    email: 'priya.patel@example.com',
    tier: 'plus',
    lifetimeValue: 3100,
    priorComplaints: 1,
  },
  channel: 'email',
  subject: 'Order #51234 still not here',
  body: 'Hi, my Aurora smart lamp (order #51234) has not arrived.',
  category: 'shipping',
  urgency: 'normal',
  language: 'en',
  attachments: 0,
  receivedAt: '2025-06-02T09:00:00.000Z',
};

const draft = [
  'Hi Priya,',
  "I'm sorry your Aurora smart lamp hasn't arrived yet. Order #51234 left our warehouse 9 days ago with ParcelCo. The last scan was 5 days ago.",
  "I've opened a trace with ParcelCo and they will update us within 24 hours.",
  "If the parcel hasn't moved in two days, I'll send a replacement by express shipping.",
  'Best regards,\nThe Lumen Support Team',
].join('\n\n');

function parts(text: string) {
  return splitLetter(text);
}

describe('reviseDraft', () => {
  it('keeps the greeting and the sign-off whatever it is asked', () => {
    for (const instructions of [
      'Make it shorter',
      'Be friendlier',
      'Offer a refund',
      'Add tracking',
      'Mention the Sunday opening hours',
    ]) {
      const revised = parts(reviseDraft(draft, instructions, ticket));
      expect(revised.greeting).toMatch(/Priya/);
      expect(revised.signOff).toMatch(/The Lumen Support Team$/);
      expect(revised.body.length).toBeGreaterThan(0);
    }
  });

  it('shortens to the first and last paragraph of the body', () => {
    const revised = reviseDraft(draft, 'Please make it shorter and more concise.', ticket);
    const { body } = parts(revised);
    expect(body).toHaveLength(2);
    expect(body[0]).toContain("I'm sorry your Aurora smart lamp");
    expect(body[1]).toContain('send a replacement');
    expect(revised.length).toBeLessThan(draft.length);
  });

  it('shortens a two-paragraph body to each paragraph’s first sentence', () => {
    const short = [
      'Hi Priya,',
      'First point. More detail here.',
      'Second point. And more.',
      'Best regards,\nThe Lumen Support Team',
    ].join('\n\n');
    expect(parts(reviseDraft(short, 'concise please', ticket)).body).toEqual([
      'First point.',
      'Second point.',
    ]);
  });

  it('makes the reply formal: full-name greeting, an apology, a formal closing', () => {
    const revised = reviseDraft(draft, 'More formal, and apologise for the wait.', ticket);
    const { greeting, body, signOff } = parts(revised);
    expect(greeting).toBe('Dear Priya Patel,');
    expect(body[0]).toMatch(/apologies/i);
    expect(signOff).toBe('Yours sincerely,\nThe Lumen Support Team');
  });

  it('makes the reply warmer', () => {
    const { body, signOff } = parts(
      reviseDraft(draft, 'Warmer tone please, this is a loyal customer.', ticket),
    );
    expect(body[0]).toMatch(/thanks so much/i);
    expect(signOff).toBe('Warm wishes,\nThe Lumen Support Team');
  });

  it('offers a refund with the amount from the instructions', () => {
    const revised = reviseDraft(draft, 'Offer a refund of $25 as a goodwill gesture.', ticket);
    expect(parts(revised).body.at(-1)).toMatch(/refund \$25 to your original payment method/);
  });

  it('offers a percentage discount with a code derived from the ticket', () => {
    const revised = reviseDraft(draft, 'Offer a 15% discount on their next order.', ticket);
    expect(revised).toContain('a 15% discount on your next order');
    expect(revised).toContain('THANKS4388');
  });

  it('offers a credit without an amount when none is given', () => {
    expect(reviseDraft(draft, 'give them store credit', ticket)).toMatch(
      /added a credit to your account/,
    );
  });

  it('adds a tracking sentence with a number derived from the ticket', () => {
    const revised = reviseDraft(draft, 'Add the tracking status so they can follow it.', ticket);
    const number = trackingNumberFor(ticket);
    expect(number).toMatch(/^LM\d{10}$/);
    expect(parts(revised).body.at(-1)).toContain(number);
    expect(trackingNumberFor({ ...ticket, number: 4389 })).not.toBe(number);
  });

  it('gives a case-status sentence for tickets that are not about a parcel', () => {
    const revised = reviseDraft(draft, 'Include the status of the case', {
      ...ticket,
      category: 'account',
    });
    expect(revised).toContain('case #4388');
  });

  it('applies several instructions at once', () => {
    const revised = reviseDraft(draft, 'Shorter, more polite, and offer a $10 credit.', ticket);
    const { greeting, body } = parts(revised);
    expect(greeting).toBe('Dear Priya Patel,');
    expect(body[0]).toMatch(/apologies/i);
    expect(body.at(-1)).toMatch(/credit of \$10/);
    expect(body).toHaveLength(4);
  });

  it('turns any other instruction into a sentence to the customer', () => {
    const revised = reviseDraft(
      draft,
      'Mention that our support line is open on Sundays too.',
      ticket,
    );
    expect(parts(revised).body.at(-1)).toBe(
      'Please note: our support line is open on Sundays too.',
    );
    const other = reviseDraft(draft, 'The replacement ships from the Lisbon warehouse', ticket);
    expect(parts(other).body.at(-1)).toBe(
      'As requested: The replacement ships from the Lisbon warehouse.',
    );
  });

  it('speaks to the customer, not about them', () => {
    const revised = reviseDraft(draft, 'Tell them that their parcel is insured', ticket);
    expect(parts(revised).body.at(-1)).toBe('Please note: your parcel is insured.');
  });

  it('is deterministic and does not repeat itself when asked twice', () => {
    const once = reviseDraft(draft, 'More formal please', ticket);
    expect(reviseDraft(draft, 'More formal please', ticket)).toBe(once);
    const twice = reviseDraft(once, 'More formal please', ticket);
    expect(twice.match(/apologies/g)).toHaveLength(1);
  });

  it('leaves a draft without greeting or sign-off without inventing them', () => {
    const bare = 'Your order ships today.';
    expect(reviseDraft(bare, 'Add tracking', ticket)).toMatch(
      /^Your order ships today\.\n\nYour parcel's tracking number is LM/,
    );
  });

  it('recognises the sign-offs of drafts in other languages', () => {
    const german = [
      'Hallo Jonas,',
      'Die Korrektur kommt mit dem nächsten Update.',
      'Viele Grüße\nIhr Lumen-Support-Team',
    ].join('\n\n');
    const { signOff } = parts(reviseDraft(german, 'Add tracking', { ...ticket, language: 'de' }));
    expect(signOff).toBe('Viele Grüße\nIhr Lumen-Support-Team');
  });
});
