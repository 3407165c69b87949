import type { PostHocReview, PostHocSettings } from '../../../src/api/post-hoc-schemas';
import {
  DEFAULT_DOUBLE_REVIEW_SHARE,
  drawnForDoubleReview,
  type ReviewPair,
} from '../../../src/domain/double-review';
import type { BackendServices } from '../services';

/*
 * Where post-hoc reviews live: beside the items, keyed by item id, in settings. The first
 * review of an item in one document, the second (blind) review of a double-reviewed item in
 * another, so worlds written before double review read unchanged.
 */

const FIRST = 'post-hoc-reviews';
const SECOND = 'post-hoc-second-reviews';
const SETTINGS = 'post-hoc-settings';

export type Reviews = Record<string, PostHocReview>;

export const firstReviews = (s: BackendServices): Reviews => s.world.setting<Reviews>(FIRST) ?? {};
export const secondReviews = (s: BackendServices): Reviews =>
  s.world.setting<Reviews>(SECOND) ?? {};

export function putReview(s: BackendServices, which: 'first' | 'second', review: PostHocReview) {
  const key = which === 'first' ? FIRST : SECOND;
  const all = which === 'first' ? firstReviews(s) : secondReviews(s);
  s.world.putSetting(key, { ...all, [review.handoffId]: review });
}

/** The settings in force: the default share at version 1 until someone changes it. */
export const postHocSettings = (s: BackendServices): PostHocSettings =>
  s.world.setting<PostHocSettings>(SETTINGS) ?? {
    doubleReviewShare: DEFAULT_DOUBLE_REVIEW_SHARE,
    version: 1,
  };

export const putPostHocSettings = (s: BackendServices, value: PostHocSettings) =>
  s.world.putSetting(SETTINGS, value);

/** Whether the item needs a second, blind review at the share set now. */
export const needsSecondReview = (s: BackendServices, id: string) =>
  drawnForDoubleReview(id, postHocSettings(s).doubleReviewShare);

/** The items reviewed twice, as verdict pairs for the agreement figures. */
export function reviewPairs(s: BackendServices): ReviewPair[] {
  const first = firstReviews(s);
  const pairs: ReviewPair[] = [];
  for (const second of Object.values(secondReviews(s))) {
    const one = first[second.handoffId];
    if (!one) continue;
    const of = (r: PostHocReview) => ({
      reviewerId: r.by.id,
      reviewerName: r.by.name,
      verdict: r.verdict,
    });
    pairs.push({ first: of(one), second: of(second) });
  }
  return pairs;
}
