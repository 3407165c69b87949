import { describe, expect, it } from 'vitest';
import { createRandom } from './random';

const draw = (seed: number, n = 20) => {
  const rng = createRandom(seed);
  return Array.from({ length: n }, () => rng.next());
};

describe('createRandom', () => {
  it('repeats the same stream for the same seed and differs for another', () => {
    expect(draw(4521)).toEqual(draw(4521));
    expect(draw(4521)).not.toEqual(draw(4522));
  });

  it('produces the same numbers on every machine (pinned values)', () => {
    const rng = createRandom(1);
    expect([rng.int(0, 1_000_000), rng.int(0, 1_000_000), rng.int(0, 1_000_000)]).toEqual([
      627_074, 2_735, 527_447,
    ]);
  });

  it('stays within [0, 1) and fills the range evenly', () => {
    const values = draw(7, 20_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const low = values.filter((v) => v < 0.5).length / values.length;
    expect(low).toBeGreaterThan(0.48);
    expect(low).toBeLessThan(0.52);
  });

  it('draws integers inclusive of both bounds', () => {
    const rng = createRandom(3);
    const seen = new Set(Array.from({ length: 500 }, () => rng.int(2, 5)));
    expect([...seen].sort()).toEqual([2, 3, 4, 5]);
  });

  it('picks from a list and refuses an empty one', () => {
    const rng = createRandom(5);
    const seen = new Set(Array.from({ length: 200 }, () => rng.pick(['a', 'b', 'c'])));
    expect(seen).toEqual(new Set(['a', 'b', 'c']));
    expect(() => rng.pick([])).toThrow(RangeError);
  });

  it('follows weights, never choosing a zero-weight entry', () => {
    const rng = createRandom(11);
    const counts = { common: 0, rare: 0, never: 0 };
    for (let i = 0; i < 10_000; i += 1) {
      counts[
        rng.weighted([
          ['common', 9],
          ['never', 0],
          ['rare', 1],
        ] as const)
      ] += 1;
    }
    expect(counts.never).toBe(0);
    expect(counts.rare / 10_000).toBeGreaterThan(0.08);
    expect(counts.rare / 10_000).toBeLessThan(0.12);
    expect(() => rng.weighted([['x', 0]])).toThrow(RangeError);
  });

  it('respects probabilities in chance', () => {
    const rng = createRandom(13);
    const hits = Array.from({ length: 10_000 }, () => rng.chance(0.2)).filter(Boolean).length;
    expect(hits / 10_000).toBeGreaterThan(0.18);
    expect(hits / 10_000).toBeLessThan(0.22);
  });

  it('forks independent, reproducible streams', () => {
    const a = createRandom(21);
    const b = createRandom(21);
    const forkA = a.fork(1);
    a.next();
    const forkB = b.fork(1);
    expect(forkA.next()).toBe(forkB.next());
    expect(createRandom(21).fork(1).next()).not.toBe(createRandom(21).fork(2).next());
  });
});
