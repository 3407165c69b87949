/*
 * A seeded PRNG (mulberry32) so the demo world is identical on every machine and every reset:
 * a reviewer who reports "ticket #4388 looks wrong" must find the same ticket as everyone else.
 * Only integer ops and one division, so there is no platform-dependent floating point.
 */

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** Uniform in [min, max). */
  float(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** A new generator whose stream does not depend on how much of this one is used later. */
  fork(salt: number): Random;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;

  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    float: (min, max) => min + next() * (max - min),
    chance: (probability) => next() < probability,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('Cannot pick from an empty list.');
      return items[Math.floor(next() * items.length)] as T;
    },
    weighted<T>(entries: readonly (readonly [T, number])[]): T {
      let total = 0;
      for (const [, weight] of entries) total += weight;
      if (!(total > 0)) throw new RangeError('Weighted pick needs a positive total weight.');
      let roll = next() * total;
      let last = entries[0] as readonly [T, number];
      for (const entry of entries) {
        if (entry[1] <= 0) continue;
        last = entry;
        roll -= entry[1];
        if (roll < 0) return entry[0];
      }
      // Floating-point leftovers can leave a sliver past the last bucket.
      return last[0];
    },
    fork: (salt) => createRandom(Math.imul(state ^ salt, 0x9e3779b1) ^ (salt >>> 0)),
  };
}
