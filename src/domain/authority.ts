import type { Commitment, CommitmentKind } from '../api/commitment-schemas';
import type { Category, DecisionAction, Level, Problem } from '../api/handoff-schemas';
import type { Ladder, LevelAuthority } from '../api/ladder-schemas';
import { makeProblem } from '../api/problem';
import { authorityOf } from './default-ladder';
import { levelLabels } from './levels';
import {
  amountInUsd,
  conservativeUsdRates,
  formatLimit,
  formatMoney,
  type UsdRates,
} from './money';

/*
 * The escalation ladder's scope of authority, enforced. Every refusal names the rule in words a
 * reviewer can act on and the lowest level that could do it instead, so the UI can offer
 * "escalate to Manager" rather than a bare 403.
 */

export interface AuthorityRequest {
  category: Category;
  /** US dollars the decision commits to (the draft's largest promise); null when none. */
  amount: number | null;
  /** What the amount is, for the wording: "Refunds over $100…", "Credits over $100…". */
  amountKind?: CommitmentKind;
  /** The draft promises money without an amount anyone could read. */
  amountUnknown?: boolean;
  /** The draft grants an exception to policy. */
  policyException?: boolean;
}

export type AuthorityCheck =
  | { allowed: true }
  | { allowed: false; reason: string; canBeDoneBy: Level | null };

type Refusal =
  | { type: 'action' }
  | { type: 'category' }
  | { type: 'exception' }
  | { type: 'amount'; amount: number }
  | { type: 'unknown_amount' };

const verbs: Record<DecisionAction, string> = {
  approve: 'approve',
  reject: 'reject',
  escalate: 'escalate',
  redirect: 'redirect',
};

/**
 * Why this level may not take this action, or null if it may. Only approval sends the draft,
 * so only approval is held to the refund limit and the right to grant exceptions; escalating
 * is always open to a person, whatever the category, because handing work up is the way out.
 */
function refusal(
  authority: LevelAuthority,
  action: DecisionAction,
  request: AuthorityRequest,
): Refusal | null {
  if (!authority.actions.includes(action)) return { type: 'action' };
  return scopeRefusal(authority, action, request);
}

/** The level's scope (category, and for approval exceptions and the refund limit), whatever its actions. */
function scopeRefusal(
  authority: LevelAuthority,
  action: DecisionAction,
  request: AuthorityRequest,
): Refusal | null {
  if (action !== 'escalate' && !authority.categories.includes(request.category)) {
    return { type: 'category' };
  }
  if (action !== 'approve') return null;
  if (request.policyException && !authority.canGrantExceptions) return { type: 'exception' };
  const limit = authority.refundLimit;
  if (request.amount !== null && limit !== null && request.amount > limit) {
    return { type: 'amount', amount: request.amount };
  }
  if (request.amountUnknown && limit === 0) return { type: 'unknown_amount' };
  return null;
}

/**
 * Whether a person (or the AI) at `actor` may take `action` on an item with these stakes. A
 * refusal says why and names the lowest level that could, or null if no level could.
 */
export function checkActionAuthority(
  actor: Level,
  action: DecisionAction,
  request: AuthorityRequest,
  ladder: Ladder,
): AuthorityCheck {
  const refused = refusal(authorityOf(ladder, actor), action, request);
  if (!refused) return { allowed: true };
  const index = ladder.findIndex((l) => refusal(l, action, request) === null);
  const able = ladder[index];
  const canBeDoneBy = able?.level ?? null;
  // "or above" only when every level above the first able one is able too.
  const orAbove = ladder.slice(index + 1).every((l) => refusal(l, action, request) === null);
  const who = able
    ? `${levelLabels[able.level]}${orAbove && index < ladder.length - 1 ? ' or above' : ''}`
    : null;
  return {
    allowed: false,
    reason: explain(refused, actor, action, request, ladder, index, who),
    canBeDoneBy,
  };
}

