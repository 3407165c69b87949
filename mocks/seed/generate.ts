import type { AuditEvent, Handoff, User } from '../../src/api/handoff-schemas';
import { assemble } from './assemble';
import { type CaseContent, writeTicket } from './case';
import { createCustomers, type SeedCustomer } from './customers';
import { EXAMPLE_NUMBER, exampleHandoff } from './example';
import { addFollowUps } from './follow-ups';
import { type Plan, planCase, seedRoute } from './plan';
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

/**
 * A demo world's size: enough of the AI's own sends that the floor's open work (see
 * `PEOPLE_FLOOR`) is one ticket in eight, the middle of the 10–15% review band.
 */
export const DEMO_WORLD_SIZE = 1_200;

/*
 * A floor's worth of people's work, planned before the history around it: every world big
 * enough to be a floor holds at least this many items routed to a person (about 60% of them
 * still open), and worlds of the demo's size and up hold one in eight. Small test worlds are
 * mostly people's work; they are for working a queue, not for reading a review rate.
 */
const PEOPLE_FLOOR = 140;
const PEOPLE_SHARE = 0.125;
const MOST_OF_A_SMALL_WORLD = 0.7;

/** How many of `n` generated items a person gets, by the policy's routing. */
export function peopleItems(n: number): number {
  return Math.min(
    Math.round(n * MOST_OF_A_SMALL_WORLD),
    Math.max(PEOPLE_FLOOR, Math.round(n * PEOPLE_SHARE)),
  );
}

export function generateWorld({
  seed = 4521,
  count = DEMO_WORLD_SIZE,
  now,
}: SeedOptions): SeedWorld {
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError(`count must be a positive integer, got ${count}.`);
  const nowMs = now.getTime();
  if (!Number.isFinite(nowMs)) throw new RangeError('now must be a valid date.');

  // Worlds big enough to be a floor also carry the fixed showcase items (gates, failures, AI at work).
  const showcase = count >= 20 ? showcaseHandoffs(nowMs) : [];
  const rng = createRandom(seed);
  const customers = createCustomers(rng.fork(1), Math.max(40, Math.ceil(count / 3)));
  const generated = Math.max(0, count - 1 - showcase.length);
  const forPeople = peopleItems(generated);
  const planned: Omit<Drafted, 'times'>[] = [];
  for (let i = 0; i < generated; i += 1) {
    const content = drawTicket(rng, () => rng.pick(customers), i < forPeople);
    planned.push({ content, plan: planCase(rng, content) });
  }
  // The AI's own sends arrive at the same pace as people's items: as many of them are recent
  // as people's items are still open (the worked example and the showcase items among them),
  // so the review rate reads about the same over any window.
  const people = planned.filter(({ plan }) => isPeoples(plan));
  const recent = people.filter(({ plan }) => isOpen(plan)).length + 1 + showcase.length;
  const recentShare = people.length === 0 ? 0 : Math.min(1, recent / people.length);
  const times = (d: Omit<Drafted, 'times'>, arrivals: readonly number[]): Drafted => ({
    ...d,
    times: schedule(
      rng,
      d.plan,
      d.content.ticket.urgency,
      d.content.flags.some((f) => f.hardStop),
      nowMs,
      { share: recentShare, arrivals },
    ),
  });
  // People's work first, so the AI's recent sends can arrive beside its open items.
  const worked = planned
    .filter(({ plan }) => plan.status !== 'auto_approved')
    .map((d) => times(d, []));
  const openArrivals = [
    ...worked.filter(({ plan }) => isOpen(plan)).map((d) => d.times.createdAt),
    ...showcase.map((s) => Date.parse(s.handoff.createdAt)),
  ];
  const drafted: Drafted[] = [
    ...worked,
    ...planned
      .filter(({ plan }) => plan.status === 'auto_approved')
      .map((d) => times(d, openArrivals)),
  ];
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
 * The next ticket in the inbox that the default policy routes the way the plan asks: to a
 * person (or a failed task, which always reaches one) or past people. Tickets are drawn as the
 * inbox writes them until one fits, so each side keeps the inbox's own mix.
 */
function drawTicket(rng: Random, pickCustomer: () => SeedCustomer, forPeople: boolean) {
  let content = writeTicket(rng, pickCustomer);
  for (let tries = 0; reachesPeople(content) !== forPeople && tries < 200; tries += 1) {
    content = writeTicket(rng, pickCustomer);
  }
  return content;
}

function reachesPeople(c: CaseContent): boolean {
  return c.diagnosis !== null || seedRoute(c).route === 'human_review';
}

/** A plan a person works: neither the AI's own send nor still with the AI. */
function isPeoples(plan: Plan): boolean {
  return plan.status !== 'ai_working' && plan.moves.every((m) => m.type !== 'auto_approve');
}

function isOpen(plan: Plan): boolean {
  return ['pending', 'claimed', 'escalated', 'failed'].includes(plan.status);
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
