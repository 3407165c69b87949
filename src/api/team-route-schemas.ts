import './zod-config';
import { z } from 'zod/mini';

/* The team an item was sent to, carried on the item (kept apart so items need no team schemas). */

/** A team as an item or an event names it: its id, and its name at the time. */
export const teamRefSchema = z.object({ teamId: z.string(), teamName: z.string() });

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
export const teamRouteSchema = z.extend(teamRefSchema, {
  choice: teamChoiceSchema,
  /** The team rule that fired; null for the category fallback and re-routes. */
  ruleId: z.nullable(z.string()),
  /** In words, e.g. "Policy keyword “legal action” → Legal". */
  reason: z.string(),
  /** The team directory version that chose it. */
  directoryVersion: z.int().check(z.positive()),
});
export type TeamRoute = z.infer<typeof teamRouteSchema>;
