import { describe, expect, it } from 'vitest';
import { refund } from '../../tests/kits/commitments';
import { amountInUsd, formatLimit, formatMoney } from './money';

describe('amountInUsd', () => {
  it('converts at the conservative rates, or the ones given', () => {
    expect(amountInUsd(refund(100))).toBe(100);
    expect(amountInUsd(refund(100, 'EUR'))).toBe(120);
    expect(amountInUsd(refund(100, 'GBP'))).toBe(140);
    expect(amountInUsd(refund(100, 'EUR'), { USD: 1, EUR: 1.08, GBP: 1.27 })).toBe(108);
    expect(amountInUsd(refund(null))).toBeNull();
  });
});

describe('money formatting', () => {
  it('writes amounts with cents and limits without needless ones', () => {
    expect(formatMoney(649)).toBe('$649.00');
    expect(formatMoney(1234.5)).toBe('$1,234.50');
    expect(formatMoney(20, 'EUR')).toBe('€20.00');
    expect(formatLimit(100)).toBe('$100');
    expect(formatLimit(5000)).toBe('$5,000');
    expect(formatLimit(99.5)).toBe('$99.50');
  });
});
