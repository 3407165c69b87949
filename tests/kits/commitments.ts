import type { Commitment } from '../../src/api/commitment-schemas';

/* Hand-built commitments for the authority and money tests: only kind, amount and currency matter. */

export const refund = (
  amount: number | null,
  currency: Commitment['currency'] = 'USD',
): Commitment => ({
  kind: 'refund',
  amount,
  currency: amount === null ? null : currency,
  text: 'refund',
  evidence: { start: 0, end: 6 },
});
export const credit = (amount: number): Commitment => ({ ...refund(amount), kind: 'credit' });
export const exception = (amount: number | null = null): Commitment => ({
  ...refund(amount),
  kind: 'policy_exception',
});
