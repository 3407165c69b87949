import { z } from 'zod/mini';
import type { Handoff } from '../../../src/api/handoff-schemas';
import type { TeamRoute } from '../../../src/api/team-route-schemas';
import {
  type TeamChange,
  type TeamDirectory,
  teamChangeSchema,
} from '../../../src/api/team-schemas';
import { defaultTeamDirectory } from '../../../src/domain/default-teams';
import { chooseTeam } from '../../../src/domain/teams';
import type { BackendServices } from '../services';

/*
 * Where the teams live: their whole audited history, oldest first, as one setting, like the
 * routing policy's. The directory in force is the last change's `after` (or the default
 * before any change), so the history cannot disagree with what routes items.
 */

export const TEAM_CHANGES_KEY = 'teams.changes';

export const teamHistorySchema = z.array(teamChangeSchema);

export function teamHistory(s: Pick<BackendServices, 'world'>): TeamChange[] {
  const stored = s.world.setting<unknown>(TEAM_CHANGES_KEY);
  if (stored === undefined) return [];
  return teamHistorySchema.parse(stored);
}

export function teamsInForce(s: Pick<BackendServices, 'world'>): TeamDirectory {
  return teamHistory(s).at(-1)?.after ?? defaultTeamDirectory;
}

export function appendTeamChange(s: BackendServices, change: TeamChange): void {
  s.world.putSetting(TEAM_CHANGES_KEY, [...teamHistory(s), change]);
}

/** The team a new item at a person's desk goes to under the directory in force. */
export function teamFor(
  s: Pick<BackendServices, 'world'>,
  item: Pick<Handoff, 'ticket'> & { context: Pick<Handoff['context'], 'flags'> },
): TeamRoute | null {
  return chooseTeam({ ticket: item.ticket, flags: item.context.flags }, teamsInForce(s));
}
