// @vitest-environment node
import { type Handoff, problemSchema } from '../../../src/api/handoff-schemas';
import type { TeamRoute } from '../../../src/api/team-route-schemas';
import { teamDirectorySchema } from '../../../src/api/team-schemas';
import { Backend } from '../backend';
import { callBackend, plainItem } from '../test-items';
import { teamRoute as route, vipDesk } from './test-kit';

/*
 * Escalation inside a team: an item climbs its team's ladder (to the team's people at the
 * next level), leaves the team only past the team's top level, and a level the team skips is
 * refused. The SLA job takes the same steps as a person.
 */

const START = Date.parse('2026-11-25T09:00:00.000Z');
const MINUTE = 60_000;

async function world() {
  let now = START;
  const backend = await Backend.create({ count: 120, clock: () => now });
  const item = (id: string) => backend.state.handoffs.get(id) as Handoff;
  const lastEvent = (id: string) => backend.state.events.get(id)?.at(-1);
  /** A plain L1 item given to `team` at `level`. */
  const teamItem = (team: TeamRoute, level: Handoff['level'] = 'l1', id = 'h-team') => {
    const h: Handoff = { ...plainItem(backend), id, level, team };
    backend.state.putHandoff(h);
    return h;
  };
  const escalate = (h: Handoff, targetLevel: string, actor = 'u-dana') =>
    callBackend(backend, 'POST', `/handoffs/${h.id}/decisions`, {
      actor,
      body: {
        action: 'escalate',
        version: item(h.id).version,
        timeOnItemMs: 30_000,
        targetLevel,
        note: 'Needs someone higher up.',
      },
    });
  return {
    backend,
    item,
    lastEvent,
    teamItem,
    escalate,
    setNow: (at: number) => {
      now = at;
    },
  };
}

describe('escalation inside a team', () => {
  it('climbs the team’s ladder, then leaves the team past its top level', async () => {
    const { item, lastEvent, teamItem, escalate } = await world();
    const h = teamItem(route('multilingual', 'Multilingual'));

    const up = await escalate(h, 'l2', 'u-ana');
    expect(up.status).toBe(200);
    expect(item(h.id)).toMatchObject({ level: 'l2', team: { teamId: 'multilingual' } });
    expect(lastEvent(h.id)).toMatchObject({
      action: 'escalated',
      outcome: 'Escalated to L2 Specialist · Multilingual',
    });

    // Multilingual stops at L2: the next step is the global ladder, without the team.
    const out = await escalate(h, 'manager', 'u-chen');
    expect(out.status).toBe(200);
    expect(item(h.id)).toMatchObject({ level: 'manager', team: null });
    expect(lastEvent(h.id)?.outcome).toBe(
      'Escalated to Manager, leaving Multilingual: its ladder ends below Manager',
    );
  });

  it('names the team’s people at the receiving level', async () => {
    const { item, lastEvent, teamItem, escalate } = await world();
    const h = teamItem(route('legal', 'Legal'), 'l2');
    expect((await escalate(h, 'manager', 'u-chen')).status).toBe(200);
    expect(item(h.id)).toMatchObject({ level: 'manager', team: { teamId: 'legal' } });
    expect(lastEvent(h.id)?.outcome).toBe('Escalated to Manager · Legal (Dana Levi)');
  });

  it('refuses a level the team skips while it still has a higher one, and changes nothing', async () => {
    const { backend, item, teamItem, escalate } = await world();
    const current = teamDirectorySchema.parse(
      (await callBackend(backend, 'GET', '/teams', { actor: 'u-femi' })).body,
    );
    const vip = {
      ...vipDesk,
      levels: ['l1' as const, 'manager' as const],
      members: [{ id: 'u-dana', name: 'Dana Levi' }],
    };
    const saved = await callBackend(backend, 'POST', '/teams/changes', {
      actor: 'u-femi',
      body: {
        version: current.version,
        teams: [...current.teams, vip],
        rules: current.rules,
        reason: 'A desk for our largest customers.',
      },
    });
    expect(saved.status).toBe(201);
    const h = teamItem(route('vip', 'VIP desk'));

    const refused = await escalate(h, 'l2');
    expect(refused.status).toBe(422);
    const problem = problemSchema.parse(refused.body);
    expect(problem.errors?.[0]).toMatchObject({
      pointer: '/targetLevel',
      message: 'VIP desk has no L2 Specialist; inside the team the next level is Manager.',
    });
    expect(item(h.id)).toEqual(h);

    expect((await escalate(h, 'manager')).status).toBe(200);
    expect(item(h.id)).toMatchObject({ level: 'manager', team: { teamId: 'vip' } });
  });

  it('leaves items without a team on the global ladder', async () => {
    const { item, escalate, backend } = await world();
    const h: Handoff = { ...plainItem(backend), team: null };
    backend.state.putHandoff(h);
    expect((await escalate(h, 'executive')).status).toBe(200);
    expect(item(h.id)).toMatchObject({ level: 'executive', team: null });
  });

  it('takes the SLA job up the team’s ladder first, then out of the team', async () => {
    const { backend, item, lastEvent, teamItem, setNow } = await world();
    const legal = teamItem(route('legal', 'Legal'), 'l2', 'h-legal');
    const lingual = teamItem(route('multilingual', 'Multilingual'), 'l1', 'h-lingual');
    setNow(Math.max(Date.parse(legal.dueAt), Date.parse(lingual.dueAt)) + MINUTE);
    await backend.tick();

    expect(item('h-legal')).toMatchObject({ level: 'manager', team: { teamId: 'legal' } });
    expect(lastEvent('h-legal')?.outcome).toBe(
      'SLA breached: escalated to Manager · Legal (Dana Levi)',
    );
    expect(item('h-lingual')).toMatchObject({ level: 'l2', team: { teamId: 'multilingual' } });

    // Multilingual has nothing above L2: the next breach takes the item out of the team.
    setNow(Date.parse(item('h-lingual').dueAt) + MINUTE);
    await backend.tick();
    expect(item('h-lingual')).toMatchObject({ level: 'manager', team: null });
    expect(lastEvent('h-lingual')?.outcome).toMatch(
      /^SLA breached: escalated to Manager, leaving Multilingual/,
    );
  });
});
