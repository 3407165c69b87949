import { describe, expect, it } from 'vitest';
import { ana, decided, ev, facts, HOUR, item, MIN, T0 } from '../../../tests/kits/metrics-trails';
import type { Handoff } from '../../api/handoff-schemas';
import { teamLoad } from './teams';

const now = T0 + 24 * HOUR;
const day = { from: T0, now };

const withTeam = (h: Handoff, teamId: string, teamName: string): Handoff => ({
  ...h,
  team: {
    teamId,
    teamName,
    choice: 'category',
    ruleId: null,
    reason: 'test',
    directoryVersion: 1,
  },
});

const directory = [
  { id: 'legal', name: 'Legal', members: [ana] },
  { id: 'billing', name: 'Billing', members: [ana, ana] },
];

function open(teamId: string | null, dueAt: number, assigned = false) {
  const base = item({ dueAt, assignee: assigned ? ana : null });
  const h = teamId ? withTeam(base, teamId, teamId === 'legal' ? 'Legal' : 'Billing') : base;
  return facts({ ...h, team: teamId ? h.team : null }, [ev(h, 'created', T0)]);
}

describe('team load', () => {
  it('counts each team’s open items, SLA at risk and breached, holders, and decisions in the window', () => {
    const legalDecision = decided('approved', T0 + 2 * HOUR, { timeOnItemMs: 3 * MIN });
    const rows = teamLoad(
      [
        open('legal', now + 30 * MIN),
        open('legal', now - MIN, true),
        open('legal', now + 5 * HOUR),
        { ...legalDecision, handoff: withTeam(legalDecision.handoff, 'legal', 'Legal') },
        // Decided before the window: not load now.
        decided('approved', T0 - HOUR),
        open(null, now + 5 * HOUR),
      ],
      day,
      directory,
    );
    expect(rows).toEqual([
      {
        teamId: 'legal',
        name: 'Legal',
        members: 1,
        open: 3,
        atRisk: 1,
        breached: 1,
        holding: 1,
        decisions: 1,
        timeOnItemsMs: 3 * MIN,
      },
      // A team in force with nothing open keeps its row, at zero.
      expect.objectContaining({ teamId: 'billing', members: 2, open: 0, decisions: 0 }),
      expect.objectContaining({ teamId: null, name: 'No team', open: 1 }),
    ]);
  });

  it('keeps a row for a team an open item names after the team was removed', () => {
    const rows = teamLoad([open('billing', now + 5 * HOUR)], day, []);
    expect(rows).toEqual([expect.objectContaining({ teamId: 'billing', members: 0, open: 1 })]);
  });

  it('counts a re-routed item’s earlier decisions for the team that made them', () => {
    // Billing escalated it, then a lead re-routed it to Legal, where it waits.
    const h = withTeam(item({ dueAt: now + 5 * HOUR }), 'legal', 'Legal');
    const billing = { teamId: 'billing', teamName: 'Billing' };
    const trail = [
      ev(h, 'created', T0),
      { ...ev(h, 'escalated', T0 + HOUR, { timeOnItemMs: 2 * MIN }), team: billing },
      { ...ev(h, 'rerouted', T0 + 2 * HOUR, { actor: ana }), team: billing },
      {
        ...ev(h, 'rejected', T0 + 3 * HOUR, { timeOnItemMs: 4 * MIN }),
        team: { teamId: 'legal', teamName: 'Legal' },
      },
    ];
    const rows = teamLoad([facts(h, trail)], day, directory);
    expect(rows.find((r) => r.teamId === 'billing')).toMatchObject({
      open: 0,
      decisions: 1,
      timeOnItemsMs: 2 * MIN,
    });
    expect(rows.find((r) => r.teamId === 'legal')).toMatchObject({
      open: 1,
      decisions: 1,
      timeOnItemsMs: 4 * MIN,
    });
  });

  it('counts a decision made while no team held the item under No team, and an unmarked one for the item’s team now', () => {
    const h = withTeam(item({ dueAt: now + 5 * HOUR }), 'legal', 'Legal');
    const trail = [
      ev(h, 'created', T0),
      // Recorded while the item had left its team's ladder.
      { ...ev(h, 'escalated', T0 + HOUR), team: null },
      // Recorded before events carried their team: the item's team now.
      ev(h, 'escalated', T0 + 2 * HOUR),
    ];
    const rows = teamLoad([facts(h, trail)], day, directory);
    expect(rows.find((r) => r.teamId === 'legal')).toMatchObject({ open: 1, decisions: 1 });
    expect(rows.find((r) => r.teamId === null)).toMatchObject({ open: 0, decisions: 1 });
  });
});
