import './zod-config';
import { z } from 'zod/mini';
import { actorSchema, type Category, categorySchema, isoDate } from './handoff-schemas';
import { CURSOR_DESCRIPTION, pageOf } from './page-schemas';

/*
 * Post-hoc review (seed pattern D, quality calibration): a person reads replies the policy
 * sent without a person and sampled for review, and grades each against its category's rubric.
 */

export type RubricCriterion = { id: string; label: string; hint: string };

const answers = { id: 'answers', label: 'Answers the question', hint: 'Addresses what was asked.' };
const tone = { id: 'tone', label: 'Tone', hint: 'Polite, plain and on brand.' };

/** Per category, the yes/no questions a post-hoc reviewer answers. */
export const postHocRubrics: Record<Category, readonly RubricCriterion[]> = {
  billing: [
    answers,
    { id: 'amounts', label: 'Correct amounts and policy', hint: 'Figures and refund rules match.' },
    {
      id: 'no_promise',
      label: 'No unapproved promise',
      hint: 'No refund or credit beyond policy.',
    },
    tone,
  ],
  shipping: [
    answers,
    { id: 'facts', label: 'Correct order facts', hint: 'Dates, carrier and tracking are right.' },
    tone,
  ],
  technical: [
    answers,
    { id: 'steps', label: 'Steps are correct', hint: 'The fix works and is safe to follow.' },
    { id: 'escalate', label: 'No missed escalation', hint: 'Nothing here needed an engineer.' },
    tone,
  ],
  account: [
    answers,
    { id: 'identity', label: 'Identity handled safely', hint: 'No account data without checks.' },
    tone,
  ],
  legal: [
    answers,
    { id: 'no_advice', label: 'No legal advice or admission', hint: 'Nothing binding was said.' },
    { id: 'policy', label: 'Correct facts and policy', hint: 'Terms are quoted correctly.' },
    tone,
  ],
};

export const postHocVerdictSchema = z.enum(['good', 'needs_follow_up']);
export type PostHocVerdict = z.infer<typeof postHocVerdictSchema>;

/** A sampled auto-approved item waiting for its review: what was asked and what was sent. */
export const postHocItemSchema = z.object({
  id: z.string(),
  version: z.int().check(z.positive()),
  ticketNumber: z.int(),
  subject: z.string(),
  customerName: z.string(),
  category: categorySchema,
  confidence: z.number().check(z.gte(0), z.lte(1)),
  /** The customer's message, untrusted text. */
  customerMessage: z.string(),
  /** The reply that went out without a person. */
  sentText: z.string(),
  sentAt: isoDate,
});
export type PostHocItem = z.infer<typeof postHocItemSchema>;

/** `total` counts the sampled items not yet reviewed. */
export const postHocPageSchema = pageOf(postHocItemSchema);
export type PostHocPage = z.infer<typeof postHocPageSchema>;

export const postHocListParamsSchema = z.object({
  category: z.optional(categorySchema).check(z.describe('Only sampled items in this category.')),
  cursor: z.optional(z.string()).check(z.describe(CURSOR_DESCRIPTION)),
  limit: z
    .optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(200)))
    .check(z.describe('Items per page, 1 to 200.')),
});
export type PostHocListParams = z.infer<typeof postHocListParamsSchema>;

export const postHocReviewRequestSchema = z
  .strictObject({
    /** The item version the reviewer read. */
    version: z.int().check(z.positive()),
    /** Every criterion of the item's category rubric, answered yes (true) or no (false). */
    criteria: z.record(z.string(), z.boolean()),
    verdict: postHocVerdictSchema,
    note: z.optional(
      z.string().check(z.trim(), z.maxLength(2000, 'The note is longer than 2,000 characters.')),
    ),
  })
  .check(
    z.refine((r) => r.verdict !== 'needs_follow_up' || r.note, {
      path: ['note'],
      error: 'Say what needs following up (a note is required for "needs follow-up").',
    }),
  );
export type PostHocReviewRequest = z.input<typeof postHocReviewRequestSchema>;

export const postHocReviewSchema = z.object({
  handoffId: z.string(),
  category: categorySchema,
  criteria: z.record(z.string(), z.boolean()),
  verdict: postHocVerdictSchema,
  note: z.nullable(z.string()),
  by: actorSchema,
  at: isoDate,
  /** The item version that was reviewed. */
  version: z.int().check(z.positive()),
});
export type PostHocReview = z.infer<typeof postHocReviewSchema>;

/** How post-hoc review is run: the share of sampled items that get a second, blind review. */
export const postHocSettingsSchema = z.strictObject({
  doubleReviewShare: z
    .number()
    .check(z.gte(0, 'The share is between 0 and 1.'), z.lte(1, 'The share is between 0 and 1.')),
});
export type PostHocSettings = z.infer<typeof postHocSettingsSchema>;

/** Field errors for answers that do not match the category's rubric: each criterion, once. */
export function rubricErrors(
  category: Category,
  criteria: Record<string, boolean>,
): { pointer: string; message: string }[] {
  const rubric = postHocRubrics[category];
  const known = new Set(rubric.map((c) => c.id));
  return [
    ...rubric
      .filter((c) => !(c.id in criteria))
      .map((c) => ({ pointer: `/criteria/${c.id}`, message: `Answer "${c.label}".` })),
    ...Object.keys(criteria)
      .filter((id) => !known.has(id))
      .map((id) => ({
        pointer: `/criteria/${id}`,
        message: `"${id}" is not on the ${category} rubric.`,
      })),
  ];
}
