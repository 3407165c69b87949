import type { Team, TeamDirectory, TeamRule } from '../api/team-schemas';
import { levelLabels } from './levels';
import { describeRule } from './teams';

/*
 * What a change to the teams did, in a lead's words, as the audit log shows it: one entry per
 * team created, changed or deleted, and one for the routing rules when they changed, each with
 * a line per field ("Members: Chen Wei, Dana Levi → Chen Wei").
 */

export type TeamChangeAction =
  | 'team_created'
  | 'team_updated'
  | 'team_deleted'
  | 'team_rules_changed';

export interface TeamChangeLine {
  action: TeamChangeAction;
  teamId: string | null;
  outcome: string;
  changes: string[];
}

type Directory = Pick<TeamDirectory, 'teams' | 'rules'>;

const list = (values: readonly string[]) => (values.length === 0 ? '—' : values.join(', '));

const fields: { label: string; show: (t: Team) => string }[] = [
  { label: 'Name', show: (t) => t.name },
  { label: 'Categories', show: (t) => list(t.categories) },
  { label: 'Languages', show: (t) => list(t.languages) },
  { label: 'Levels', show: (t) => list(t.levels.map((l) => levelLabels[l])) },
  { label: 'Members', show: (t) => list(t.members.map((m) => m.name)) },
  { label: 'SLA target', show: (t) => `${t.slaTargetMinutes} min` },
];

function ruleLines(before: Directory, after: Directory): string[] {
  const nameOf = (d: Directory) => (rule: TeamRule) =>
    describeRule(
      rule,
      d.teams.find((t) => t.id === rule.teamId),
    );
  const was = new Map(before.rules.map((r) => [r.id, r]));
  const now = new Map(after.rules.map((r) => [r.id, r]));
  const lines: string[] = [];
  for (const rule of after.rules) {
    const old = was.get(rule.id);
    if (!old) lines.push(`Rule added: ${nameOf(after)(rule)}`);
    else if (JSON.stringify(old) !== JSON.stringify(rule))
      lines.push(`Rule changed: ${nameOf(before)(old)} → ${nameOf(after)(rule)}`);
  }
  for (const rule of before.rules)
    if (!now.has(rule.id)) lines.push(`Rule removed: ${nameOf(before)(rule)}`);
  const kept = (ids: string[], other: Map<string, TeamRule>) => ids.filter((id) => other.has(id));
  const order = (d: Directory) => d.rules.map((r) => r.id);
  if (lines.length === 0 && kept(order(before), now).join() !== kept(order(after), was).join())
    lines.push('Rule order changed (the first rule that fires chooses the team)');
  return lines;
}

/** The entries of one change, teams first (in the order the lead listed them), then the rules. */
export function describeTeamChange(before: Directory, after: Directory): TeamChangeLine[] {
  const out: TeamChangeLine[] = [];
  const was = new Map(before.teams.map((t) => [t.id, t]));
  const now = new Set(after.teams.map((t) => t.id));
  for (const team of after.teams) {
    const old = was.get(team.id);
    if (!old) {
      out.push({
        action: 'team_created',
        teamId: team.id,
        outcome: `Team ${team.name} created`,
        changes: fields.map((f) => `${f.label}: ${f.show(team)}`),
      });
      continue;
    }
    const changes = fields
      .filter((f) => f.show(old) !== f.show(team))
      .map((f) => `${f.label}: ${f.show(old)} → ${f.show(team)}`);
    if (changes.length > 0) {
      out.push({
        action: 'team_updated',
        teamId: team.id,
        outcome: `Team ${team.name} changed: ${changes.length} setting(s)`,
        changes,
      });
    }
  }
  for (const team of before.teams) {
    if (now.has(team.id)) continue;
    out.push({
      action: 'team_deleted',
      teamId: team.id,
      outcome: `Team ${team.name} deleted`,
      changes: [`Had ${list(team.members.map((m) => m.name))}`],
    });
  }
  const rules = ruleLines(before, after);
  if (rules.length > 0 || out.length === 0) {
    out.push({
      action: 'team_rules_changed',
      teamId: null,
      outcome:
        rules.length > 0
          ? `Team routing rules changed: ${rules.length} change(s)`
          : 'Teams saved with nothing changed',
      changes: rules,
    });
  }
  return out;
}
