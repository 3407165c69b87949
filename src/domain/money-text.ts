import type { Currency } from '../api/commitment-schemas';

/*
 * Money as it is written in a reply: "$89.00", "€1.234,50", "20 USD", "12 pounds". One reader
 * for the promise finder and the text guard, so both agree on what an amount is.
 */

const numberPattern = '\\d{1,3}(?:[,.]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?';

const prefixMoney = new RegExp(
  `(?<![\\p{L}\\p{N}])(US\\$|\\$|€|£|USD|EUR|GBP)\\s?(${numberPattern})(?![\\d])`,
  'giu',
);
const suffixMoney = new RegExp(
  `(?<![\\d.,])(${numberPattern})\\s?(€|USD|EUR|GBP|dollars?|euros?|pounds?)(?![\\p{L}])`,
  'giu',
);

const currencyOf: Record<string, Currency> = {
  $: 'USD',
  us$: 'USD',
  usd: 'USD',
  dollar: 'USD',
  dollars: 'USD',
  '€': 'EUR',
  eur: 'EUR',
  euro: 'EUR',
  euros: 'EUR',
  '£': 'GBP',
  gbp: 'GBP',
  pound: 'GBP',
  pounds: 'GBP',
};

/**
 * "1,234.50" and "1.234,50" are both 1234.5: a separator followed by exactly three digits
 * groups thousands, the last one followed by one or two digits is the decimal point.
 */
export function parseAmount(text: string): number | null {
  const grouped = /^\d{1,3}(?:([,.])\d{3})+(?:([.,])(\d{1,2}))?$/.exec(text);
  if (grouped) {
    const [, group, decimal, fraction] = grouped;
    if (decimal !== undefined && decimal === group) return null;
    const whole = text.slice(0, decimal === undefined ? text.length : text.lastIndexOf(decimal));
    return Number(`${whole.split(group ?? ',').join('')}.${fraction ?? '0'}`);
  }
  if (/^\d+(?:[.,]\d{1,2})?$/.test(text)) return Number(text.replace(',', '.'));
  return null;
}

export interface MoneyMention {
  start: number;
  end: number;
  value: number;
  currency: Currency;
}

/** Every amount of money in the text, in reading order; "$20 USD" is one amount, not two. */
export function moneyIn(text: string): MoneyMention[] {
  const found: MoneyMention[] = [];
  const add = (m: RegExpExecArray, numberText: string, currencyText: string) => {
    const value = parseAmount(numberText);
    const currency = currencyOf[currencyText.toLowerCase()];
    if (value === null || !currency) return;
    const start = m.index;
    const end = start + m[0].length;
    if (found.some((a) => a.start < end && start < a.end)) return;
    found.push({ start, end, value, currency });
  };
  for (const m of text.matchAll(prefixMoney)) add(m, m[2] ?? '', m[1] ?? '');
  for (const m of text.matchAll(suffixMoney)) add(m, m[1] ?? '', m[2] ?? '');
  return found.sort((a, b) => a.start - b.start);
}
