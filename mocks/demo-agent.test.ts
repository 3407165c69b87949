// @vitest-environment node

import { withAiQuality } from '../agent/arrivals';
import {
  agentInbox,
  answerFromItem,
  createArrivals,
  nextCase,
  workTicket,
} from '../agent/reference-agent';
import { HandoffDeskAgent } from '../agent-sdk/src';
import { runsSchema } from '../src/api/agent-schemas';
import { dashboardSchema } from '../src/api/dashboard-schemas';
import { type DemoSettings, defaultDemoSettings } from '../src/api/demo-schemas';
import { type FlagRule, flagRuleSchema, type Handoff } from '../src/api/handoff-schemas';
import { defaultTeamDirectory } from '../src/domain/default-teams';
import { Backend } from './core/backend';
import { backendFetch, DEMO_AGENT_NAME } from './demo-agent';
import { createRandom } from './seed/random';

/*
 * The demo's agent is the reference agent over the SDK, answered by the backend in the same
 * worker: a ticket handed off, redirected by a person, answered with a draft that follows the
 * instruction, approved, executed and acknowledged.
 */

const SECRET = 'hd_demo-agent-test-0000000000000000';

async function asPerson(backend: Backend, method: string, path: string, json?: unknown) {
  const reply = await backend.handle({
    method,
    path,
    query: new URLSearchParams(),
    headers: new Headers({
      'x-actor-id': 'u-elif',
      'content-type': 'application/json',
      'idempotency-key': crypto.randomUUID(),
    }),
    body: json === undefined ? null : JSON.stringify(json),
  });
  return reply.body as Record<string, unknown> & { version: number; status: string };
}

async function until<T>(read: () => Promise<T | null>): Promise<T> {
  for (;;) {
    const value = await read();
    if (value !== null) return value;
    await new Promise((r) => setTimeout(r, 10));
  }
}

it('works a ticket through a redirect to an acknowledged execution, with no network', async () => {
  const backend = await Backend.create({ count: 40, trustActorHeader: true });
  await backend.registerAgentKey('demo-agent', SECRET);
  const agent = new HandoffDeskAgent({
    server: 'http://demo.local',
    key: SECRET,
    fetch: backendFetch(backend),
  });
  const rng = createRandom(10);
  const { content, ticket } = nextCase(rng, agentInbox(rng));
  const lines: string[] = [];
  const working = workTicket(
    { agent, ratePerMinute: 1, confidence: 0.5, log: (l) => lines.push(l) },
    content,
    ticket,
  );

  const id = await until(async () => /handed off as (h-\d+)/.exec(lines.join('\n'))?.[1] ?? null);
  const pending = await asPerson(backend, 'GET', `/handoffs/${id}`);
  await asPerson(backend, 'POST', `/handoffs/${id}/decisions`, {
    action: 'redirect',
    version: pending.version,
    instructions: 'Mention that our support line is open on Sundays.',
    timeOnItemMs: 10_000,
    acknowledgedFlags: [],
  });
  const revised = await until(async () => {
    const h = await asPerson(backend, 'GET', `/handoffs/${id}`);
    return h.status === 'claimed' ? h : null;
  });
  const drafts = revised.drafts as { text: string; note: string }[];
  expect(drafts).toHaveLength(2);
  expect(drafts[1]!.text).toContain('Please note: our support line is open on Sundays.');
  expect(drafts[1]!.note).toMatch(/Done: added/);

  await asPerson(backend, 'POST', `/handoffs/${id}/decisions`, {
    action: 'approve',
    version: revised.version,
    finalText: drafts[1]!.text,
    timeOnItemMs: 10_000,
    acknowledgedFlags: [],
  });
  await working;
  const trail = (await asPerson(backend, 'GET', `/handoffs/${id}/events`)).items as {
    action: string;
  }[];
  expect(trail.map((e) => e.action)).toEqual(
    expect.arrayContaining(['created', 'redirected', 'draft_revised', 'approved', 'executed']),
  );
});

it('revises the reviewer’s unsent edit when a redirect carries one, else its own last draft', async () => {
  const backend = await Backend.create({ count: 40 });
  const item = [...backend.state.handoffs.values()].find((h) => h.status === 'pending')!;
  const edit = `${item.drafts.at(-1)!.text}\n\nP.S. Your loyalty points have been doubled.`;
  const redirect = {
    type: 'redirected' as const,
    version: item.version + 1,
    at: item.updatedAt,
    by: { id: 'u-elif', name: 'Elif' },
    instructions: 'Mention that our support line is open on Sundays.',
    draftNumber: item.drafts.length,
  };
  const handoff = item as never;
  const fromEdit = answerFromItem({ handoff, redirect: { ...redirect, editedText: edit } });
  expect(fromEdit.text).toContain('P.S. Your loyalty points have been doubled.');
  expect(fromEdit.text).toContain('our support line is open on Sundays.');
  const fromDraft = answerFromItem({ handoff, redirect: { ...redirect, editedText: null } });
  expect(fromDraft.text).not.toContain('loyalty points');
  expect(fromDraft.text).toContain('our support line is open on Sundays.');
});

