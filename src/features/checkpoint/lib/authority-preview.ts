import type { ProposedAction } from '../../../api/action-schemas';
import type { Commitment } from '../../../api/commitment-schemas';
import type { Handoff, Level, User } from '../../../api/handoff-schemas';
import type { Ladder } from '../../../api/ladder-schemas';
import { commitmentsOfActions } from '../../../domain/actions';
import { checkActionAuthority } from '../../../domain/authority';
import { approvalStakes, guardProblem } from '../../../domain/decisions';
import { authorityOf } from '../../../domain/default-ladder';
import { escalationTargets, levelLabels } from '../../../domain/levels';
import { formatLimit, formatMoney } from '../../../domain/money';

/*
 * What the reviewer's authority covers for this item, worked out from the actions approving
 * would carry out and the reply as it stands, with the same rules the server applies on
 * approval (the higher of the two counts), so a refusal is never a surprise.
 */

export interface AuthorityPreview {
  /** One line: what the reply promises and who approves it. */
  headline: string;
  /** What the actions commit to (refunds, credits, exceptions). */
  commitments: Commitment[];
  /** A sentence of the reply the actions do not cover, which blocks approval; null if none. */
  guard: string | null;
  allowed: boolean;
  /** Why not, when not: the server's own wording. */
  reason: string | null;
  /** The level to escalate to so it can be approved; null when allowed or no higher level can. */
  escalateTo: Level | null;
  /** The reviewer's own scope, e.g. "L1 Support approves refunds and credits up to $100". */
  scope: string;
}

const nouns: Record<Commitment['kind'], string> = {
  refund: 'refund',
  credit: 'credit',
  policy_exception: 'exception to policy',
};

function promise(c: Commitment): string {
  const noun = nouns[c.kind];
  return c.amount === null
    ? `a ${noun}`
    : `a ${formatMoney(c.amount, c.currency ?? 'USD')} ${noun}`;
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export function authorityPreview(
  handoff: Handoff,
  me: User,
  text: string,
  actions: readonly ProposedAction[],
  ladder: Ladder,
): AuthorityPreview {
  const commitments = commitmentsOfActions(actions);
  const check = checkActionAuthority(
    me.level,
    'approve',
    { category: handoff.ticket.category, ...approvalStakes(text, actions) },
    ladder,
  );
  const guard = guardProblem(handoff, text, actions)?.detail ?? null;
  const own = authorityOf(ladder, me.level);
  const limit =
    own.refundLimit === null ? 'without limit' : `up to ${formatLimit(own.refundLimit)}`;
  const scope = `${levelLabels[me.level]} approves refunds and credits ${limit}${own.canGrantExceptions ? ' and exceptions to policy' : ''}`;
  const promises =
    commitments.length > 0
      ? `This draft promises ${list(commitments.map(promise))}`
      : 'This draft promises no refund, credit or exception';
  if (check.allowed) {
    return {
      headline: `${promises}: within your authority.`,
      commitments,
      guard,
      allowed: true,
      reason: null,
      escalateTo: null,
      scope,
    };
  }
  const able = check.canBeDoneBy;
  const escalateTo = able && escalationTargets(handoff.level).includes(able) ? able : null;
  return {
    headline: able
      ? `${promises}: ${levelLabels[able]} or above approves.`
      : `${promises}: no level may approve it.`,
    commitments,
    guard,
    allowed: false,
    reason: check.reason,
    escalateTo,
    scope,
  };
}
