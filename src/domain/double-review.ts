import { stableDraw } from './traffic';

/*
 * Blind double review (quality calibration): a share of the sampled post-hoc items gets a
 * second, independent review, and each reviewer's agreement with the other reviewer shows how
 * consistently the rubric is applied.
 */

/** The share of sampled items reviewed twice when a lead has not set one. */
export const DEFAULT_DOUBLE_REVIEW_SHARE = 0.2;

/**
 * Whether an item needs a second, blind review at this share: a stable draw on its id (salted,
 * so it does not repeat the draw that sampled the item), so the answer never flips between reads.
 */
export function drawnForDoubleReview(id: string, share: number): boolean {
  return stableDraw(`double-review:${id}`) < share;
}

export type ReviewVerdict = { reviewerId: string; reviewerName: string; verdict: string };
/** The two reviews of one double-reviewed item. */
export type ReviewPair = { first: ReviewVerdict; second: ReviewVerdict };

export type ReviewerAgreement = {
  id: string;
  name: string;
  /** Double-reviewed items this person reviewed (first or second). */
  doubleReviewed: number;
  /** Of those, how many the other reviewer gave the same verdict. */
  agreed: number;
  /** agreed / doubleReviewed, or null when there is nothing to divide by. */
  rate: number | null;
};

/** Per reviewer, how often their verdict matched the other reviewer's; ordered by name. */
export function reviewerAgreement(pairs: Iterable<ReviewPair>): ReviewerAgreement[] {
  const byId = new Map<string, ReviewerAgreement>();
  const add = (r: ReviewVerdict, agreed: boolean) => {
    const row = byId.get(r.reviewerId) ?? {
      id: r.reviewerId,
      name: r.reviewerName,
      doubleReviewed: 0,
      agreed: 0,
      rate: null,
    };
    row.doubleReviewed += 1;
    if (agreed) row.agreed += 1;
    row.rate = row.agreed / row.doubleReviewed;
    byId.set(r.reviewerId, row);
  };
  for (const { first, second } of pairs) {
    // One person reviewing twice is no independent check; the backend refuses it anyway.
    if (first.reviewerId === second.reviewerId) continue;
    const agreed = first.verdict === second.verdict;
    add(first, agreed);
    add(second, agreed);
  }
  return [...byId.values()].sort(
    (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  );
}
