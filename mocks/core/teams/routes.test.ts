// @vitest-environment node

import { arrivalResultSchema } from '../../../src/api/arrival-schemas';
import { handoffPageSchema, handoffSchema, problemSchema } from '../../../src/api/handoff-schemas';
import {
  teamChangeSchema,
  teamChangesSchema,
  teamDirectorySchema,
  teamWhatIfResultSchema,
} from '../../../src/api/team-schemas';
import { defaultTeamDirectory } from '../../../src/domain/default-teams';
import type { Backend } from '../backend';
import { call, makeBackend, ticket } from '../policy/test-kit';
import { vipDesk } from './test-kit';

const draft = 'Hi Noor, thank you for writing. We are looking into this and will reply today.';

async function arrive(backend: Backend, overrides: Parameters<typeof ticket>[0]) {
  const reply = await call(backend, 'POST', '/handoffs/arrivals', {
    body: { ticket: ticket(overrides), ai: { draft, confidence: 0.6 } },
  });
  expect(reply.status).toBe(201);
  return arrivalResultSchema.parse(reply.body).handoff;
}

const edit = (teams = defaultTeamDirectory.teams, rules = defaultTeamDirectory.rules) => ({
  teams,
  rules,
});

describe('teams', () => {
  it('routes a legal threat, a high-value churn risk and a Spanish ticket to their teams, naming the rule', async () => {
    const backend = await makeBackend();
    const legal = await arrive(backend, {
      subject: 'Refund or legal action',
      body: 'If this is not fixed by Friday I will take legal action.',
      category: 'billing',
    });
    expect(legal.team).toMatchObject({
      teamId: 'legal',
      choice: 'keyword',
      ruleId: 'legal-action',
    });
    expect(legal.team?.reason).toMatch(/legal action/);

    const churn = await arrive(backend, {
      customer: {
        ...ticket().customer,
        tier: 'enterprise',
        lifetimeValue: 48_000,
        priorComplaints: 3,
      },
      category: 'billing',
    });
    expect(churn.team).toMatchObject({ teamId: 'retention', choice: 'churn_risk' });

    const spanish = await arrive(backend, { language: 'es', category: 'shipping' });
    expect(spanish.team).toMatchObject({ teamId: 'multilingual', choice: 'language' });

    const plain = await arrive(backend, { category: 'shipping' });
    expect(plain.team).toMatchObject({ teamId: 'support', choice: 'category', ruleId: null });
  });

  it('lets a lead add a team and a rule, previews the load per team, and routes the next arrival there', async () => {
    const backend = await makeBackend();
    const current = teamDirectorySchema.parse((await call(backend, 'GET', '/teams')).body);
    const vip = vipDesk;
    const rules = [
      { id: 'chargeback', when: 'keyword' as const, keyword: 'chargeback', teamId: 'vip' },
      ...current.rules,
    ];
    const preview = await call(backend, 'POST', '/teams/what-if', {
      body: edit([...current.teams, vip], rules),
    });
    expect(preview.status).toBe(200);
    const load = teamWhatIfResultSchema.parse(preview.body);
    expect(load.teams.find((t) => t.teamId === 'vip')).toMatchObject({ before: 0 });
    const total = (k: 'before' | 'after') => load.teams.reduce((n, t) => n + t[k], 0);
    expect(total('before')).toBe(load.replayed);
    expect(total('after')).toBe(load.replayed);

    const saved = await call(backend, 'POST', '/teams/changes', {
      body: {
        version: current.version,
        ...edit([...current.teams, vip], rules),
        reason: 'Chargebacks need the VIP desk.',
      },
    });
    expect(saved.status).toBe(201);
    expect(teamChangeSchema.parse(saved.body)).toMatchObject({
      id: 'teams-v2',
      by: { id: 'u-femi' },
    });
    const history = teamChangesSchema.parse((await call(backend, 'GET', '/teams/changes')).body);
    expect(history.items.map((c) => c.reason)).toEqual(['Chargebacks need the VIP desk.']);

    const item = await arrive(backend, {
      subject: 'Chargeback',
      body: 'I have filed a chargeback with my bank.',
      category: 'billing',
    });
    expect(item.team).toMatchObject({ teamId: 'vip', ruleId: 'chargeback', directoryVersion: 2 });
  });

  it('refuses a rule to a team with no members, pointing at the rule, and reviewers, and a stale version', async () => {
    const backend = await makeBackend();
    const empty = { ...defaultTeamDirectory.teams[0]!, id: 'empty', name: 'Empty', members: [] };
    const rules = [{ id: 'x', when: 'language' as const, language: 'it', teamId: 'empty' }];
    const body = {
      version: 1,
      ...edit([...defaultTeamDirectory.teams, empty], rules),
      reason: 'Italian speakers',
    };
    const refused = await call(backend, 'POST', '/teams/changes', { body });
    expect(refused.status).toBe(422);
    const problem = problemSchema.parse(refused.body);
    expect(problem.errors).toEqual([
      { pointer: '/rules/0/teamId', message: expect.stringMatching(/Empty has no members/) },
    ]);
    const reviewer = await call(backend, 'POST', '/teams/changes', {
      actor: 'u-ana',
      body: { version: 1, ...edit(), reason: 'A reviewer tries' },
    });
    expect(reviewer.status).toBe(403);
    const stale = await call(backend, 'POST', '/teams/changes', {
      body: { version: 7, ...edit(), reason: 'An old screen' },
    });
    expect(stale.status).toBe(409);
  });

  it('re-routes an item to another team with a reason, audited, and refuses people outside the team', async () => {
    const backend = await makeBackend();
    const item = await arrive(backend, { category: 'shipping' });
    expect(item.team?.teamId).toBe('support');
    const outsider = await call(backend, 'POST', `/handoffs/${item.id}/reroute`, {
      actor: 'u-ana',
      body: { version: item.version, teamId: 'legal', reason: 'Sounds like a legal matter.' },
    });
    expect(outsider.status).toBe(403);
    expect(problemSchema.parse(outsider.body).detail).toMatch(/not in Shipping & technical/);
    const noReason = await call(backend, 'POST', `/handoffs/${item.id}/reroute`, {
      actor: 'u-ben',
      body: { version: item.version, teamId: 'legal', reason: '' },
    });
    expect(noReason.status).toBe(422);
    const moved = await call(backend, 'POST', `/handoffs/${item.id}/reroute`, {
      actor: 'u-ben',
      body: { version: item.version, teamId: 'legal', reason: 'Sounds like a legal matter.' },
    });
    expect(moved.status).toBe(200);
    const after = handoffSchema.parse(moved.body);
    // Legal's ladder starts at L2: the item climbs to the team's first level.
    expect(after).toMatchObject({ level: 'l2', team: { teamId: 'legal', choice: 'rerouted' } });
    const trail = (await call(backend, 'GET', `/handoffs/${item.id}/events`)).body as {
      items: { action: string; why: { reason: string } }[];
    };
    expect(trail.items.at(-1)).toMatchObject({
      action: 'rerouted',
      why: { reason: 'Sounds like a legal matter.' },
    });
  });

  it('lists "my teams" and serves them first on claim-next', async () => {
    const backend = await makeBackend();
    const list = async (actor: string, query: Record<string, string>) => {
      const reply = await backend.handle({
        method: 'GET',
        path: '/handoffs',
        query: new URLSearchParams(query),
        headers: new Headers({ 'X-Actor-Id': actor }),
        body: null,
      });
      return handoffPageSchema.parse(reply.body);
    };
    const anas = new Set(['billing', 'multilingual']);
    const mine = await list('u-ana', { myTeams: 'true', limit: '500' });
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((i) => anas.has(i.team?.teamId ?? ''))).toBe(true);
    const legal = await list('u-ana', { team: 'legal', limit: '500' });
    expect(legal.items.every((i) => i.team?.teamId === 'legal')).toBe(true);

    for (const [actor, teams] of [
      ['u-ana', anas],
      ['u-ben', new Set(['retention', 'support'])],
    ] as const) {
      const claimed = await call(backend, 'POST', '/handoffs/claim-next', { actor, body: {} });
      expect(claimed.status).toBe(200);
      expect(teams.has(handoffSchema.parse(claimed.body).team?.teamId ?? '')).toBe(true);
    }
  });
});
