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
});
