import {
  rerouteRequestSchema,
  teamChangeRequestSchema,
  teamChangeSchema,
  teamChangesSchema,
  teamDirectorySchema,
  teamsEditSchema,
  teamWhatIfResultSchema,
} from '../team-schemas';
import {
  defineOperations,
  identityProblems,
  idParams,
  itemWrite,
  read,
  writeProblems,
} from './define';

const editorsOnly = 'Only team leads, managers and executives change the teams';

/** Teams: who handles which work, the rules that send items to them, and re-routing an item. */
export const teamOperations = defineOperations({
  getTeams: read(
    '/teams',
    'The teams in force and the rules that send items to them',
    teamDirectorySchema,
    'The team directory',
  ),
  previewTeams: {
    method: 'POST',
    path: '/teams/what-if',
    summary:
      'The load per team under an edit, before it is saved: the open queue and the last ' +
      'week’s human-reviewed items, as they are routed now and as the edit would route ' +
      'them. Changes nothing; needs no Idempotency-Key',
    body: teamsEditSchema,
    response: teamWhatIfResultSchema,
    description: 'The load per team',
    problems: {
      ...identityProblems,
      400: 'Malformed JSON',
      422: 'An edit that could not be saved (with JSON pointers)',
    },
    write: false,
  },
  listTeamChanges: read(
    '/teams/changes',
    'Every change to the teams with who, when, why, before and after; newest first',
    teamChangesSchema,
    'The history',
  ),
  changeTeams: {
    method: 'POST',
    path: '/teams/changes',
    summary:
      'Replace the teams and their rules (team leads, managers and executives), on the ' +
      'version the edit was made on, with a reason. A rule that sends work to a team with ' +
      'no members is refused',
    body: teamChangeRequestSchema,
    response: teamChangeSchema,
    status: 201,
    description: 'The recorded change',
    problems: {
      ...writeProblems,
      403: editorsOnly,
      409: 'The teams moved on; carries `currentVersion`',
      422: 'Invalid fields (with JSON pointers), e.g. a rule to a team with no members',
    },
    write: true,
  },
  rerouteHandoff: {
    ...itemWrite(
      'POST',
      '/handoffs/{id}/reroute',
      'Send an open item to another team, with a reason (leads, managers, executives, or a ' +
        'member of the team holding it); the level stays, the team’s ladder applies from there',
      rerouteRequestSchema,
    ),
    params: idParams,
  },
});
