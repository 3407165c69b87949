import type { AuditEvent, Handoff, User } from '../../src/api/handoff-schemas';
import { assemble } from './assemble';
import { type CaseContent, writeTicket } from './case';
import { createCustomers } from './customers';
import { EXAMPLE_NUMBER, exampleHandoff } from './example';
import { addFollowUps } from './follow-ups';
import { type Plan, planCase } from './plan';
import { createRandom, type Random } from './random';
import { type Schedule, schedule } from './schedule';
import { SHOWCASE_NUMBERS, showcaseHandoffs } from './showcase';
import { seedUsers } from './users';

export { seedUsers };

export interface SeedOptions {
  /** Same seed and `now`, same world, on every machine. */
  seed?: number;
  /** Handoffs in the world, the worked example #4521 included. */
  count?: number;
  now: Date;
}

export interface SeedWorld {
  /** Oldest first. */
  handoffs: Handoff[];
  /** Grouped by handoff in the same order, each handoff's events oldest first. */
  events: AuditEvent[];
  users: User[];
}

interface Drafted {
  content: CaseContent;
  plan: Plan;
  times: Schedule;
}

export function generateWorld({ seed = 4521, count = 600, now }: SeedOptions): SeedWorld {
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError(`count must be a positive integer, got ${count}.`);
  const nowMs = now.getTime();
  if (!Number.isFinite(nowMs)) throw new RangeError('now must be a valid date.');

  // Worlds big enough to be a floor also carry the fixed showcase items (gates, failures, AI at work).
  const showcase = count >= 20 ? showcaseHandoffs(nowMs) : [];
  const rng = createRandom(seed);
  const customers = createCustomers(rng.fork(1), Math.max(40, Math.ceil(count / 3)));
  const drafted: Drafted[] = [];
  for (let i = 1 + showcase.length; i < count; i += 1) {
    const content = writeTicket(rng, () => rng.pick(customers));
    const plan = planCase(rng, content);
    const hardStop = content.flags.some((f) => f.hardStop);
    drafted.push({
      content,
      plan,
      times: schedule(rng, plan, content.ticket.urgency, hardStop, nowMs),
    });
  }
  // Ticket numbers rise with arrival time, as they would in a real help desk.
  drafted.sort((a, b) => a.times.createdAt - b.times.createdAt);

  const finish = rng.fork(2);
  const numbers = ticketNumbers(finish, drafted.length);
  const handoffs: Handoff[] = [];
  const trails: AuditEvent[][] = [];
  drafted.forEach((d, i) => {
    const { handoff, events } = assemble(
      finish,
      numbers[i] as number,
      d.content,
      d.plan,
      d.times,
      nowMs,
    );
    handoffs.push(handoff);
    trails.push(events);
  });

  addFollowUps(handoffs, rng.fork(3), nowMs);

  for (const extra of [exampleHandoff(nowMs), ...showcase]) {
    const at = insertionPoint(handoffs, Date.parse(extra.handoff.createdAt));
    handoffs.splice(at, 0, extra.handoff);
    trails.splice(at, 0, extra.events);
  }

  return { handoffs, events: trails.flat(), users: seedUsers.map((u) => ({ ...u })) };
}

/**
 * Unique, increasing numbers with small random gaps (other teams' tickets take the rest).
 * Four to five digits while the count allows; at scale-test sizes they run into six.
 */
function ticketNumbers(rng: Random, count: number): number[] {
  const maxGap = Math.min(9, Math.max(1, Math.floor(192_000 / Math.max(count, 1)) - 1));
  const numbers: number[] = [];
  let n = 3000 + rng.int(0, 200);
  for (let i = 0; i < count; i += 1) {
    n += rng.int(1, maxGap);
    while (n === EXAMPLE_NUMBER || SHOWCASE_NUMBERS.includes(n)) n += 1;
    numbers.push(n);
  }
  return numbers;
}

function insertionPoint(handoffs: readonly Handoff[], createdAt: number): number {
  let low = 0;
  let high = handoffs.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (Date.parse((handoffs[mid] as Handoff).createdAt) <= createdAt) low = mid + 1;
    else high = mid;
  }
  return low;
}
