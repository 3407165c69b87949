import './zod-config';
import { z } from 'zod/mini';
import { currencySchema } from './commitment-schemas';

/*
 * What a draft proposes to do, as data next to its reply text: the ladder's authority is
 * judged on these records, and the reply text is only checked against them (a promise in the
 * text that no action covers blocks approval).
 */

const money = {
  /** In `currency`, to the cent. */
  amount: z.number().check(z.nonnegative(), z.lte(10_000_000), z.multipleOf(0.01)),
  currency: currencySchema,
};

export const proposedActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('refund'), ...money }),
  z.object({ type: z.literal('store_credit'), ...money }),
  z.object({
    type: z.literal('replacement'),
    /** What is sent again, as the reviewer reads it. */
    item: z.string().check(z.minLength(1), z.maxLength(500)),
  }),
  z.object({
    type: z.literal('policy_exception'),
    /** Which rule is bent, and how. */
    description: z.string().check(z.minLength(1), z.maxLength(1000)),
  }),
  z.object({
    type: z.literal('account_change'),
    /** What changes on the customer's account. */
    description: z.string().check(z.minLength(1), z.maxLength(1000)),
  }),
  /** Only the reply is sent; nothing else happens. */
  z.object({ type: z.literal('reply') }),
]);
export type ProposedAction = z.infer<typeof proposedActionSchema>;
export type ProposedActionType = ProposedAction['type'];

export const proposedActionsSchema = z.array(proposedActionSchema).check(z.maxLength(20));
