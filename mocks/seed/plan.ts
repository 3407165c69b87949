import type { HandoffKind, HandoffStatus, Level, User } from '../../src/api/handoff-schemas';
import type { RouteDecision } from '../../src/api/what-if-schemas';
import { defaultLadder } from '../../src/domain/default-ladder';
import { defaultRoutingPolicy } from '../../src/domain/default-policy';
import { escalationTargets } from '../../src/domain/levels';
import { type LifecycleEvent, nextStatus } from '../../src/domain/lifecycle';
import { promisesToRoute } from '../../src/domain/promises';
import { routeItem } from '../../src/domain/routing';
import type { CaseContent } from './case';
import type { Random } from './random';
import {
  escalationNotes,
  redirectInstructions,
  rejectReasons,
  reviewerAdditions,
} from './stories/reviewer-notes';
import { staffAt } from './users';

/** One thing that happened to a handoff after the AI created it, in order. */
export type Move =
  | { type: 'claim'; by: User }
  | {
      type: 'approve';
      by: User;
      timeOnItemMs: number;
      optionIndex: number | null;
      addition: string | null;
    }
  | { type: 'reject'; by: User; timeOnItemMs: number; reason: string }
  | { type: 'escalate'; by: User; timeOnItemMs: number; target: Level; note: string }
  | { type: 'redirect'; by: User; timeOnItemMs: number; instructions: string }
  | { type: 'auto_approve' }
  | { type: 'fail' };

export interface Plan {
  kind: HandoffKind;
  /** Where the item starts: the AI either hands over at once or is still working. */
  start: 'pending' | 'ai_working';
  /** The level the AI routed to; escalations move it up. */
  level: Level;
  moves: Move[];
  /** The status after every move, checked against the lifecycle rules. */
  status: HandoffStatus;
}

type Outcome = 'pending' | 'claimed' | 'redirected_back' | 'approved' | 'rejected' | 'escalated';

/*
 * Rough shape of a support floor mid-shift: most work waiting, some in hand, a share
 * already decided. Policy hard stops are decided less often and escalated more.
 */
const routine: readonly (readonly [Outcome, number])[] = [
  ['pending', 47],
  ['claimed', 9],
  ['redirected_back', 3],
  ['approved', 28],
  ['rejected', 5],
  ['escalated', 5],
];
const hardStop: readonly (readonly [Outcome, number])[] = [
  ['pending', 52],
  ['claimed', 13],
  ['redirected_back', 2],
  ['approved', 13],
  ['rejected', 7],
  ['escalated', 13],
];

export function planCase(rng: Random, c: CaseContent): Plan {
  const route = seedRoute(c);
  const level = route.level;
  if (c.diagnosis !== null) {
    // A failed task either stops outright or arrives in the queue with its diagnosis.
    return rng.chance(0.5)
      ? settle({ kind: 'escalation', start: 'ai_working', level, moves: [{ type: 'fail' }] })
      : settle({ kind: 'escalation', start: 'pending', level, moves: [] });
  }
  const stopped = c.flags.some((f) => f.hardStop);
  if (!stopped && rng.chance(0.03)) {
    return settle({ kind: 'initiation', start: 'ai_working', level, moves: [] });
  }
  if (route.route !== 'human_review') {
    return settle({
      kind: 'completion',
      start: 'ai_working',
      level,
      moves: [{ type: 'auto_approve' }],
    });
  }
  const kind: HandoffKind = stopped ? 'escalation' : rng.chance(0.1) ? 'completion' : 'checkpoint';
  const moves = peopleMoves(rng, c, level, rng.weighted(stopped ? hardStop : routine));
  return settle({ kind, start: 'pending', level, moves });
}

/**
 * The seeded floor ran under the default policy and ladder, routed by the same decision table
 * as live arrivals (ingestTicket): the AI sends what the policy lets it, a person gets the rest
 * at the level the rules and stakes ask for. The post-hoc draw needs the item's id, so it is
 * taken when the item is assembled.
 */
export function seedRoute(c: CaseContent, random01 = 0.5): RouteDecision {
  return routeItem(
    {
      category: c.ticket.category,
      confidence: c.confidence,
      flags: c.flags,
      ...promisesToRoute(c.draft, c.options),
      random01,
    },
    defaultRoutingPolicy,
    { ladder: defaultLadder },
  );
}

function peopleMoves(rng: Random, c: CaseContent, level: Level, outcome: Outcome): Move[] {
  if (outcome === 'pending') return [];
  const by = rng.pick(staffAt(level));
  const claim: Move = { type: 'claim', by };
  const redirect: Move = {
    type: 'redirect',
    by,
    timeOnItemMs: rng.int(40_000, 240_000),
    instructions: rng.pick(
      redirectInstructions[c.ticket.category === 'shipping' ? 'parcel' : 'other'],
    ),
  };
  switch (outcome) {
    case 'claimed':
      return [claim];
    case 'redirected_back':
      return [claim, redirect];
    case 'approved': {
      const approve = approval(rng, c, by);
      // Some approvals skip the claim (one-key approve from the queue), some follow a redirect.
      if (rng.chance(0.25)) return [approve];
      return rng.chance(0.1) ? [claim, redirect, approve] : [claim, approve];
    }
    case 'rejected':
      return [
        claim,
        {
          type: 'reject',
          by,
          timeOnItemMs: rng.int(30_000, 300_000),
          reason: rng.pick(rejectReasons),
        },
      ];
    case 'escalated': {
      const targets = escalationTargets(level);
      const target = targets[0] ?? 'executive';
      const note = rng.pick(escalationNotes);
      return [
        claim,
        { type: 'escalate', by, timeOnItemMs: rng.int(45_000, 360_000), target, note },
      ];
    }
  }
}

function approval(rng: Random, c: CaseContent, by: User): Move {
  const optionIndex =
    c.options.length > 0
      ? rng.weighted(c.options.map((_, i) => [i, i === 0 ? 3 : 1] as const))
      : null;
  const edited = rng.chance(0.3);
  // A few decisions come in too fast to be a real review: the lead dashboard must see them.
  const rubberStamp = !edited && rng.chance(0.08);
  const timeOnItemMs = rubberStamp
    ? rng.int(900, 3_500)
    : edited
      ? rng.int(60_000, 420_000)
      : rng.int(15_000, 200_000);
  return {
    type: 'approve',
    by,
    timeOnItemMs,
    optionIndex,
    addition: edited ? rng.pick(reviewerAdditions) : null,
  };
}

const lifecycleEvent: Record<Move['type'], LifecycleEvent[]> = {
  claim: ['claim'],
  approve: ['approve'],
  reject: ['reject'],
  escalate: ['escalate'],
  // The AI answers a redirect at once, handing the item back to the reviewer.
  redirect: ['redirect', 'ai_revised'],
  auto_approve: ['auto_approve'],
  fail: ['ai_failed'],
};

/** Runs the moves through the lifecycle table, so the seed can never show an impossible history. */
export function settle(plan: Omit<Plan, 'status'>): Plan {
  let status: HandoffStatus = plan.start;
  for (const move of plan.moves) {
    for (const event of lifecycleEvent[move.type]) {
      const next = nextStatus(status, event);
      if (!next) throw new Error(`Seed plan breaks the lifecycle: ${status} -> ${event}`);
      status = next;
    }
  }
  return { ...plan, status };
}
