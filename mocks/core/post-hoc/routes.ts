import { paths } from '../../../src/api/endpoints';
import {
  type PostHocItem,
  type PostHocReview,
  postHocListParamsSchema,
  postHocReviewRequestSchema,
  rubricErrors,
} from '../../../src/api/post-hoc-schemas';
import { makeProblem } from '../../../src/api/problem';
import type { Handoff } from '../../../src/api/schemas';
import { checkVersion } from '../../../src/domain/decisions';
import { personOf, withItem } from '../kinds/item-write';
import { ID, invalid, ok, problemReply, type Route, route } from '../route-kit';
import type { BackendServices, RouteGroup } from '../services';

/*
 * The post-hoc review queue: auto-approved items the policy sampled, graded once each against
 * the category's rubric. A review changes nothing about the sent item (no status, no version:
 * the reply is already out), so reviews live beside the items, keyed by item id, in one setting.
 */

const REVIEWS = 'post-hoc-reviews';
type Reviews = Record<string, PostHocReview>;

const reviewsOf = (s: BackendServices): Reviews => s.world.setting<Reviews>(REVIEWS) ?? {};

const waiting = (h: Handoff, reviews: Reviews) =>
  h.sampledForReview && h.status === 'auto_approved' && h.outcome !== null && !reviews[h.id];

const sentAt = (h: Handoff) => h.outcome?.at ?? h.updatedAt;

/** Oldest sent first, so nothing waits forever; ties by id for a stable cursor. */
const sortKey = (h: Handoff) => `${sentAt(h)}|${h.id}`;

function toItem(h: Handoff): PostHocItem {
  return {
    id: h.id,
    version: h.version,
    ticketNumber: h.ticket.number,
    subject: h.ticket.subject,
    customerName: h.ticket.customer.name,
    category: h.ticket.category,
    confidence: h.context.confidence,
    customerMessage: h.ticket.body,
    sentText: h.outcome?.finalText ?? h.drafts.at(-1)!.text,
    sentAt: sentAt(h),
  };
}

export const postHocRoutes: RouteGroup = (s: BackendServices): Route[] => [
  route('GET', paths.postHocQueue, false, ({ req }) => {
    const parsed = postHocListParamsSchema.safeParse(Object.fromEntries(req.query));
    if (!parsed.success) return invalid(parsed.error);
    const { category, cursor, limit = 50 } = parsed.data;
    const reviews = reviewsOf(s);
    const matching: Handoff[] = [];
    for (const h of s.world.handoffs.values())
      if (waiting(h, reviews) && (!category || h.ticket.category === category)) matching.push(h);
    const keyed = matching
      .map((h) => [sortKey(h), h] as const)
      .sort((a, b) => (a[0] < b[0] ? -1 : 1));
    const after = cursor ? keyed.filter(([k]) => k > cursor) : keyed;
    const page = after.slice(0, limit);
    return ok({
      items: page.map(([, h]) => toItem(h)),
      nextCursor: after.length > limit ? page.at(-1)![0] : null,
      total: matching.length,
    });
  }),
  route('POST', `/handoffs/${ID}/post-hoc-review`, true, ({ user, json }, [id]) =>
    withItem(s, postHocReviewRequestSchema, json, id!, (body, h) => {
      const reviews = reviewsOf(s);
      const done = reviews[h.id];
      if (done)
        return problemReply(
          makeProblem(
            'illegal_transition',
            `${done.by.name} already reviewed this item (${done.verdict === 'good' ? 'good' : 'needs follow-up'}).`,
            { current: h },
          ),
        );
      if (!h.sampledForReview || h.status !== 'auto_approved')
        return problemReply(
          makeProblem(
            'illegal_transition',
            'Only sampled auto-approved items get a post-hoc review.',
            {
              current: h,
            },
          ),
        );
      const stale = checkVersion(h, body.version);
      if (stale) return problemReply(stale);
      const errors = rubricErrors(h.ticket.category, body.criteria);
      if (errors.length)
        return problemReply(
          makeProblem('validation', 'Answer every question of the rubric.', { errors }),
        );
      const review: PostHocReview = {
        handoffId: h.id,
        category: h.ticket.category,
        criteria: body.criteria,
        verdict: body.verdict,
        note: body.note || null,
        by: personOf(user),
        at: s.now(),
        version: h.version,
      };
      s.world.putSetting(REVIEWS, { ...reviews, [h.id]: review });
      const failed = postHocFailed(review);
      s.record(
        h,
        review.by,
        'post_hoc_reviewed',
        review.verdict === 'good'
          ? `${user.name} reviewed the sent reply: good${failed ? ` (${failed})` : ''}`
          : `${user.name} reviewed the sent reply: needs follow-up${failed ? ` (${failed})` : ''}`,
        { why: { reason: review.note, rule: null, confidence: h.context.confidence } },
      );
      return ok(review, 201);
    }),
  ),
];

/** The criteria answered no, for the audit outcome: "no: tone, amounts". */
function postHocFailed(r: PostHocReview): string {
  const no = Object.entries(r.criteria)
    .filter(([, yes]) => !yes)
    .map(([id]) => id);
  return no.length ? `no: ${no.join(', ')}` : '';
}
