// @vitest-environment node
import { dashboardSchema } from '../../../src/api/dashboard-schemas';
import { type FlagRule, flagRuleSchema } from '../../../src/api/handoff-schemas';
import { postHocPageSchema } from '../../../src/api/post-hoc-schemas';
import { whatIfResultSchema } from '../../../src/api/what-if-schemas';
import { defaultRoutingPolicy } from '../../../src/domain/default-policy';
import { defaultTeamDirectory } from '../../../src/domain/default-teams';
import { Backend } from '../backend';
import { generateArrival } from '../policy/generate-arrival';
import { ingestTicket } from '../policy/ingest';
import { callBackend as call } from '../test-items';

/*
 * A fresh demo world must look like a healthy floor: the AI answers the routine bulk, about
 * one ticket in eight reaches a person (the 10–15% band), the policy's dials move that share,
 * and the tickets that keep arriving exercise every rule of the default policy and teams.
 */

const NOW = Date.parse('2026-11-25T09:00:00.000Z');
/** Enough arrivals to see every default rule: 100 minutes at 10 a minute. */
const ARRIVALS = 1000;

let backend: Backend;
beforeAll(async () => {
  backend = await Backend.create({ clock: () => NOW });
});

async function reviewRate(window: string) {
  const reply = await call(backend, 'GET', '/dashboard', { actor: 'u-femi', query: { window } });
  expect(reply.status).toBe(200);
  return dashboardSchema.parse(reply.body).reviewRate;
}

describe('a fresh world', () => {
  it('shows a human review rate inside the 10–15% band on the dashboard', async () => {
    for (const window of ['8h', '24h', '72h', '7d']) {
      const rate = await reviewRate(window);
      expect(rate.band).toEqual({ low: 0.1, high: 0.15 });
      expect(rate.rate).toBeGreaterThanOrEqual(0.1);
      expect(rate.rate).toBeLessThanOrEqual(0.15);
      expect(rate.position).toBe('within');
      // A floor, not a handful: hundreds of items the AI sent and dozens a person saw.
      expect(rate.autoApproved).toBeGreaterThan(300);
      expect(rate.reviewed).toBeGreaterThan(30);
    }
  });

  it('holds a realistic queue for people beside that history: a hundred-odd open items, none due at once', async () => {
    const open = [...backend.state.handoffs.values()].filter((h) =>
      ['pending', 'claimed', 'escalated', 'failed'].includes(h.status),
    );
    expect(open.length).toBeGreaterThanOrEqual(80);
    expect(open.length).toBeLessThanOrEqual(150);
    const teams = new Set(open.map((h) => h.team?.teamId));
    expect(teams.size).toBeGreaterThanOrEqual(4);
    for (const h of open.filter((x) => x.assignee === null)) {
      expect(Date.parse(h.dueAt) - NOW).toBeGreaterThan(15 * 60_000);
    }
    // A few fall due within the hour: the floor has something to hurry for.
    const soon = open.filter((h) => Date.parse(h.dueAt) - NOW < 60 * 60_000);
    expect(soon.length).toBeGreaterThan(0);
  });

  it('previews a policy edit against the dashboard’s own review rate: same items, same figure', async () => {
    const dashboard = await reviewRate('7d');
    const reply = await call(backend, 'POST', '/policy/what-if', {
      actor: 'u-femi',
      body: { patch: {} },
    });
    expect(reply.status).toBe(200);
    const { baselineOverall, overall } = whatIfResultSchema.parse(reply.body);
    expect(baselineOverall.total).toBe(dashboard.reviewed + dashboard.autoApproved);
    expect(baselineOverall.humanReview).toBe(dashboard.reviewed);
    expect(baselineOverall.reviewRate).toBeCloseTo(dashboard.rate ?? -1, 10);
    expect(baselineOverall.band).toBe('within');
    // An empty edit changes nothing.
    expect(overall).toEqual(baselineOverall);
  });

  it('moves the review rate when a lead turns the confidence dials', async () => {
    const whatIf = async (threshold: number) => {
      const patch = {
        categories: Object.fromEntries(
          ['shipping', 'technical', 'billing', 'account'].map((c) => [
            c,
            { confidenceThreshold: threshold },
          ]),
        ),
      };
      const reply = await call(backend, 'POST', '/policy/what-if', {
        actor: 'u-femi',
        body: { patch },
      });
      expect(reply.status).toBe(200);
      return whatIfResultSchema.parse(reply.body);
    };
    const strict = await whatIf(0.95);
    const lenient = await whatIf(0.8);
    const baseline = strict.baselineOverall.reviewRate ?? 0;
    expect(strict.overall.reviewRate).toBeGreaterThan(baseline + 0.15);
    expect(strict.overall.band).toBe('above');
    expect(lenient.overall.reviewRate).toBeLessThanOrEqual(baseline);
    expect(lenient.overall.humanReview).toBeLessThan(strict.baselineOverall.humanReview);
  });

  it('holds tens of the AI’s own replies for post-hoc review: the policy’s sample and every flagged send', async () => {
    const reply = await call(backend, 'GET', '/post-hoc-reviews', {
      actor: 'u-chen',
      query: { limit: '100' },
    });
    expect(reply.status).toBe(200);
    const page = postHocPageSchema.parse(reply.body);
    expect(page.total).toBeGreaterThanOrEqual(20);
    expect(page.total).toBeLessThan(100);
    const sent = [...backend.state.handoffs.values()].filter((h) => h.status === 'auto_approved');
    // A few percent of what the AI sent, as the sample rates and the review flags say.
    expect(page.total / sent.length).toBeLessThan(0.12);
    for (const item of page.items) {
      const h = backend.state.handoffs.get(item.id)!;
      const { pattern, sampleRate } = defaultRoutingPolicy.categories[h.ticket.category];
      expect(pattern).toBe('post_hoc_sample');
      expect(sampleRate).toBeGreaterThan(0);
    }
    for (const h of sent) {
      const flagged = h.context.flags.length > 0;
      if (flagged) expect(h.sampledForReview).toBe(true);
    }
  });
});

describe('demo arrivals', () => {
  it(`fire every default rule and team rule within the first ${ARRIVALS}, most sent by the AI`, {
    timeout: 60_000,
  }, async () => {
    let clock = NOW;
    const world = await Backend.create({ count: 600, clock: () => clock });
    const s = world.services;
    const rules = new Set<FlagRule>();
    const teamRules = new Set<string>();
    let people = 0;
    for (let i = 0; i < ARRIVALS; i += 1) {
      // A busy floor: ten a minute.
      clock += 6_000;
      const { handoff, route } = ingestTicket(s, generateArrival(s));
      for (const f of handoff.context.flags) rules.add(f.rule);
      if (handoff.team?.ruleId) teamRules.add(handoff.team.ruleId);
      if (route.route === 'human_review' || handoff.status === 'failed') people += 1;
    }
    expect([...rules].sort()).toEqual([...flagRuleSchema.options].sort());
    expect([...teamRules].sort()).toEqual(defaultTeamDirectory.rules.map((r) => r.id).sort());
    expect(people / ARRIVALS).toBeGreaterThanOrEqual(0.08);
    expect(people / ARRIVALS).toBeLessThanOrEqual(0.2);
  });
});
