// @vitest-environment node

import fc from 'fast-check';
import type { DashboardWindow } from '../../src/api/dashboard-schemas';
import {
  categorySchema,
  flagRuleSchema,
  type Handoff,
  type HandoffSummary,
  handoffPageSchema,
  handoffStatusSchema,
  levelSchema,
  sortFieldSchema,
  type User,
} from '../../src/api/handoff-schemas';
import { defaultTeamDirectory } from '../../src/domain/default-teams';
import { hasAuthorityOver } from '../../src/domain/levels';
import { claimableStatuses } from '../../src/domain/lifecycle';
import { computeDashboard } from '../../src/domain/metrics/dashboard';
import { itemFacts } from '../../src/domain/metrics/facts';
import { priorityScore, slaState } from '../../src/domain/sla';
import { teamsOf } from '../../src/domain/teams';
import { everyPage, pageQuery } from '../../tests/kits/paging';
import { seedUsers } from '../seed/users';
import { Backend } from './backend';
import { toSummary } from './list';
import { teamsInForce } from './teams/store';
import { callBackend as call } from './test-items';

/*
 * The queue's indexes and the dashboard's caches follow writes incrementally; here random
 * runs of writes are checked against the plain computation over the whole world, page by page.
 */

const START = Date.parse('2026-11-25T09:00:00.000Z');

type Query = Record<string, string>;
const queries: Query[] = [
  {},
  { sort: 'dueAt' },
  { sort: 'confidence', order: 'desc' },
  { sort: 'createdAt', status: 'claimed' },
  { status: 'pending', level: 'l1' },
  { assignee: 'me' },
  { assignee: 'unassigned', slaAtRisk: 'true' },
  { category: 'billing', order: 'asc' },
  { q: 'order' },
  { flag: 'low_confidence', sort: 'dueAt' },
  { q: 'a', level: 'l1', slaAtRisk: 'true', order: 'asc' },
];

/** The queue as the straightforward full computation sees it: filter everything, sort it. */
function referenceList(handoffs: Handoff[], query: Query, me: User, now: number) {
  const minute = Math.floor(now / 60_000) * 60_000;
  const sort = query.sort ?? 'priority';
  const order = query.order ?? (sort === 'priority' ? 'desc' : 'asc');
  const q = query.q?.trim().toLowerCase();
  const within = (list: string | undefined, value: string | undefined) =>
    !list || (value !== undefined && list.split(',').includes(value));
  const counts = Object.fromEntries(handoffStatusSchema.options.map((s) => [s, 0]));
  const keyOf = (s: HandoffSummary) =>
    sort === 'priority'
      ? priorityScore(s, minute)
      : sort === 'confidence'
        ? s.confidence
        : Date.parse(sort === 'dueAt' ? s.dueAt : s.createdAt);
  const rows = handoffs
    .map(toSummary)
    .filter(
      (s) =>
        within(query.level, s.level) &&
        within(query.category, s.category) &&
        (!query.flag || s.flags.some((f) => within(query.flag, f.rule))) &&
        within(query.team, s.team?.teamId) &&
        (query.assignee !== 'me' || s.assignee?.id === me.id) &&
        (query.assignee !== 'unassigned' || s.assignee === null) &&
        (!query.slaAtRisk || slaState(s.dueAt, minute) !== 'ok') &&
        (!q || `${s.ticketNumber} ${s.subject} ${s.customerName}`.toLowerCase().includes(q)),
    )
    .filter((s) => {
      counts[s.status]! += 1;
      return within(query.status, s.status);
    })
    .map((s) => ({ id: s.id, key: keyOf(s) }))
    .sort(
      (a, b) =>
        (a.key - b.key || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) * (order === 'asc' ? 1 : -1),
    );
  return { ids: rows.map((r) => r.id), counts };
}

