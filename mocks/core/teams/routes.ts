import type { Handoff, Level, User } from '../../../src/api/handoff-schemas';
import {
  type RerouteRequest,
  rerouteRequestSchema,
  type TeamChange,
  type TeamDirectory,
  teamChangeRequestSchema,
  teamsEditSchema,
} from '../../../src/api/team-schemas';
import { hasAuthorityOver, levelLabels, rank } from '../../../src/domain/levels';
import { directoryErrors, teamLoad } from '../../../src/domain/teams';
import type { ApiReply } from '../http-types';
import { refuseWrite } from '../item-write';
import { RECENT_TRAFFIC_MS } from '../policy/store';
import {
  floorEditors,
  ok,
  on,
  personOf,
  refuse,
  versionedChange,
  withItem,
  withReadBody,
} from '../route-kit';
import type { BackendServices, RouteGroup } from '../services';
import { appendTeamChange, teamHistory, teamsInForce } from './store';

/*
 * Teams over HTTP: read them, preview an edit's load per team, change them (leads and above,
 * with a reason, on the version they saw, never with a rule to an empty team), read their
 * history, and re-route one item to another team.
 */

const badDirectory = (errors: ReturnType<typeof directoryErrors>) =>
  refuse('validation', errors[0]?.message ?? 'The teams need attention.', { errors });

/** Items whose team matters for load: open now, or reviewed by a person in the last week. */
function loadItems(s: BackendServices): Handoff[] {
  const from = s.clock() - RECENT_TRAFFIC_MS;
  const items: Handoff[] = [];
  for (const h of s.world.handoffs.values()) {
    if (h.level === 'ai' || h.status === 'auto_approved' || h.status === 'ai_working') continue;
    const open = h.outcome === null;
    if (open || Date.parse(h.createdAt) >= from) items.push(h);
  }
  return items;
}

/** Where a re-routed item lands in its new team's ladder: its own level, or the next one up. */
function levelInTeam(levels: readonly Level[], current: Level): Level {
  const sorted = [...levels].sort((a, b) => rank(a) - rank(b));
  return sorted.find((l) => rank(l) >= rank(current)) ?? sorted.at(-1) ?? current;
}

/**
 * Re-routes one open item to another team, as its endpoint does and as a batch does for each
 * of its items: who may move it, on the version seen, to a team with members, audited.
 */
export function rerouteItem(
  s: BackendServices,
  user: User,
  h: Handoff,
  body: RerouteRequest,
): ApiReply {
  const directory = teamsInForce(s);
  const inCurrentTeam =
    h.team !== null &&
    directory.teams.some((t) => t.id === h.team?.teamId && t.members.some((m) => m.id === user.id));
  if (!floorEditors.includes(user.role) && !inCurrentTeam) {
    return refuse(
      'forbidden',
      `${user.name} is not in ${h.team?.teamName ?? 'the team holding this item'}; only its members, a team lead, a manager or an executive may send it to another team.`,
    );
  }
  if (!floorEditors.includes(user.role) && !hasAuthorityOver(user.level, h.level)) {
    return refuse(
      'forbidden',
      `${user.name} (${levelLabels[user.level]}) cannot move items at ${levelLabels[h.level]}; ask someone at that level or a team lead.`,
    );
  }
  const refused = refuseWrite(s, h, user, {
    version: body.version,
    event: 'reroute',
    anyHolder: true,
  });
  if (refused) return refused;
  const target = directory.teams.find((t) => t.id === body.teamId);
  const field = (message: string) =>
    refuse('validation', message, { errors: [{ pointer: '/teamId', message }] });
  if (!target) return field(`There is no team "${body.teamId}".`);
  if (target.id === h.team?.teamId) return field(`The item is already with ${target.name}.`);
  if (target.members.length === 0) {
    return field(`${target.name} has no members: nobody there could take the item.`);
  }
  const level = levelInTeam(target.levels, h.level);
  const actor = personOf(user);
  const next = s.move(h, 'reroute', {
    team: {
      teamId: target.id,
      teamName: target.name,
      choice: 'rerouted',
      ruleId: null,
      reason: `Re-routed by ${user.name}: ${body.reason}`,
      directoryVersion: directory.version,
    },
    level,
    assignee: null,
  });
  const moved = level === h.level ? '' : ` at ${levelLabels[level]}`;
  s.record(
    next,
    actor,
    'rerouted',
    `Re-routed from ${h.team?.teamName ?? 'no team'} to ${target.name}${moved} by ${user.name}`,
    { why: { reason: body.reason, rule: null, confidence: h.context.confidence } },
  );
  return ok(next);
}

export const teamRoutes: RouteGroup = (s) => [
  on('getTeams', () => ok(teamsInForce(s))),

  on('listTeamChanges', () => ok({ items: teamHistory(s).reverse() })),

  on('previewTeams', ({ req }) =>
    withReadBody(req.body, teamsEditSchema, (edit) => {
      const current = teamsInForce(s);
      const items = loadItems(s).map((h) => ({
        ticket: h.ticket,
        flags: h.context.flags,
        team: h.team,
      }));
      const candidate = { ...edit, version: current.version + 1 };
      return ok({ replayed: items.length, teams: teamLoad(items, current, candidate) });
    }),
  ),

  on('changeTeams', (ctx) =>
    versionedChange(
      ctx,
      {
        what: 'the teams',
        name: 'The teams',
        schema: teamChangeRequestSchema,
        current: () => teamsInForce(s).version,
        advice: 'review them and make the change again.',
      },
      ({ teams, rules, reason }) => {
        const current = teamsInForce(s);
        const errors = directoryErrors({ teams, rules });
        if (errors.length > 0) return badDirectory(errors);
        const after: TeamDirectory = {
          version: current.version + 1,
          teams,
          rules,
          updatedAt: s.now(),
          updatedBy: personOf(ctx.user),
        };
        const change: TeamChange = {
          id: `teams-v${after.version}`,
          at: after.updatedAt,
          by: after.updatedBy,
          reason,
          before: current,
          after,
        };
        appendTeamChange(s, change);
        return ok(change, 201);
      },
    ),
  ),

  on('rerouteHandoff', ({ user, json, params: { id } }) =>
    withItem(s, rerouteRequestSchema, json, id, (body, h) => rerouteItem(s, user, h, body)),
  ),
];
