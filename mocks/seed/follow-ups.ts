import type { Category, Handoff } from '../../src/api/handoff-schemas';
import { EXAMPLE_NUMBER } from './example';
import { isoAt } from './iso';
import type { Random } from './random';

/*
 * Customers who wrote again after the AI drafted its reply, so the floor shows stale drafts.
 * The first plain pending L1 item (by ticket number) always gets one, so tests can find a
 * stale draft in any seeded world; a few more are picked at random.
 */

const MINUTE = 60_000;

const followUpText: Partial<Record<Category, string>> = {
  shipping:
    'Update: the tracking page now says the parcel is being returned to your warehouse. Could you send it to my work address instead? I am there until 6pm.',
  billing:
    'One more thing: I just checked my bank statement again and there is a second charge from you dated yesterday. Please look at both charges, not just the first.',
  technical:
    'Never mind the first problem, it works again after the update. But now I cannot log in on my tablet at all, it says my session expired.',
  account:
    'Actually, please do not close the account yet. I would rather just change the email address on it to my new one.',
};

/** An item a follow-up can land on: open, answered by a draft, in English, not the worked example. */
function eligible(h: Handoff, now: number): boolean {
  return (
    (h.status === 'pending' || h.status === 'claimed' || h.status === 'escalated') &&
    h.ticket.language === 'en' &&
    h.ticket.number !== EXAMPLE_NUMBER &&
    followUpText[h.ticket.category] !== undefined &&
    Date.parse(h.drafts[h.drafts.length - 1]?.createdAt ?? h.createdAt) < now - 2 * MINUTE
  );
}

function isPlain(h: Handoff): boolean {
  return (
    h.status === 'pending' &&
    h.level === 'l1' &&
    h.gate === null &&
    h.context.options.length < 2 &&
    !h.context.flags.some((f) => f.hardStop)
  );
}

/** Adds follow-ups in place; returns the ids of the items that got one. */
export function addFollowUps(handoffs: Handoff[], rng: Random, now: number): string[] {
  const candidates = handoffs.filter((h) => eligible(h, now));
  const first = candidates.find(isPlain);
  const chosen = candidates.filter((h) => h === first || rng.chance(0.04));
  for (const h of chosen) {
    const draftAt = Date.parse(h.drafts[h.drafts.length - 1]?.createdAt ?? h.createdAt);
    const at = Math.min(now - MINUTE, draftAt + rng.int(MINUTE, 40 * MINUTE));
    const body = followUpText[h.ticket.category] as string;
    const index = handoffs.indexOf(h);
    handoffs[index] = { ...h, ticket: { ...h.ticket, followUps: [{ at: isoAt(at), body }] } };
  }
  return chosen.map((h) => h.id);
}
