import type { Level } from '../api/handoff-schemas';
import type { HumanLevel } from '../api/ladder-schemas';
import type { TeamRoute } from '../api/team-route-schemas';
import type { Team } from '../api/team-schemas';
import { escalationTargets, levelLabels, rank } from './levels';

/*
 * Escalation inside a team. A team keeps its own ladder (its `levels`): an item with a team
 * climbs that ladder first, to the team's people at the next level, and only leaves the team
 * when the team has no level that high; from there it climbs the global ladder. A level the
 * team skips while it still has higher ones (a team of L1 and Manager asked for L2) is not a
 * place the item can go: the team's next level is. A person's escalation and the SLA job read
 * the same rule, so the server, the checkpoint and the breach job cannot disagree.
 */

/** Where an escalation to one level takes an item. */
export interface EscalationStep {
  level: HumanLevel;
  /** The team that keeps the item there; null when it has none or leaves its team. */
  team: TeamRoute | null;
  /** The team the item leaves on this step; null when it stays or had none. */
  leaves: Pick<Team, 'id' | 'name'> | null;
}

interface Escalating {
  level: Level;
  team: TeamRoute | null;
}

/** The item's team as the directory in force has it, or undefined (no team, or one deleted since). */
function teamOf(item: Escalating, teams: readonly Team[]): Team | undefined {
  return item.team ? teams.find((t) => t.id === item.team?.teamId) : undefined;
}

const sortedLevels = (team: Team) => [...team.levels].sort((a, b) => rank(a) - rank(b));

/** Every level an item may be escalated to, lowest first, with where it lands. */
export function escalationSteps(item: Escalating, teams: readonly Team[]): EscalationStep[] {
  const above = escalationTargets(item.level) as HumanLevel[];
  const team = teamOf(item, teams);
  if (!team) return above.map((level) => ({ level, team: item.team, leaves: null }));
  const levels = sortedLevels(team);
  const top = levels.at(-1);
  const inTeam = levels.filter((l) => rank(l) > rank(item.level));
  if (inTeam.length === 0 || top === undefined) {
    return above.map((level) => ({ level, team: null, leaves: { id: team.id, name: team.name } }));
  }
  return [
    ...inTeam.map((level) => ({ level, team: item.team, leaves: null })),
    ...above
      .filter((l) => rank(l) > rank(top))
      .map((level) => ({ level, team: null, leaves: { id: team.id, name: team.name } })),
  ];
}

/** The step the SLA job takes and the checkpoint suggests: the next level up, in the team first. */
export function nextEscalation(item: Escalating, teams: readonly Team[]): EscalationStep | null {
  return escalationSteps(item, teams)[0] ?? null;
}

/** Why an item cannot go to `target` given its team's ladder, or null when it may. */
export function teamEscalationProblem(
  item: Escalating,
  target: Level,
  teams: readonly Team[],
): string | null {
  const steps = escalationSteps(item, teams);
  if (steps.some((s) => s.level === target)) return null;
  const team = teamOf(item, teams);
  const next = steps[0];
  if (!team || !next || rank(target) <= rank(item.level)) return null;
  return `${team.name} has no ${levelLabels[target]}; inside the team the next level is ${levelLabels[next.level]}.`;
}

/** "L2 Specialist · Legal", or the level alone when the item has no team there. */
export function stepLabel(step: Pick<EscalationStep, 'level' | 'team'>): string {
  return step.team ? `${levelLabels[step.level]} · ${step.team.teamName}` : levelLabels[step.level];
}

/** The names of the team's members whose own level is `level`: who the item goes to. */
export function membersAt(
  team: Pick<Team, 'members'> | undefined,
  level: Level,
  people: readonly { id: string; level: Level }[],
): string[] {
  if (!team) return [];
  const levels = new Map(people.map((p) => [p.id, p.level]));
  return team.members.filter((m) => levels.get(m.id) === level).map((m) => m.name);
}

/** One line for the audit trail and the checkpoint: where the step goes and to whom. */
export function describeStep(step: EscalationStep, members: readonly string[]): string {
  const to = `${stepLabel(step)}${members.length > 0 ? ` (${members.join(', ')})` : ''}`;
  return step.leaves
    ? `${to}, leaving ${step.leaves.name}: its ladder ends below ${levelLabels[step.level]}`
    : to;
}
