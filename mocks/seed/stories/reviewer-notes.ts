/*
 * What reviewers write when they act on a handoff. The lead dashboard mines these (reject
 * reasons, redirect instructions, edits), so they must read like real corrections.
 */

export const rejectReasons = [
  "The draft promises a refund this order isn't eligible for.",
  'Wrong order referenced; the customer has two open orders.',
  'Tone is too casual for a repeat complaint.',
  "The reply doesn't answer what the customer actually asked.",
  "We can't promise a date the carrier hasn't confirmed.",
  'Customer already got this answer last week; needs a different approach.',
] as const;

const anyTicket = [
  'Make it shorter and more concise.',
  'More formal, and apologise for the wait.',
  'Offer a 15% discount on their next order.',
  'Warmer tone please, this is a loyal customer.',
  'Mention that our support line is open on Sundays too.',
  'Offer a refund of $25 as a goodwill gesture.',
];

/** Instructions a reviewer would plausibly give, by whether the ticket is about a parcel. */
export const redirectInstructions = {
  parcel: [...anyTicket, 'Add the tracking status so they can follow it.'],
  other: anyTicket,
} as const;

export const escalationNotes = [
  'Compensation above my authority; needs sign-off at the next level.',
  'Repeat complainant; a specialist should own this from here.',
  'Possible fraud pattern on the account, please check the history.',
  'Enterprise account; the credit needs manager approval.',
  'Legal wording in the request; not comfortable answering at my level.',
] as const;

/** Lines reviewers add before sending: the most common kind of edit to an AI draft. */
export const reviewerAdditions = [
  "I've added a note to your account so anyone you speak to next has the full history.",
  'If anything else comes up, just reply to this email and it will come straight back to me.',
  "I've also added a small credit to your account for the trouble.",
] as const;
