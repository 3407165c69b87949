import type { Ticket } from '../../src/api/handoff-schemas';
import { joinLetter, type LetterParts, splitLetter, withClosing } from '../seed/letter-parts';

/*
 * The demo AI's answer to "redirect": no model, just rules that make each instruction
 * visibly land in the new draft, so a reviewer trying the feature sees the loop close.
 * Pure and deterministic: the same draft, instructions and ticket give the same text.
 */

const intents = {
  shorter: /\b(short(er)?|concise|brief(er)?|trim|cut|tighten)\b/i,
  formal: /\b(formal|polite|professional)|apolog/i,
  friendly: /\b(friendl(y|ier)|warm(er|th)?|kind(er)?|casual|empath)/i,
  compensation: /\b(refund|credit|discount|voucher|coupon)/i,
  tracking: /\b(track(ing)?|status)\b/i,
};

const apology = 'Please accept our sincere apologies for the inconvenience this has caused.';
const warmOpener =
  'Thanks so much for getting in touch, and for bearing with us while we sorted this out.';

export function reviseDraft(draft: string, instructions: string, ticket: Ticket): string {
  const letter = splitLetter(draft);
  let matched = false;
  const apply = (wanted: boolean, change: (l: LetterParts) => LetterParts) => {
    if (!wanted) return;
    matched = true;
    Object.assign(letter, change(letter));
  };

  // Shorten first, so sentences added for the other instructions survive the cut.
  apply(intents.shorter.test(instructions), shorten);
  apply(intents.formal.test(instructions), (l) => formal(l, ticket));
  apply(intents.friendly.test(instructions), friendly);
  apply(intents.compensation.test(instructions), (l) => addOnce(l, offer(instructions, ticket)));
  apply(intents.tracking.test(instructions), (l) => addOnce(l, trackingLine(ticket)));
  if (!matched) Object.assign(letter, addOnce(letter, paraphrase(instructions)));
  return joinLetter(letter);
}

function shorten(l: LetterParts): LetterParts {
  const { body } = l;
  if (body.length > 2) return { ...l, body: [body[0] as string, body[body.length - 1] as string] };
  // Already two paragraphs or fewer: keep each one's opening sentence.
  return { ...l, body: body.map(firstSentence) };
}

function firstSentence(paragraph: string): string {
  const match = /^.*?[.!?](?=\s|$)/s.exec(paragraph);
  return match ? match[0] : paragraph;
}

function formal(l: LetterParts, ticket: Ticket): LetterParts {
  return {
    greeting: l.greeting === null ? null : `Dear ${ticket.customer.name},`,
    body: l.body.includes(apology) ? l.body : [apology, ...l.body],
    signOff: withClosing(l.signOff, 'Yours sincerely,'),
  };
}

function friendly(l: LetterParts): LetterParts {
  return {
    greeting: l.greeting,
    body: l.body.includes(warmOpener) ? l.body : [warmOpener, ...l.body],
    signOff: withClosing(l.signOff, 'Warm wishes,'),
  };
}

function addOnce(l: LetterParts, paragraph: string): LetterParts {
  return l.body.includes(paragraph) ? l : { ...l, body: [...l.body, paragraph] };
}

const amountPattern =
  /(?:[$€£]\s?\d[\d,]*(?:\.\d+)?|\d[\d,]*(?:\.\d+)?\s?(?:%|percent\b|dollars\b|euros?\b|pounds\b|USD\b|EUR\b))/i;

function offer(instructions: string, ticket: Ticket): string {
  const kind =
    /refund|credit|discount|voucher|coupon/i.exec(instructions)?.[0].toLowerCase() ?? 'credit';
  const raw = amountPattern.exec(instructions)?.[0];
  const amount = raw?.replace(/\s?percent\b/i, '%');
  const isShare = amount?.endsWith('%') ?? false;
  switch (kind) {
    case 'refund':
      if (!amount)
        return "We will refund this order to your original payment method; you'll see it within 3-5 business days.";
      return isShare
        ? `We will refund ${amount} of the order value to your original payment method within 3-5 business days.`
        : `We will refund ${amount} to your original payment method; you'll see it within 3-5 business days.`;
    case 'credit':
      return amount
        ? `As an apology, we've added a credit of ${amount}${isShare ? ' of your order value' : ''} to your account, ready for your next order.`
        : "As an apology, we've added a credit to your account, ready for your next order.";
    default:
      return `As a thank-you for your patience, here is ${amount ? `a ${amount} discount` : 'a discount'} on your next order: use code THANKS${ticket.number} at checkout.`;
  }
}

/** A carrier-style number derived from the ticket, so the same ticket always gets the same one. */
export function trackingNumberFor(ticket: Ticket): string {
  const digits = String((ticket.number * 48271) % 2147483647).padStart(10, '0');
  return `LM${digits}`;
}

function trackingLine(ticket: Ticket): string {
  // Only a parcel has a tracking number; anything else gets the status of the case itself.
  if (ticket.category === 'shipping') {
    const number = trackingNumberFor(ticket);
    return `Your parcel's tracking number is ${number}. It is currently in transit, and you can follow every scan at lumen.example/track/${number}.`;
  }
  return `You can follow the status of case #${ticket.number} at any time at lumen.example/support/${ticket.number}; we update it at every step.`;
}

const leadIn =
  /^(?:please\s+)?(?:(?:can|could) you\s+)?(?:also\s+)?(?:mention|say|tell (?:them|the customer)|let (?:them|the customer) know|explain|note|remind (?:them|the customer))\s+(?:that\s+)?/i;

/** Turns a note to the AI into a sentence to the customer. */
function paraphrase(instructions: string): string {
  const text = instructions.trim().replace(/[.!\s]+$/, '');
  const stripped = text.replace(leadIn, '');
  if (stripped !== text && stripped !== '') {
    return `Please note: ${toCustomer(stripped)}.`;
  }
  return `As requested: ${toCustomer(text)}.`;
}

function toCustomer(text: string): string {
  return text
    .replace(/\b(the customer's|their)\b/gi, 'your')
    .replace(/\b(the customer|them|they)\b/gi, 'you');
}
