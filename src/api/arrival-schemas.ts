import './zod-config';
import { z } from 'zod/mini';
import {
  categorySchema,
  channelSchema,
  customerSchema,
  handoffSchema,
  urgencySchema,
} from './handoff-schemas';
import { routeDecisionSchema } from './what-if-schemas';

/* ---------- arrivals: a new ticket and the AI's work on it, routed by the policy ---------- */

/** The customer's message; its id, number and arrival time are given on arrival. */
export const arrivalTicketSchema = z.strictObject({
  customer: z.strictObject(customerSchema.shape),
  channel: channelSchema,
  subject: z.string().check(z.minLength(1), z.maxLength(500)),
  body: z.string().check(z.minLength(1), z.maxLength(20_000)),
  category: categorySchema,
  urgency: urgencySchema,
  language: z.string().check(z.minLength(2), z.maxLength(35)),
  attachments: z.int().check(z.nonnegative()),
});
export type ArrivalTicket = z.infer<typeof arrivalTicketSchema>;

/** The alternatives the AI offers the reviewer to choose from (none by default, at most 9). */
export const aiOptionsSchema = z._default(
  z
    .array(
      z.strictObject({
        label: z.string().check(z.minLength(1)),
        rationale: z.string(),
        draft: z.string(),
      }),
    )
    .check(z.maxLength(9)),
  [],
);

/** What the AI made of the ticket: its reply, its confidence, any options and any failure. */
export const arrivalAiSchema = z.strictObject({
  draft: z.string().check(z.minLength(1), z.maxLength(20_000)),
  confidence: z.number().check(z.gte(0), z.lte(1)),
  options: aiOptionsSchema,
  /** What went wrong when the AI could not finish; null when it did. */
  diagnosis: z._default(z.nullable(z.string().check(z.minLength(1))), null),
});
export type ArrivalAi = z.infer<typeof arrivalAiSchema>;

/**
 * POST /handoffs/arrivals: either a ticket with the AI's work, ingested as given, or nothing,
 * and the backend writes a realistic one (of `category`, with the AI at `confidence`, when
 * asked). Either way the rules and the routing policy in force decide where it goes.
 */
export const arrivalRequestSchema = z
  .strictObject({
    ticket: z.optional(arrivalTicketSchema),
    ai: z.optional(arrivalAiSchema),
    category: z.optional(categorySchema),
    confidence: z.optional(z.number().check(z.gte(0), z.lte(1))),
  })
  .check(
    z.refine((body) => body.ai !== undefined || body.ticket === undefined, {
      path: ['ai'],
      error: 'Send a ticket together with the AI’s work on it, or neither.',
    }),
    z.refine((body) => body.ticket !== undefined || body.ai === undefined, {
      path: ['ticket'],
      error: 'Send a ticket together with the AI’s work on it, or neither.',
    }),
    z.refine((body) => !body.ticket || body.category === undefined, {
      path: ['category'],
      error: 'A given ticket names its own category.',
    }),
  );
export type ArrivalRequest = z.input<typeof arrivalRequestSchema>;

export const arrivalResultSchema = z.object({
  handoff: handoffSchema,
  /** Where the policy sent it and why. */
  route: routeDecisionSchema,
});
export type ArrivalResult = z.infer<typeof arrivalResultSchema>;
