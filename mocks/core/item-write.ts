import type { Handoff, User } from '../../src/api/handoff-schemas';
import { checkItemWrite, type ItemWrite } from '../../src/domain/decisions';
import { teamClaimProblem } from '../../src/domain/team-claims';
import type { ApiReply } from './http-types';
import { ladderInForce, policyInForce } from './policy/store';
import { problemReply } from './route-kit';
import type { BackendServices } from './services';
import { teamsInForce } from './teams/store';

/**
 * The refusal of a write to an item, held to the ladder, the rules and the teams in force, or
 * null when it may go ahead.
 */
export function refuseWrite(
  s: BackendServices,
  h: Handoff,
  user: User,
  write: Omit<ItemWrite, 'ladder' | 'rules'>,
): ApiReply | null {
  const refused = checkItemWrite(h, user, {
    ...write,
    ladder: ladderInForce,
    rules: policyInForce(s).rules,
  });
  if (refused) return problemReply(refused);
  // Taking an item on (a claim, a retry, a reassignment, an override) is the team's to do.
  if (write.authority === 'claim' && h.assignee?.id !== user.id) return refuseTeamClaim(s, user, h);
  return null;
}

/**
 * The refusal of `user` taking `h` on for the team that holds it, or null: a claim, the claim
 * an edit makes, and a decision on an item nobody holds (whoever decides owns it) all pass here.
 */
export function refuseTeamClaim(s: BackendServices, user: User, h: Handoff): ApiReply | null {
  const refused = teamClaimProblem(h, user, teamsInForce(s).teams, [...s.world.users.values()]);
  return refused ? problemReply(refused) : null;
}