/** The item claim-next should hand this person: the whole world scored, own level first. */
function referenceNext(handoffs: Handoff[], me: User, now: number): string | null {
  const myTeams = new Set(teamsOf(defaultTeamDirectory, me.id).map((t) => t.id));
  const minute = Math.floor(now / 60_000) * 60_000;
  const ranked = handoffs
    .filter(
      (h) =>
        claimableStatuses.includes(h.status) &&
        h.assignee === null &&
        hasAuthorityOver(me.level, h.level),
    )
    .map((h) => ({
      id: h.id,
      // Work at the claimer's own level first; within a level, their teams' work first.
      own: (h.level === me.level ? 2 : 0) + (h.team && myTeams.has(h.team.teamId) ? 1 : 0),
      key: priorityScore(toSummary(h), minute),
    }))
    .sort((a, b) => b.own - a.own || b.key - a.key || (a.id < b.id ? -1 : 1));
  return ranked[0]?.id ?? null;
}

/** Every page of one query through the backend, by cursor. */
async function listAll(backend: Backend, query: Query, actor: string, limit: number) {
  const pages: ReturnType<typeof handoffPageSchema.parse>[] = [];
  const items = await everyPage(async (cursor) => {
    const reply = await call(backend, 'GET', '/handoffs', {
      actor,
      query: pageQuery(query, limit, cursor),
    });
    const page = handoffPageSchema.parse(reply.body);
    pages.push(page);
    return page;
  });
  const first = pages[0]!;
  return { ids: items.map((i) => i.id), counts: first.counts, total: first.total };
}

const write = fc.record({
  kind: fc.constantFrom('claim', 'claimNext', 'release', 'reject', 'escalate', 'arrival', 'clock'),
  item: fc.nat(),
  actor: fc.nat(seedUsers.length - 1),
  query: fc.nat(queries.length - 1),
  minutes: fc.integer({ min: 0, max: 90 }),
});

type Step = typeof write extends fc.Arbitrary<infer T> ? T : never;

async function apply(backend: Backend, step: Step, clock: { now: number }) {
  const user = seedUsers[step.actor]!;
  const items = [...backend.state.handoffs.values()];
  const h = items[step.item % items.length]!;
  const path = `/handoffs/${h.id}`;
  const as = { actor: user.id };
  switch (step.kind) {
    case 'clock':
      clock.now += step.minutes * 60_000;
      return;
    case 'claim':
      await call(backend, 'POST', `${path}/claim`, { ...as, body: { version: h.version } });
      return;
    case 'claimNext': {
      const expected = referenceNext(items, user, clock.now);
      const reply = await call(backend, 'POST', '/handoffs/claim-next', { ...as, body: {} });
      expect(reply.status === 200 ? (reply.body as Handoff).id : null).toBe(expected);
      return;
    }
    case 'release':
      await call(backend, 'POST', `${path}/release`, { ...as, body: { version: h.version } });
      return;
    case 'reject':
    case 'escalate': {
      const owner = seedUsers.find((u) => u.id === h.assignee?.id) ?? user;
      const body =
        step.kind === 'reject'
          ? { action: 'reject', reason: 'Not what the customer asked' }
          : { action: 'escalate', targetLevel: 'manager', note: 'Needs a manager' };
      await call(backend, 'POST', `${path}/decisions`, {
        actor: owner.id,
        body: { ...body, version: h.version, timeOnItemMs: 1000 },
      });
      return;
    }
    case 'arrival':
      await call(backend, 'POST', '/handoffs/arrivals', { actor: 'u-femi', body: {} });
      return;
  }
}

async function expectSameAnswers(backend: Backend, query: Query, actor: string, now: number) {
  const me = seedUsers.find((u) => u.id === actor)!;
  const expected = referenceList([...backend.state.handoffs.values()], query, me, now);
  const got = await listAll(backend, query, actor, 7);
  expect(got.ids).toEqual(expected.ids);
  expect(got.total).toBe(expected.ids.length);
  expect(got.counts).toEqual(expected.counts);
}

const windows: DashboardWindow[] = ['24h', '7d', '8h'];

