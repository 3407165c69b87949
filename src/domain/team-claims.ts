import type { Handoff, Problem, Role, User } from '../api/handoff-schemas';
import { makeProblem } from '../api/problem';
import type { Team } from '../api/team-schemas';
import { hasAuthorityOver, levelLabels } from './levels';

/*
 * Who may claim an item a team holds. An item routed to a team is open to anyone whose level
 * covers it (claim-next serves a person's own teams first). Once escalated inside the team's
 * ladder it is the team's work: only its members whose own level covers the item's level claim
 * it (a team lead, a manager or an executive too, as for re-routing). When the team has nobody
 * at the item's level or above — an escalation past every member, or a team emptied since —
 * the item falls back to the global ladder: anyone whose level covers it may claim it, since
 * otherwise it would wait for no one. The server enforces this on claim, claim-next and the
 * claim an edit makes; the checkpoint reads the same rule to say why before anyone tries.
 */

/** Roles that oversee every team and may take any team's work within their level. */
export const teamOverseerRoles: readonly Role[] = ['lead', 'manager', 'executive'];

/** What the rule needs of a person: their id, role and level. */
type Person = Pick<User, 'id' | 'level'>;

/** How the team holding an item limits who claims it. */
export type TeamClaimRule =
  | { kind: 'open' }
  | { kind: 'fallback'; team: Pick<Team, 'id' | 'name'> }
  | { kind: 'team'; team: Pick<Team, 'id' | 'name'>; claimers: string[] };

/**
 * The rule for items, read from the teams and people in force: open (no team, not escalated,
 * or a team no longer in force), held to the team's members at the item's level or above (named), or fallen
 * back to the global ladder. Answers are kept per team and level, so claim-next can ask it of
 * every item in a large queue.
 */
export function teamClaimRules(teams: readonly Team[], people: readonly Person[]) {
  const levels = new Map(people.map((p) => [p.id, p.level]));
  const byId = new Map(teams.map((t) => [t.id, t]));
  const kept = new Map<string, TeamClaimRule>();
  return (item: Pick<Handoff, 'team' | 'level' | 'escalation'>): TeamClaimRule => {
    const team = item.team && item.escalation ? byId.get(item.team.teamId) : undefined;
    if (!team) return { kind: 'open' };
    const key = `${team.id} ${item.level}`;
    let rule = kept.get(key);
    if (!rule) {
      const claimers = team.members
        .filter((m) => {
          const level = levels.get(m.id);
          return level !== undefined && hasAuthorityOver(level, item.level);
        })
        .map((m) => m.name);
      const ref = { id: team.id, name: team.name };
      rule =
        claimers.length === 0
          ? { kind: 'fallback', team: ref }
          : { kind: 'team', team: ref, claimers };
      kept.set(key, rule);
    }
    return rule;
  };
}

/** Whether `user` passes the team's rule (the ladder's authority is checked on its own). */
export function mayClaimForTeam(
  rule: TeamClaimRule,
  user: Pick<User, 'id' | 'role'>,
  teams: readonly Team[],
): boolean {
  if (rule.kind !== 'team' || teamOverseerRoles.includes(user.role)) return true;
  const team = teams.find((t) => t.id === rule.team.id);
  return team?.members.some((m) => m.id === user.id) ?? false;
}

/** Why `user` may not claim the item for its team, in words, or null when they may. */
export function teamClaimReason(
  rule: TeamClaimRule,
  item: Pick<Handoff, 'level'>,
  user: Pick<User, 'id' | 'role'>,
  teams: readonly Team[],
): string | null {
  if (rule.kind !== 'team' || mayClaimForTeam(rule, user, teams)) return null;
  return `${rule.team.name} holds this item: only its members at ${levelLabels[item.level]} or above (${rule.claimers.join(', ')}) or a team lead may claim it.`;
}

/** The 403 for a claim outside the team, naming the team; null when the claim may go ahead. */
export function teamClaimProblem(
  item: Pick<Handoff, 'team' | 'level' | 'escalation'>,
  user: Pick<User, 'id' | 'role'>,
  teams: readonly Team[],
  people: readonly Person[],
): Problem | null {
  const rule = teamClaimRules(teams, people)(item);
  const reason = teamClaimReason(rule, item, user, teams);
  if (!reason || rule.kind !== 'team') return null;
  return makeProblem('forbidden', reason, { team: rule.team });
}
