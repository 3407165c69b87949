import './zod-config';
import { z } from 'zod';
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
  customer: customerSchema.strict(),
  channel: channelSchema,
  subject: z.string().min(1).max(500),
  body: z.string().min(1).max(20_000),
  category: categorySchema,
  urgency: urgencySchema,
  language: z.string().min(2).max(35),
  attachments: z.number().int().nonnegative(),
});
export type ArrivalTicket = z.infer<typeof arrivalTicketSchema>;

/** What the AI made of the ticket: its reply, its confidence, any options and any failure. */
export const arrivalAiSchema = z.strictObject({
  draft: z.string().min(1).max(20_000),
  confidence: z.number().min(0).max(1),
  options: z
    .array(z.strictObject({ label: z.string().min(1), rationale: z.string(), draft: z.string() }))
    .max(9)
    .default([]),
  /** What went wrong when the AI could not finish; null when it did. */
  diagnosis: z.string().min(1).nullable().default(null),
});
export type ArrivalAi = z.infer<typeof arrivalAiSchema>;

/**
 * POST /handoffs/arrivals: either a ticket with the AI's work, ingested as given, or nothing,
 * and the backend writes a realistic one (of `category`, with the AI at `confidence`, when
 * asked). Either way the rules and the routing policy in force decide where it goes.
 */
export const arrivalRequestSchema = z
  .strictObject({
    ticket: arrivalTicketSchema.optional(),
    ai: arrivalAiSchema.optional(),
    category: categorySchema.optional(),
    confidence: z.number().min(0).max(1).optional(),
  })
  .refine((body) => body.ai !== undefined || body.ticket === undefined, {
    path: ['ai'],
    error: 'Send a ticket together with the AI’s work on it, or neither.',
  })
  .refine((body) => body.ticket !== undefined || body.ai === undefined, {
    path: ['ticket'],
    error: 'Send a ticket together with the AI’s work on it, or neither.',
  })
  .refine((body) => !body.ticket || body.category === undefined, {
    path: ['category'],
    error: 'A given ticket names its own category.',
  });
export type ArrivalRequest = z.input<typeof arrivalRequestSchema>;

export const arrivalResultSchema = z.object({
  handoff: handoffSchema,
  /** Where the policy sent it and why. */
  route: routeDecisionSchema,
});
export type ArrivalResult = z.infer<typeof arrivalResultSchema>;
