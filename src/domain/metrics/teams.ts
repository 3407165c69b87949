import type { TeamLoadRow } from '../../api/dashboard-schemas';
import type { Handoff } from '../../api/handoff-schemas';
import type { Team } from '../../api/team-schemas';
import { isOpen } from '../lifecycle';
import { slaState } from '../sla';
import { type DecisionFact, type ItemFacts, inWindow, type Window } from './facts';

/*
 * Queue depth, SLA and review load per team, from the same item facts as the other figures
 * (kept per item by the backend, so a write costs one item's facts). An open item counts for
 * the team it is with now; each decision counts for the team that made it, the one holding the
 * item when it was made (recorded on its event), so a re-routed item's earlier decisions stay
 * with the team that made them. A decision recorded before events carried their team counts
 * for the item's team now. Decisions are counted by the same rule as the rest of the dashboard
 * (a person's decision in the window).
 */

export type Directory = readonly Pick<Team, 'id' | 'name' | 'members'>[];

/** The team an open item counts for: the one it is with now. */
export const teamOf = (handoff: Handoff): { teamId: string | null; name: string } => ({
  teamId: handoff.team?.teamId ?? null,
  name: handoff.team?.teamName ?? 'No team',
});

/** The team a decision counts for: the one its event says held the item, else the item's now. */
export const decisionTeamOf = (d: DecisionFact): { teamId: string | null; name: string } =>
  d.event.team === undefined
    ? teamOf(d.handoff)
    : { teamId: d.event.team?.teamId ?? null, name: d.event.team?.teamName ?? 'No team' };

/** The rows keyed by team, every team in force first; a row is made on first use. */
export function teamRows(teams: Directory) {
  const rows = new Map<string | null, TeamLoadRow>();
  const row = (teamId: string | null, name: string, members = 0) => {
    let r = rows.get(teamId);
    if (!r) {
      r = {
        teamId,
        name,
        members,
        open: 0,
        atRisk: 0,
        breached: 0,
        holding: 0,
        decisions: 0,
        timeOnItemsMs: 0,
      };
      rows.set(teamId, r);
    }
    return r;
  };
  for (const t of teams) row(t.id, t.name, t.members.length);
  /** The rows in order, items with no team last. */
  const done = (): TeamLoadRow[] => {
    const none = rows.get(null);
    rows.delete(null);
    return none ? [...rows.values(), none] : [...rows.values()];
  };
  return { row, done };
}

export function teamLoad(items: Iterable<ItemFacts>, w: Window, teams: Directory): TeamLoadRow[] {
  const { row, done } = teamRows(teams);
  for (const { handoff, decisions } of items) {
    const open = isOpen(handoff.status);
    const inWindowDecisions = decisions.filter((d: DecisionFact) => inWindow(d.at, w));
    if (!open && inWindowDecisions.length === 0) continue;
    if (open) {
      const team = teamOf(handoff);
      const r = row(team.teamId, team.name);
      r.open += 1;
      const state = slaState(handoff.dueAt, w.now);
      if (state === 'at_risk') r.atRisk += 1;
      else if (state === 'breached') r.breached += 1;
      if (handoff.assignee) r.holding += 1;
    }
    for (const d of inWindowDecisions) {
      const team = decisionTeamOf(d);
      const r = row(team.teamId, team.name);
      r.decisions += 1;
      r.timeOnItemsMs += d.event.timeOnItemMs ?? 0;
    }
  }
  return done();
}