/** The dashboard as the full computation over every item's trail sees it. */
async function expectSameFigures(backend: Backend, window: DashboardWindow, now: number) {
  const reply = await call(backend, 'GET', '/dashboard', { query: { window } });
  const { agreement: _, ...figures } = reply.body as Record<string, unknown>;
  const world = backend.state;
  const facts = [...world.handoffs.values()].map((handoff) =>
    itemFacts({ handoff, events: world.events.get(handoff.id) ?? [] }),
  );
  expect(figures).toEqual(computeDashboard(facts, window, now, teamsInForce({ world }).teams));
}

describe('incremental queue and dashboard', () => {
  it('give the same pages, counts, next item and figures as the full computation after any writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 25 }), async (steps) => {
        const clock = { now: START };
        const backend = await Backend.create({ count: 40, clock: () => clock.now });
        // Warm every query first, so later answers come from indexes that followed the writes.
        for (const query of queries) await listAll(backend, query, 'u-ana', 50);
        // ...and the dashboard, so later figures come from the index that followed the writes.
        for (const window of windows) await expectSameFigures(backend, window, clock.now);
        for (const step of steps) {
          await apply(backend, step, clock);
          const actor = seedUsers[step.actor]!.id;
          await expectSameAnswers(backend, queries[step.query]!, actor, clock.now);
          await expectSameFigures(backend, windows[step.query % windows.length]!, clock.now);
        }
        for (const query of queries) await expectSameAnswers(backend, query, 'u-ana', clock.now);
        for (const window of windows) await expectSameFigures(backend, window, clock.now);
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('give the same pages and counts as a full scan for any filter or search asked cold after writes', async () => {
    const subset = <T extends string>(options: readonly T[]) =>
      fc.option(fc.uniqueArray(fc.constantFrom(...options), { minLength: 1 }), { nil: undefined });
    /** Text to search: a fixed word, or a piece of some item's own ticket number, subject or name. */
    const search = fc.oneof(
      fc.constantFrom('order', 'REFUND', 'a', 'er', ' my ', 'change my', '1', 'zz', 'é', ' '),
      fc.record({ item: fc.nat(), from: fc.nat(40), length: fc.integer({ min: 1, max: 12 }) }),
    );
    const filters = fc.record({
      status: subset(handoffStatusSchema.options),
      level: subset(levelSchema.options),
      category: subset(categorySchema.options),
      flag: subset(flagRuleSchema.options),
      team: subset(['billing', 'legal', 'retention', 'multilingual', 'nobody']),
      assignee: fc.option(fc.constantFrom('me', 'unassigned', 'any'), { nil: undefined }),
      slaAtRisk: fc.option(fc.constant('true'), { nil: undefined }),
      q: fc.option(search, { nil: undefined, freq: 2 }),
      sort: fc.option(fc.constantFrom(...sortFieldSchema.options), { nil: undefined }),
      order: fc.option(fc.constantFrom('asc', 'desc'), { nil: undefined }),
    });
    type Filters = typeof filters extends fc.Arbitrary<infer T> ? T : never;
    const queryOf = (f: Filters, backend: Backend): Query => {
      const query: Query = {};
      for (const [name, value] of Object.entries(f)) {
        if (value === undefined || name === 'q') continue;
        query[name] = Array.isArray(value) ? value.join(',') : String(value);
      }
      if (typeof f.q === 'string') query.q = f.q;
      else if (f.q) {
        const items = [...backend.state.handoffs.values()];
        const s = toSummary(items[f.q.item % items.length]!);
        const text = `${s.ticketNumber} ${s.subject} ${s.customerName}`;
        query.q = text.slice(f.q.from % text.length, (f.q.from % text.length) + f.q.length);
      }
      return query;
    };
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ step: write, asked: filters }), { minLength: 1, maxLength: 12 }),
        async (steps) => {
          const clock = { now: START };
          const backend = await Backend.create({ count: 60, clock: () => clock.now });
          // One order kept from the start, so later orders are built from it after the writes.
          await listAll(backend, {}, 'u-ana', 50);
          for (const { step, asked } of steps) {
            await apply(backend, step, clock);
            const actor = seedUsers[step.actor]!.id;
            await expectSameAnswers(backend, queryOf(asked, backend), actor, clock.now);
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});
