import type { Commitment } from '../../../api/commitment-schemas';
import type { Handoff, Level, User } from '../../../api/handoff-schemas';
import type { Ladder } from '../../../api/ladder-schemas';
import { checkActionAuthority, stakesOf } from '../../../domain/authority';
import { authorityOf } from '../../../domain/default-ladder';
import { escalationTargets, levelLabels } from '../../../domain/levels';
import { formatLimit, formatMoney } from '../../../domain/money';
import { detectCommitments } from '../../../domain/promises';

/*
 * What the reviewer's authority covers for this item, worked out from the reply as it stands,
 * with the same rules the server applies on approval, so a refusal is never a surprise.
 */

export interface AuthorityPreview {
  /** One line: what the reply promises and who approves it. */
  headline: string;
  /** Each promise found in the reply, as written. */
  commitments: Commitment[];
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
  ladder: Ladder,
): AuthorityPreview {
  const commitments = detectCommitments(text);
  const check = checkActionAuthority(
    me.level,
    'approve',
    { category: handoff.ticket.category, ...stakesOf(commitments) },
    ladder,
  );
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
    allowed: false,
    reason: check.reason,
    escalateTo,
    scope,
  };
}
