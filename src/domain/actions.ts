import type { ProposedAction } from '../api/action-schemas';
import type { Commitment } from '../api/commitment-schemas';
import { pairActions, sameAction } from './action-pairs';
import { formatMoney } from './money';
import { detectCommitments } from './promises';

export { type ActionPair, pairActions, sameAction, sameActions } from './action-pairs';

/*
 * Proposed actions: what a draft does besides sending its reply. The ladder judges authority
 * on them; the text guard (text-guard.ts) checks that the reply promises nothing they leave out.
 */

export const PLAIN_REPLY: ProposedAction = { type: 'reply' };

/**
 * The actions a reply's own promises call for: how the built-in AI and the seed propose them.
 * A refund or credit promised without an amount is priced at the largest amount the ticket or
 * the AI's tools stated (`knownAmounts`), when there is one.
 */
export function actionsFromText(
  text: string,
  knownAmounts: readonly number[] = [],
): ProposedAction[] {
  const actions: ProposedAction[] = [];
  const fallback = knownAmounts.length > 0 ? Math.max(...knownAmounts) : null;
  for (const c of detectCommitments(text)) {
    const priced = c.amount === null && fallback !== null && c.kind !== 'policy_exception';
    const action = actionOf(priced ? { ...c, amount: fallback, currency: 'USD' } : c);
    if (action && !actions.some((a) => sameAction(a, action))) actions.push(action);
  }
  return actions.length > 0 ? actions : [PLAIN_REPLY];
}

function actionOf(c: Commitment): ProposedAction | null {
  switch (c.kind) {
    case 'refund':
      return c.amount === null
        ? null
        : { type: 'refund', amount: c.amount, currency: c.currency ?? 'USD' };
    case 'credit':
      return c.amount === null
        ? null
        : { type: 'store_credit', amount: c.amount, currency: c.currency ?? 'USD' };
    case 'policy_exception':
      return { type: 'policy_exception', description: c.text };
  }
}

/** The actions as commitments, in the shape the ladder's authority check reads. */
export function commitmentsOfActions(actions: readonly ProposedAction[]): Commitment[] {
  const evidence = { start: 0, end: 0 };
  return actions.flatMap((a): Commitment[] => {
    switch (a.type) {
      case 'refund':
        return [{ kind: 'refund', amount: a.amount, currency: a.currency, text: '', evidence }];
      case 'store_credit':
        return [{ kind: 'credit', amount: a.amount, currency: a.currency, text: '', evidence }];
      case 'policy_exception':
        return [{ kind: 'policy_exception', amount: null, currency: null, text: '', evidence }];
      default:
        return [];
    }
  });
}

/** One action in words: "Refund $649.00", "Store credit €20.00", "Replacement: blender". */
export function describeAction(a: ProposedAction): string {
  switch (a.type) {
    case 'refund':
      return `Refund ${formatMoney(a.amount, a.currency)}`;
    case 'store_credit':
      return `Store credit ${formatMoney(a.amount, a.currency)}`;
    case 'replacement':
      return `Replacement: ${a.item}`;
    case 'policy_exception':
      return `Policy exception: ${a.description}`;
    case 'account_change':
      return `Account change: ${a.description}`;
    case 'reply':
      return 'Reply only';
  }
}

/** What changed between the proposed and the approved actions, one line each; empty if nothing. */
export function actionChanges(
  before: readonly ProposedAction[],
  after: readonly ProposedAction[],
): string[] {
  return pairActions(before, after).flatMap(({ before: a, after: b }) => {
    if (a && b) return sameAction(a, b) ? [] : [`${describeAction(a)} → ${describeAction(b)}`];
    if (a) return [`Removed: ${describeAction(a)}`];
    return b ? [`Added: ${describeAction(b)}`] : [];
  });
}
