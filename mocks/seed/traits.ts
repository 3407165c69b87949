import type { Urgency } from '../../src/api/handoff-schemas';
import type { Random } from './random';

/* How pressing a ticket is and how sure the AI is of its draft: the two numbers routing reads. */

const urgencyWeights: readonly (readonly [Urgency, number])[] = [
  ['low', 15],
  ['normal', 55],
  ['high', 22],
  ['critical', 8],
];

const urgencyRank: Record<Urgency, number> = { low: 0, normal: 1, high: 2, critical: 3 };

/** Angry repeat customers and threats jump the line, whatever the request itself is. */
export function urgencyFor(rng: Random, minimum: Urgency | undefined, heated: boolean): Urgency {
  let urgency = rng.weighted(urgencyWeights);
  const floors: (Urgency | undefined)[] = [minimum, heated ? 'high' : undefined];
  for (const floor of floors) {
    if (floor && urgencyRank[floor] > urgencyRank[urgency]) urgency = floor;
  }
  return urgency;
}

/**
 * Most drafts are confident; a tail falls under the 70% line. Ambiguous requests (several
 * valid options), other languages and failed tool calls pull confidence down, as they would
 * for a real model.
 */
export function confidenceFor(
  rng: Random,
  failed: boolean,
  ambiguous: boolean,
  english: boolean,
): number {
  let value: number;
  if (failed) value = rng.float(0.2, 0.55);
  else {
    const band = rng.weighted([
      ['high', 80],
      ['middle', 14],
      ['low', 6],
    ] as const);
    value =
      band === 'high'
        ? rng.float(0.72, 0.97)
        : band === 'middle'
          ? rng.float(0.64, 0.74)
          : rng.float(0.35, 0.64);
  }
  if (ambiguous) value = Math.min(value, 0.88);
  if (!english) value -= 0.05;
  return Math.round(Math.max(0.05, value) * 100) / 100;
}

/** A plain question with the answer in the AI's own systems: it is sure, most of the time. */
export function routineConfidence(rng: Random): number {
  return Math.round(rng.float(0.91, 0.98) * 100) / 100;
}
