import type { TeamRoute } from '../../../src/api/team-route-schemas';
import type { Team } from '../../../src/api/team-schemas';

/* Shared by the teams tests: an item's route to a team, and a small team a lead adds. */

/** How an item carries `teamName`, as if its category had sent it there. */
export const teamRoute = (teamId: string, teamName: string): TeamRoute => ({
  teamId,
  teamName,
  choice: 'category',
  ruleId: null,
  reason: `Handles it → ${teamName}`,
  directoryVersion: 1,
});

/** A team of one (Chen Wei) at L2 and Manager, with a 30-minute target. */
export const vipDesk: Team = {
  id: 'vip',
  name: 'VIP desk',
  categories: [],
  languages: ['en'],
  levels: ['l2', 'manager'],
  members: [{ id: 'u-chen', name: 'Chen Wei' }],
  slaTargetMinutes: 30,
};
