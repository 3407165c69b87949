import './zod-config';
import { z } from 'zod/mini';

/* The team an item was sent to, carried on the item (kept apart so items need no team schemas). */

/** Which rule chose an item's team: a team rule, the category, or a person re-routing it. */
export const teamChoiceSchema = z.enum([
  'keyword',
  'churn_risk',
  'language',
  'category',
  'rerouted',
]);
export type TeamChoice = z.infer<typeof teamChoiceSchema>;

/** The team an item was sent to, and why, as the checkpoint shows it. */
export const teamRouteSchema = z.object({
  teamId: z.string(),
  teamName: z.string(),
  choice: teamChoiceSchema,
  /** The team rule that fired; null for the category fallback and re-routes. */
  ruleId: z.nullable(z.string()),
  /** In words, e.g. "Policy keyword “legal action” → Legal". */
  reason: z.string(),
  /** The team directory version that chose it. */
  directoryVersion: z.int().check(z.positive()),
});
export type TeamRoute = z.infer<typeof teamRouteSchema>;
