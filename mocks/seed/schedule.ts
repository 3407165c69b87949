import type { Gate, GateDefault, Urgency } from '../../src/api/handoff-schemas';
import { newGate } from '../../src/domain/gates';
import type { Plan } from './plan';
import type { Random } from './random';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Time to first response promised per urgency. */
export const slaMs: Record<Urgency, number> = {
  critical: 4 * HOUR,
  high: 8 * HOUR,
  normal: 24 * HOUR,
  low: 48 * HOUR,
};

/*
 * Where open items' deadlines fall relative to now. Only the most urgent can already be
 * breached, and by at most two hours: a floor where everything is overdue teaches nothing.
 * Only an item someone holds may be breached at the start: the SLA job escalates unclaimed
 * ones at once, and a newcomer's first click must not race it.
 */
const openDueWindow: Record<Urgency, [number, number]> = {
  critical: [-2 * HOUR, 3 * HOUR],
  high: [-1 * HOUR, 8 * HOUR],
  normal: [0.5 * HOUR, 24 * HOUR],
  low: [4 * HOUR, 48 * HOUR],
};

export interface Schedule {
  createdAt: number;
  dueAt: number;
  /** When each move happened, one per move. */
  moveAt: number[];
  gate: Gate | null;
}

const openStatuses = new Set(['pending', 'claimed', 'escalated', 'failed']);

/** How long a fresh world's unclaimed items stay clear of their due time. */
export const UNCLAIMED_GRACE_MS = 15 * MINUTE;

export function schedule(
  rng: Random,
  plan: Plan,
  urgency: Urgency,
  hardStop: boolean,
  now: number,
  /** The AI's own sends that arrived alongside people's open work: its share and those arrivals. */
  recent: { share: number; arrivals: readonly number[] } = { share: 0, arrivals: [] },
): Schedule {
  const gaps = plan.moves.map((move) => gapBefore(rng, move));
  let createdAt: number;
  let dueAt: number;
  if (plan.status === 'ai_working') {
    createdAt = now - rng.int(20_000, 4 * MINUTE);
    dueAt = createdAt + slaMs[urgency];
  } else if (openStatuses.has(plan.status)) {
    const [from, to] = openDueWindow[urgency];
    const drawn = rng.int(from, to);
    dueAt = now + (plan.status === 'claimed' ? drawn : clearOfStart(drawn, from));
    createdAt = Math.min(dueAt - slaMs[urgency], now - rng.int(3 * MINUTE, 25 * MINUTE));
  } else if (
    plan.status === 'auto_approved' &&
    recent.arrivals.length > 0 &&
    rng.chance(recent.share)
  ) {
    // Tickets arrive at the same pace whoever answers them: one the AI sent arrived beside one
    // of people's open items, and a person's are still open in this share.
    const beside = rng.pick(recent.arrivals) + rng.int(-10 * MINUTE, 10 * MINUTE);
    createdAt = Math.min(beside, now - rng.int(2 * MINUTE, 5 * MINUTE));
    dueAt = createdAt + slaMs[urgency];
  } else {
    createdAt = now - rng.int(45 * MINUTE, 72 * HOUR);
    dueAt = createdAt + slaMs[urgency];
  }
  return {
    createdAt,
    dueAt,
    moveAt: placeMoves(createdAt, gaps, now),
    gate: gateFor(rng, plan, hardStop, now),
  };
}

/**
 * An unclaimed item whose deadline was drawn too close (or past) is due within the hour after
 * the grace instead: still at risk on the dashboard, not yet breached.
 */
function clearOfStart(drawn: number, from: number): number {
  if (drawn >= UNCLAIMED_GRACE_MS) return drawn;
  const share = (drawn - from) / (UNCLAIMED_GRACE_MS - from);
  return Math.round(UNCLAIMED_GRACE_MS + share * (HOUR - UNCLAIMED_GRACE_MS));
}

function gapBefore(rng: Random, move: Plan['moves'][number]): number {
  switch (move.type) {
    case 'claim':
      return rng.int(MINUTE, 90 * MINUTE);
    case 'auto_approve':
      return rng.int(2_000, 6_000);
    case 'fail':
      return rng.int(3_000, 12_000);
    default:
      // A decision lands after the time the reviewer spent on the item, plus a pause.
      return move.timeOnItemMs + rng.int(1_000, 60_000);
  }
}

/** Lays the moves after creation, squeezing them if needed so nothing happens in the future. */
function placeMoves(createdAt: number, gaps: number[], now: number): number[] {
  const total = gaps.reduce((sum, gap) => sum + gap, 0);
  const room = now - MINUTE - createdAt;
  const scale = total > room ? room / total : 1;
  const at: number[] = [];
  let t = createdAt;
  for (const gap of gaps) {
    t += Math.max(1, Math.floor(gap * scale));
    at.push(t);
  }
  return at;
}

function gateFor(rng: Random, plan: Plan, hardStop: boolean, now: number): Gate | null {
  if (plan.status !== 'pending' || !rng.chance(0.2)) return null;
  // Silence must never approve what the rules said a person has to decide: the safe default.
  const action: GateDefault = hardStop
    ? 'hold_and_escalate'
    : rng.weighted([
        ['approve', 4],
        ['reject', 2],
        ['hold_and_escalate', 4],
      ] as const);
  // Like a deadline, no gate closes in a fresh world's first quarter hour.
  return newGate(now, rng.int(UNCLAIMED_GRACE_MS + 5 * MINUTE, 6 * HOUR), action);
}