describe("demo arrivals, brought by the built-in agent at the demo floor's pace", () => {
  const NOW = Date.parse('2026-11-25T09:00:00.000Z');
  const stops: AbortController[] = [];
  afterEach(() => {
    for (const c of stops.splice(0)) c.abort();
  });

  async function floor(
    settings: Partial<DemoSettings>,
    agentOptions: { confidence?: number } = {},
  ) {
    let now = NOW;
    const backend = await Backend.create({
      count: 60,
      clock: () => now,
      allowReset: true,
      trustActorHeader: true,
    });
    await backend.registerAgentKey(DEMO_AGENT_NAME, SECRET);
    const agent = new HandoffDeskAgent({
      server: 'http://demo.local',
      key: SECRET,
      fetch: backendFetch(backend),
    });
    const stop = new AbortController();
    stops.push(stop);
    const arrivals = createArrivals({
      agent,
      ratePerMinute: 0,
      pace: () => agent.demoFloor(),
      clock: () => now,
      seed: 5,
      signal: stop.signal,
      ...agentOptions,
    });
    const save = (changes: Partial<DemoSettings>) =>
      asPerson(backend, 'PUT', '/demo/settings', { ...defaultDemoSettings, ...changes });
    const tick = async () => {
      const { onDesk } = await arrivals.tick();
      await onDesk;
    };
    await save(settings);
    // The agent reads the floor: arrivals count from this moment.
    await tick();
    const items = () => [...backend.state.handoffs.values()];
    return {
      backend,
      at: (ms: number) => {
        now = ms;
      },
      count: () => backend.state.handoffs.size,
      items,
      newest: (n: number) => items().slice(-n),
      tick,
      save,
    };
  }

  it('bring tickets at the configured rate, routed and audited, and once per moment', async () => {
    const f = await floor({ arrivalsPerMinute: 60 });
    const before = f.count();
    f.at(NOW + 5_000);
    await f.tick();
    expect(f.count()).toBe(before + 5);
    await f.tick();
    expect(f.count()).toBe(before + 5);
    const newest = f.newest(5);
    for (const h of newest) {
      expect(['pending', 'auto_approved', 'ai_working']).toContain(h.status);
      expect(f.backend.state.events.get(h.id)?.[0]).toMatchObject({
        action: 'created',
        actor: { type: 'ai', name: DEMO_AGENT_NAME },
      });
    }
    // Each one came in a run of the agent's, as the agents screen lists them.
    const runs = runsSchema.parse(await asPerson(f.backend, 'GET', '/agent-runs')).items;
    expect(runs.map((r) => r.handoffId).sort()).toEqual(newest.map((h) => h.id).sort());
    expect(new Set(runs.map((r) => r.agent.name))).toEqual(new Set([DEMO_AGENT_NAME]));
  });

  it('carry fractions over and stop when paused', async () => {
    const f = await floor({ arrivalsPerMinute: 90 });
    const before = f.count();
    for (let ms = 500; ms <= 2_000; ms += 500) {
      f.at(NOW + ms);
      await f.tick();
    }
    expect(f.count()).toBe(before + 3);
    await f.save(defaultDemoSettings);
    f.at(NOW + 120_000);
    await f.tick();
    expect(f.count()).toBe(before + 3);
  });

  it('do not flood the queue after a long sleep', async () => {
    const f = await floor({ arrivalsPerMinute: 120 });
    const before = f.count();
    f.at(NOW + 60 * 60_000);
    await f.tick();
    expect(f.count()).toBe(before + 10);
  });

  it('follow the AI-quality dial: a worse AI is less sure, fails more and is confidently wrong', () => {
    const input = {
      ticket: {} as never,
      ai: { draft: 'We will look into it.', confidence: 0.8, diagnosis: null },
    };
    expect(withAiQuality(input, 0.8, () => 0.99).ai).toEqual(input.ai);
    expect(withAiQuality(input, 0.2, () => 0.99).ai.confidence).toBeCloseTo(0.5);
    expect(withAiQuality(input, 0.2, () => 0).ai.diagnosis).toMatch(/did not answer/);
    // The first draw spares it from failing; the second makes it confidently wrong.
    const draws = [0.99, 0];
    const wrong = withAiQuality(input, 0.2, () => draws.shift() ?? 0.99).ai;
    expect(wrong.confidence).toBeGreaterThanOrEqual(0.93);
    expect(wrong.draft).toMatch(/full refund/);
  });

  it('change with the dial: the same tickets from a poor AI arrive less sure and more often failed or wrong', async () => {
    async function twenty(aiQuality: number) {
      const f = await floor({ arrivalsPerMinute: 120, aiQuality });
      f.at(NOW + 5_000);
      await f.tick();
      f.at(NOW + 10_000);
      await f.tick();
      return f.newest(20);
    }
    const good = await twenty(0.8);
    const poor = await twenty(0.1);
    // The same customers and stories: the seed is the same, only the AI differs.
    expect(poor.map((h) => h.ticket.subject)).toEqual(good.map((h) => h.ticket.subject));
    const mean = (hs: Handoff[]) =>
      hs.reduce((sum, h) => sum + h.context.confidence, 0) / hs.length;
    const asked = (hs: Handoff[]) => hs.filter((h) => h.status !== 'failed');
    expect(mean(asked(poor))).toBeLessThan(mean(asked(good)) - 0.1);
    const troubled = (hs: Handoff[]) =>
      hs.filter(
        (h) => h.status === 'failed' || /already issued a full refund/.test(h.drafts[0]!.text),
      ).length;
    expect(troubled(poor)).toBeGreaterThan(troubled(good) + 2);
  });

  it('sent without review by the policy are executed by the agent, and count on the dashboard', async () => {
    const f = await floor({ arrivalsPerMinute: 60 }, { confidence: 0.99 });
    const dashboard = async () =>
      dashboardSchema.parse(await asPerson(f.backend, 'GET', '/dashboard')).reviewRate;
    const before = await dashboard();
    f.at(NOW + 5_000);
    await f.tick();
    const sent = f.newest(5).filter((h) => h.status === 'auto_approved');
    expect(sent.length).toBeGreaterThan(0);
    for (const h of sent) {
      const trail = await until(async () => {
        const actions = (f.backend.state.events.get(h.id) ?? []).map((e) => e.action);
        return actions.includes('executed') ? actions : null;
      });
      expect(trail).toEqual(expect.arrayContaining(['created', 'auto_approved', 'executed']));
    }
    const runs = runsSchema.parse(await asPerson(f.backend, 'GET', '/agent-runs')).items;
    for (const h of sent) {
      expect(runs.find((r) => r.handoffId === h.id)?.status).toBe('finished');
    }
    expect((await dashboard()).autoApproved).toBe(before.autoApproved + sent.length);
  });
});

