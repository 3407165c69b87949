import type { ProposedAction } from '../api/action-schemas';

/*
 * Comparing proposed actions, kept apart from actions.ts so the draft store (loaded with every
 * screen) does not bring the commitment parser with it.
 */

export function sameAction(a: ProposedAction, b: ProposedAction): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The same actions, in any order. */
export function sameActions(a: readonly ProposedAction[], b: readonly ProposedAction[]): boolean {
  return (
    a.length === b.length &&
    pairActions(a, b).every((p) => p.before && p.after && sameAction(p.before, p.after))
  );
}

export interface ActionPair {
  before: ProposedAction | null;
  after: ProposedAction | null;
}

/**
 * The proposed and the approved actions side by side, paired by kind rather than by position,
 * so removing the first of two actions reads as one removal, not as every later one changing.
 * An identical action pairs with its twin first; what is left pairs with the first unpaired
 * action of the same type. Pairs follow the proposed order, additions come last.
 */
export function pairActions(
  before: readonly ProposedAction[],
  after: readonly ProposedAction[],
): ActionPair[] {
  const partner = new Array<number>(before.length).fill(-1);
  const taken = new Set<number>();
  const claim = (match: (a: ProposedAction, b: ProposedAction) => boolean) => {
    after.forEach((b, j) => {
      if (taken.has(j)) return;
      const i = before.findIndex((a, k) => partner[k] === -1 && match(a, b));
      if (i === -1) return;
      partner[i] = j;
      taken.add(j);
    });
  };
  claim(sameAction);
  claim((a, b) => a.type === b.type);
  const pairs: ActionPair[] = before.map((a, i) => ({
    before: a,
    after: partner[i] === -1 ? null : after[partner[i]!]!,
  }));
  after.forEach((b, j) => {
    if (!taken.has(j)) pairs.push({ before: null, after: b });
  });
  return pairs;
}