function explain(
  refused: Refusal,
  actor: Level,
  action: DecisionAction,
  request: AuthorityRequest,
  ladder: Ladder,
  ableIndex: number,
  who: string | null,
): string {
  const verb = verbs[action];
  switch (refused.type) {
    case 'action': {
      const subject = actor === 'ai' ? 'The AI' : levelLabels[actor];
      const tail = who ? `; ${who} can.` : '; no level on the ladder can.';
      return actor === 'ai' && who
        ? `The AI cannot ${verb} on its own; a person at ${who} must.`
        : `${subject} cannot ${verb} items${tail}`;
    }
    case 'category': {
      const items = `${capitalize(request.category)} items`;
      return who
        ? `${items} need ${who}; they are outside the authority of ${levelLabels[actor]}.`
        : `${items} are outside the authority of every level on the ladder.`;
    }
    case 'exception':
      return who
        ? `Exceptions to policy need ${who}; ${levelLabels[actor]} cannot grant them.`
        : 'No level on the ladder may grant exceptions to policy.';
    case 'amount': {
      const noun = kindNoun[request.amountKind ?? 'refund'];
      const promised = formatMoney(refused.amount);
      if (!who) return `No level on the ladder may approve ${noun.toLowerCase()} of ${promised}.`;
      // The threshold the reviewer just crossed: the limit of the level below the able one.
      const below = ladder[ableIndex - 1]?.refundLimit ?? null;
      const threshold = below !== null && below < refused.amount ? below : null;
      const over = threshold === null ? noun : `${noun} over ${formatLimit(threshold)}`;
      return `${over} need ${who}; this draft promises ${promised}.`;
    }
    case 'unknown_amount':
      return who
        ? `This draft promises money without a stated amount; it needs ${who}, who can check the order value.`
        : 'This draft promises money without a stated amount, and no level may approve it.';
  }
}

const kindNoun: Record<CommitmentKind, string> = {
  refund: 'Refunds',
  credit: 'Credits',
  policy_exception: 'Exceptions to policy worth',
};

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What the draft's commitments put at stake, in the shape `checkActionAuthority` takes. */
export function stakesOf(
  commitments: readonly Commitment[],
  rates: UsdRates = conservativeUsdRates,
): Omit<AuthorityRequest, 'category'> {
  let amount: number | null = null;
  let amountKind: CommitmentKind = 'refund';
  let amountUnknown = false;
  let policyException = false;
  for (const c of commitments) {
    if (c.kind === 'policy_exception') policyException = true;
    const usd = amountInUsd(c, rates);
    if (usd === null) {
      if (c.kind !== 'policy_exception') amountUnknown = true;
    } else if (amount === null || usd > amount) {
      amount = usd;
      amountKind = c.kind;
    }
  }
  return { amount, amountKind, amountUnknown, policyException };
}

/**
 * The lowest level whose authority covers every commitment and the category: 'ai' for a draft
 * that promises nothing in a category the AI may handle. The AI sends rather than approves, so
 * it is held to its scope only; a person must also be allowed to approve. When no level covers
 * it (a ladder with no unlimited level), the top of the ladder, the only place left to decide.
 */
export function requiredLevelFor(
  commitments: readonly Commitment[],
  ladder: Ladder,
  category: Category,
  rates: UsdRates = conservativeUsdRates,
): Level {
  const request: AuthorityRequest = { category, ...stakesOf(commitments, rates) };
  for (const authority of ladder) {
    const refused =
      authority.level === 'ai'
        ? scopeRefusal(authority, 'approve', request)
        : refusal(authority, 'approve', request);
    if (!refused) return authority.level;
  }
  return ladder[ladder.length - 1]?.level ?? 'executive';
}

/**
 * The refusal as the 403 problem the backend returns; the UI shows its detail as is and offers
 * to escalate to `requiredLevel`. Given the actor's level, the detail also says where they stand.
 */
export function authorityProblem(check: AuthorityCheck, actor?: Level): Problem | null {
  if (check.allowed) return null;
  const detail = actor ? `${check.reason} You are ${levelLabels[actor]}.` : check.reason;
  return makeProblem(
    'forbidden',
    detail,
    check.canBeDoneBy ? { requiredLevel: check.canBeDoneBy } : {},
  );
}