describe("the agent's own stream", () => {
  /** Enough arrivals to see every default rule: 100 minutes at ten a minute. */
  const ARRIVALS = 1000;

  it(`fires every default rule and team rule within its first ${ARRIVALS} tickets, most sent by the AI`, {
    timeout: 120_000,
  }, async () => {
    let now = Date.parse('2026-11-25T09:00:00.000Z');
    const backend = await Backend.create({ count: 600, clock: () => now });
    await backend.registerAgentKey(DEMO_AGENT_NAME, SECRET);
    const agent = new HandoffDeskAgent({
      server: 'http://demo.local',
      key: SECRET,
      fetch: backendFetch(backend),
    });
    const before = new Set(backend.state.handoffs.keys());
    const stop = new AbortController();
    const arrivals = createArrivals({
      agent,
      ratePerMinute: 10,
      clock: () => now,
      seed: 3,
      count: ARRIVALS,
      signal: stop.signal,
    });
    try {
      while (arrivals.written < ARRIVALS) {
        // Ten a minute, counted a minute at a time.
        now += 60_000;
        const { onDesk } = await arrivals.tick();
        await onDesk;
      }
    } finally {
      stop.abort();
    }
    const arrived = [...backend.state.handoffs.values()].filter((h) => !before.has(h.id));
    expect(arrived).toHaveLength(ARRIVALS);
    const rules = new Set<FlagRule>(arrived.flatMap((h) => h.context.flags.map((f) => f.rule)));
    const teamRules = new Set(arrived.flatMap((h) => (h.team?.ruleId ? [h.team.ruleId] : [])));
    expect([...rules].sort()).toEqual([...flagRuleSchema.options].sort());
    expect([...teamRules].sort()).toEqual(defaultTeamDirectory.rules.map((r) => r.id).sort());
    // People get about one ticket in eight, as on the seeded floor.
    const people = arrived.filter((h) => !['auto_approved', 'ai_working'].includes(h.status));
    expect(people.length / ARRIVALS).toBeGreaterThanOrEqual(0.08);
    expect(people.length / ARRIVALS).toBeLessThanOrEqual(0.2);
  });
});
