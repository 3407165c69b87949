/*
 * How tickets arrive at the reference agent: a rate in tickets per minute, counted on a clock
 * that carries fractions over, and the AI-quality dial that shifts what the AI makes of each
 * ticket. In the demo (and on a server that offers the demo floor) both come from the floor's
 * settings, read over the API; otherwise from the agent's command line.
 */

/** What arrivals follow: tickets per minute (0 pauses them) and the AI's quality, 0 to 1. */
export interface Pace {
  arrivalsPerMinute: number;
  aiQuality: number;
}

/** The seeded world's AI; the quality dial moves around it. */
export const SEEDED_QUALITY = 0.8;

/** A tab left in the background must not flood the queue when it wakes up. */
export const MAX_PER_TICK = 10;

/**
 * Counts the tickets owed at a rate since it last counted. A new rate starts the count again
 * from that moment (not from long ago), and a long gap brings at most MAX_PER_TICK.
 */
export class ArrivalClock {
  private lastAt: number | null = null;
  private rate = 0;
  private owed = 0;

  /** `firstOwed` 1: the first ticket arrives at once, the next after one interval. */
  constructor(private readonly firstOwed = 0) {}

  /** How many tickets arrive now, at `ratePerMinute`. */
  take(now: number, ratePerMinute: number): number {
    if (this.lastAt === null || ratePerMinute !== this.rate) {
      this.owed = this.lastAt === null ? this.firstOwed : 0;
      this.lastAt = now;
      this.rate = ratePerMinute;
    }
    if (ratePerMinute <= 0) return 0;
    const due = this.owed + ((now - this.lastAt) / 60_000) * ratePerMinute;
    const count = Math.min(Math.floor(due), MAX_PER_TICK);
    if (count < 1) return 0;
    this.lastAt = now;
    this.owed = count === MAX_PER_TICK ? 0 : due - count;
    return count;
  }
}

/** The AI's work on one ticket, as the quality dial sees it. */
export interface AiWork {
  draft: string;
  confidence: number;
  diagnosis?: string | null;
}

/**
 * Shifts what the AI produced by the quality dial: a worse AI is less sure of itself, fails
 * mid-task more often and, worst of all, is sometimes confidently wrong (a high confidence on a
 * draft that promises what nobody approved).
 */
export function withAiQuality<T extends { ai: AiWork }>(
  input: T,
  quality: number,
  draw: () => number,
): T {
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
