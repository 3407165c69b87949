import type { Problem, RuleFlag, Ticket } from '../api/handoff-schemas';
import type { TeamRoute } from '../api/team-route-schemas';
import type { Team, TeamDirectory, TeamLoad, TeamRule, TeamsEdit } from '../api/team-schemas';

/*
 * Which team an item goes to, decided by rules a lead can read: the first team rule that fires
 * wins (a policy keyword, a high-value customer at churn risk, the ticket's language), and an
 * item no rule claims goes to the first team that handles its category. The same function
 * routes arrivals and replays the what-if, so the preview is what routing then does.
 */

/** What routing reads of an item: its ticket and the flags the rules table raised. */
export interface TeamRoutingInput {
  ticket: Pick<Ticket, 'subject' | 'body' | 'category' | 'language' | 'customer'>;
  flags: readonly Pick<RuleFlag, 'rule'>[];
}

export const teamChoiceLabels = {
  keyword: 'Policy keyword',
  churn_risk: 'High-value customer at churn risk',
  language: 'Language',
  category: 'Category',
  rerouted: 'Re-routed by a person',
} as const;

function fires(rule: TeamRule, item: TeamRoutingInput): boolean {
  switch (rule.when) {
    case 'keyword': {
      if (!item.flags.some((f) => f.rule === 'policy_keyword')) return false;
      const text = `${item.ticket.subject}\n${item.ticket.body}`.toLowerCase();
      return text.includes(rule.keyword.toLowerCase());
    }
    case 'churn_risk':
      return (
        item.flags.some((f) => f.rule === 'high_value') &&
        item.ticket.customer.priorComplaints >= rule.minPriorComplaints
      );
    case 'language':
      return item.ticket.language.toLowerCase() === rule.language.toLowerCase();
  }
}

export function describeRule(rule: TeamRule, team: Pick<Team, 'name'> | undefined): string {
  const to = team?.name ?? 'an unknown team';
  switch (rule.when) {
    case 'keyword':
      return `Policy keyword “${rule.keyword}” → ${to}`;
    case 'churn_risk':
      return `High-value customer with ${rule.minPriorComplaints}+ earlier complaints → ${to}`;
    case 'language':
      return `Written in “${rule.language}” → ${to}`;
  }
}

/** The team an item goes to and why, or null when no team handles it. */
export function chooseTeam(
  item: TeamRoutingInput,
  directory: Pick<TeamDirectory, 'teams' | 'rules' | 'version'>,
): TeamRoute | null {
  const byId = new Map(directory.teams.map((t) => [t.id, t]));
  for (const rule of directory.rules) {
    const team = byId.get(rule.teamId);
    if (!team || !fires(rule, item)) continue;
    return {
      teamId: team.id,
      teamName: team.name,
      choice: rule.when,
      ruleId: rule.id,
      reason: describeRule(rule, team),
      directoryVersion: directory.version,
    };
  }
  const team = directory.teams.find((t) => t.categories.includes(item.ticket.category));
  if (!team) return null;
  return {
    teamId: team.id,
    teamName: team.name,
    choice: 'category',
    ruleId: null,
    reason: `Handles ${item.ticket.category} → ${team.name}`,
    directoryVersion: directory.version,
  };
}

type FieldError = NonNullable<Problem['errors']>[number];

/**
 * Checks the entries of one list in order: each gets an error when an entry before it already
 * has its id.
 */
function duplicateIds(list: 'teams' | 'rules', noun: string) {
  const seen = new Set<string>();
  return (entry: { id: string }, i: number): FieldError[] => {
    const repeated = seen.has(entry.id);
    seen.add(entry.id);
    if (!repeated) return [];
    return [
      { pointer: `/${list}/${i}/id`, message: `Another ${noun} already has the id "${entry.id}".` },
    ];
  };
}

/**
 * What a lead must fix before a directory can be saved: duplicate ids, a rule pointing to a
 * team that does not exist or has nobody in it (work sent there would wait for no one).
 */
export function directoryErrors(edit: TeamsEdit): FieldError[] {
  const errors = edit.teams.flatMap(duplicateIds('teams', 'team'));
  const byId = new Map(edit.teams.map((t) => [t.id, t]));
  const repeatedRule = duplicateIds('rules', 'rule');
  edit.rules.forEach((rule, i) => {
    errors.push(...repeatedRule(rule, i));
    const team = byId.get(rule.teamId);
    if (!team) {
      errors.push({ pointer: `/rules/${i}/teamId`, message: `There is no team "${rule.teamId}".` });
    } else if (team.members.length === 0) {
      errors.push({
        pointer: `/rules/${i}/teamId`,
        message: `${team.name} has no members: add someone to it before a rule sends work there.`,
      });
    }
  });
  return errors;
}

/** The teams a person belongs to. */
export function teamsOf(directory: Pick<TeamDirectory, 'teams'>, personId: string): Team[] {
  return directory.teams.filter((t) => t.members.some((m) => m.id === personId));
}

/**
 * How many of `items` each team takes now (by the team they carry) and under `candidate`:
 * the what-if's load per team, with a last row for items no team takes.
 */
export function teamLoad(
  items: readonly (TeamRoutingInput & { team: Pick<TeamRoute, 'teamId' | 'choice'> | null })[],
  current: Pick<TeamDirectory, 'teams'>,
  candidate: Pick<TeamDirectory, 'teams' | 'rules' | 'version'>,
): TeamLoad[] {
  const rows = new Map<string | null, TeamLoad>();
  const row = (teamId: string | null, name: string) => {
    let r = rows.get(teamId);
    if (!r) {
      r = { teamId, name, before: 0, after: 0 };
      rows.set(teamId, r);
    }
    return r;
  };
  for (const t of candidate.teams) row(t.id, t.name);
  for (const t of current.teams) row(t.id, t.name);
  const names = new Map(current.teams.map((t) => [t.id, t.name]));
  for (const item of items) {
    const before = item.team?.teamId ?? null;
    row(before, before === null ? 'No team' : (names.get(before) ?? before)).before += 1;
    // A person's re-route stands while its team does; rules only decide the rest.
    const kept =
      item.team?.choice === 'rerouted' ? candidate.teams.find((t) => t.id === before) : undefined;
    const after = kept ? { teamId: kept.id, teamName: kept.name } : chooseTeam(item, candidate);
    row(after?.teamId ?? null, after?.teamName ?? 'No team').after += 1;
  }
  const noTeam = rows.get(null) ?? { teamId: null, name: 'No team', before: 0, after: 0 };
  rows.delete(null);
  return [...rows.values(), noTeam];
}
