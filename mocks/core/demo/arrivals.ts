import { createRandom } from '../../seed/random';
import { generateArrival } from '../policy/generate-arrival';
import type { ArrivalInput } from '../policy/ingest';
import { ingestTicket } from '../policy/ingest';
import type { BackendServices, SystemJob } from '../services';
import { demoSettings } from './settings-store';

const KEY = 'demo.arrivals';

/** When arrivals were last counted, and the fraction of a ticket owed since. */
interface ArrivalClock {
  lastAt: number;
  owed: number;
}

/** A tab left in the background must not flood the queue when it wakes up. */
const MAX_PER_TICK = 10;

/** The seeded world's AI; the demo's quality dial moves around it. */
const SEEDED_QUALITY = 0.8;

/** Called when the demo settings change: arrivals count from then, not from long ago. */
export function restartArrivalClock(s: BackendServices): void {
  s.world.putSetting(KEY, { lastAt: s.clock(), owed: 0 } satisfies ArrivalClock);
}

/**
 * Shifts what the AI produced by the demo's quality dial: a worse AI is less sure of itself,
 * fails mid-task more often and, worst of all, is sometimes confidently wrong (a high
 * confidence on a draft that promises what nobody approved).
 */
export function withAiQuality(
  input: ArrivalInput,
  quality: number,
  draw: () => number,
): ArrivalInput {
  const shift = (quality - SEEDED_QUALITY) * 0.5;
  let confidence = clamp(input.ai.confidence + shift, 0.05, 0.99);
  let { draft, diagnosis = null } = input.ai;
  const weakness = Math.max(0, SEEDED_QUALITY - quality);
  if (draw() < weakness * 0.25) {
    diagnosis = 'The order system did not answer in time; the draft stops after the greeting.';
  } else if (draw() < weakness * 0.3) {
    confidence = Math.max(confidence, 0.93);
    draft = `${draft}\n\nWe have already issued a full refund of your last order as a goodwill gesture.`;
  }
  return { ...input, ai: { ...input.ai, confidence, draft, diagnosis } };
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/**
 * The demo floor's arrivals: tickets come in at the configured rate, written by the seed's
 * story generator, shaped by the AI-quality dial and routed by the policy in force, so the
 * queue fills and the dashboard moves on its own.
 */
export const demoArrivals: SystemJob = (s) => {
  const { arrivalsPerMinute, aiQuality } = demoSettings(s.world);
  if (arrivalsPerMinute <= 0) return;
  const now = s.clock();
  const clock = s.world.setting<ArrivalClock>(KEY);
  if (!clock) {
    restartArrivalClock(s);
    return;
  }
  const due = clock.owed + ((now - clock.lastAt) / 60_000) * arrivalsPerMinute;
  const count = Math.min(Math.floor(due), MAX_PER_TICK);
  if (count < 1) return;
  for (let i = 0; i < count; i += 1) {
    const arrival = generateArrival(s);
    // Drawn from the world's size, so a replayed world sees the same AI mistakes.
    const rng = createRandom(s.world.handoffs.size * 7907 + 17);
    ingestTicket(
      s,
      withAiQuality(arrival, aiQuality, () => rng.next()),
    );
  }
  s.world.putSetting(KEY, {
    lastAt: now,
    owed: count === MAX_PER_TICK ? 0 : due - count,
  } satisfies ArrivalClock);
};
