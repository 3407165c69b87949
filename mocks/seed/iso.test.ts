import { describe, expect, it } from 'vitest';
import { isoAt } from './iso';
import { createRandom } from './random';

describe('isoAt', () => {
  it('formats exactly like Date#toISOString', () => {
    const rng = createRandom(99);
    const samples = [0, 1, 999, 86_399_999, 86_400_000, Date.UTC(2024, 1, 29, 23, 59, 59, 999)];
    for (let i = 0; i < 5_000; i += 1) samples.push(rng.int(0, 4_102_444_800_000));
    for (const ms of samples) expect(isoAt(ms)).toBe(new Date(ms).toISOString());
  });

  it('drops fractions of a millisecond, as Date does', () => {
    expect(isoAt(1_717_000_000_123.9)).toBe(new Date(1_717_000_000_123).toISOString());
  });
});
