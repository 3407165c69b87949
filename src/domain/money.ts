import type { Commitment, Currency } from '../api/commitment-schemas';

/*
 * Money as the ladder counts it and as messages write it: amounts converted to US dollars at
 * rates that never under-count a foreign refund, and written the same under every locale.
 */

/**
 * USD per unit, rounded up on purpose: a euro refund is never under-counted against a dollar
 * limit. The backend may pass live rates.
 */
export type UsdRates = Record<Currency, number>;
export const conservativeUsdRates: UsdRates = { USD: 1, EUR: 1.2, GBP: 1.4 };

/** The commitment's amount in US dollars, or null when it has none. */
export function amountInUsd(
  commitment: Pick<Commitment, 'amount' | 'currency'>,
  rates: UsdRates = conservativeUsdRates,
): number | null {
  if (commitment.amount === null) return null;
  return roundCents(commitment.amount * rates[commitment.currency ?? 'USD']);
}

export function roundCents(value: number): number {
  return Math.round(value * 100) / 100;
}

const symbols: Record<Currency, string> = { USD: '$', EUR: '€', GBP: '£' };

// Hand-rolled so messages read the same under every runtime locale.
function grouped(whole: number): string {
  return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** $649.00, €20.00: always with cents, as a draft writes it. */
export function formatMoney(amount: number, currency: Currency = 'USD'): string {
  const cents = Math.round(amount * 100);
  const fraction = String(cents % 100).padStart(2, '0');
  return `${symbols[currency]}${grouped(Math.floor(cents / 100))}.${fraction}`;
}

/** $100, $5,000, $99.50: a limit shows cents only when it has them. */
export function formatLimit(amount: number): string {
  return Number.isInteger(amount) ? `$${grouped(amount)}` : formatMoney(amount);
}
