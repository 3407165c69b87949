import type { Handoff, User } from '../../../src/api/handoff-schemas';
import {
  type PostHocItem,
  type PostHocReview,
  postHocReviewRequestSchema,
  postHocSettingsChangeSchema,
  rubricErrors,
} from '../../../src/api/post-hoc-schemas';
import { makeProblem } from '../../../src/api/problem';
import { checkVersion } from '../../../src/domain/decisions';
import {
  ok,
  on,
  personOf,
  problemReply,
  type Route,
  versionedChange,
  withItem,
} from '../route-kit';
import type { BackendServices, RouteGroup } from '../services';
import {
  firstReviews,
  needsSecondReview,
  postHocSettings,
  putPostHocSettings,
  putReview,
  type Reviews,
  secondReviews,
} from './store';

/*
 * The post-hoc review queue: auto-approved items the policy sampled, graded against the
 * category's rubric. A review changes nothing about the sent item (no status, no version:
 * the reply is already out), so reviews live beside the items (see ./store).
 * A share of the items (drawn stably by id) needs a second, blind review by someone else: the
 * item stays in everyone else's queue until then, and nothing the second reviewer can read
 * says what the first one decided (not the queue, not a refusal, not the audit trail).
 */

type Seen = { first: Reviews; second: Reviews };

/** Whether `user` has a review to give on the item. */
function waitingFor(s: BackendServices, h: Handoff, seen: Seen, user: User): boolean {
  if (!(h.sampledForReview && h.status === 'auto_approved' && h.outcome !== null)) return false;
  const first = seen.first[h.id];
  if (!first) return true;
  return !seen.second[h.id] && first.by.id !== user.id && needsSecondReview(s, h.id);
}

const verdictLabel = (r: PostHocReview) => (r.verdict === 'good' ? 'good' : 'needs follow-up');

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
  on('listPostHocQueue', ({ query, user }) => {
    const { category, cursor, limit = 50 } = query;
    const seen = { first: firstReviews(s), second: secondReviews(s) };
    const matching: Handoff[] = [];
    for (const h of s.world.handoffs.values())
      if (waitingFor(s, h, seen, user) && (!category || h.ticket.category === category))
        matching.push(h);
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
  on('submitPostHocReview', ({ user, json, params: { id } }) =>
    withItem(s, postHocReviewRequestSchema, json, id, (body, h) => {
      const first = firstReviews(s)[h.id];
      const second = secondReviews(s)[h.id];
      const blind = first ? needsSecondReview(s, h.id) || !!second : false;
      if (first && first.by.id === user.id)
        return problemReply(
          makeProblem(
            'illegal_transition',
            blind
              ? 'You already reviewed this item; its second review must come from someone else.'
              : `You already reviewed this item (${verdictLabel(first)}).`,
            { current: h },
          ),
        );
      const done = second ?? (first && !blind ? first : null);
      if (done)
        return problemReply(
          makeProblem(
            'illegal_transition',
            // Once both reviews are in, naming the verdicts gives nothing away.
            second && first
              ? `${first.by.name} and ${second.by.name} already reviewed this item.`
              : `${done.by.name} already reviewed this item (${verdictLabel(done)}).`,
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
      putReview(s, first ? 'second' : 'first', review);
      const failed = postHocFailed(review);
      const said = `${verdictLabel(review)}${failed ? ` (${failed})` : ''}`;
      // The audit trail is readable by the second reviewer: a first review that awaits a blind
      // second one keeps its verdict and note out of the trail until the second is in.
      const awaitingSecond = !first && needsSecondReview(s, h.id);
      const outcome = first
        ? `${user.name} reviewed the sent reply blind, second: ${said}; ` +
          `${first.by.name} had found it ${verdictLabel(first)} ` +
          `(${first.verdict === review.verdict ? 'agree' : 'disagree'})`
        : awaitingSecond
          ? `${user.name} reviewed the sent reply; verdict withheld until a second, blind review`
          : `${user.name} reviewed the sent reply: ${said}`;
      const reason = first
        ? [first.note && `First: ${first.note}`, review.note && `Second: ${review.note}`]
            .filter(Boolean)
            .join(' · ') || null
        : awaitingSecond
          ? null
          : review.note;
      s.record(h, review.by, 'post_hoc_reviewed', outcome, {
        why: { reason, rule: null, confidence: h.context.confidence },
      });
      return ok(review, 201);
    }),
  ),
  on('getPostHocSettings', () => ok(postHocSettings(s))),
  on('savePostHocSettings', (ctx) =>
    versionedChange(
      ctx,
      {
        what: 'how many items are reviewed twice',
        name: 'The post-hoc review settings',
        schema: postHocSettingsChangeSchema,
        current: () => postHocSettings(s).version,
        advice: 'look at the share now in force and set it again.',
      },
      ({ doubleReviewShare, version }) => {
        const saved = { doubleReviewShare, version: version + 1 };
        putPostHocSettings(s, saved);
        return ok(saved);
      },
    ),
  ),
];

/** The criteria answered no, for the audit outcome: "no: tone, amounts". */
function postHocFailed(r: PostHocReview): string {
  const no = Object.entries(r.criteria)
    .filter(([, yes]) => !yes)
    .map(([id]) => id);
  return no.length ? `no: ${no.join(', ')}` : '';
}
