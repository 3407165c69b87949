import './zod-config';
import { z } from 'zod/mini';

/* ---------- stakes: what a draft commits the company to ---------- */

export const commitmentKindSchema = z.enum(['refund', 'credit', 'policy_exception']);
export type CommitmentKind = z.infer<typeof commitmentKindSchema>;

export const currencySchema = z.enum(['USD', 'EUR', 'GBP']);
export type Currency = z.infer<typeof currencySchema>;

/** A character range [start, end) into the draft. */
export const draftSpanSchema = z.object({
  start: z.int().check(z.nonnegative()),
  end: z.int().check(z.nonnegative()),
});
export type DraftSpan = z.infer<typeof draftSpanSchema>;

export const commitmentSchema = z.object({
  kind: commitmentKindSchema,
  /** In `currency`; null when the draft promises money without a readable amount. */
  amount: z.nullable(z.number().check(z.nonnegative())),
  currency: z.nullable(currencySchema),
  /** The promise as written, for the reviewer (the draft text at `evidence`). */
  text: z.string(),
  evidence: draftSpanSchema,
});
export type Commitment = z.infer<typeof commitmentSchema>;
