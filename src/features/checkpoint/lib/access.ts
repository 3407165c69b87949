import type { Handoff, User } from '../../../api/handoff-schemas';
import type { Team } from '../../../api/team-schemas';
import { hasAuthorityOver, levelLabels } from '../../../domain/levels';
import { claimableStatuses, isOpen, statusLabels } from '../../../domain/lifecycle';
import { teamClaimReason, teamClaimRules } from '../../../domain/team-claims';

/**
 * What this reviewer may do with the item right now, and why not if they may not. `teams` and
 * `people` are the directory and the floor, for the rule that a team's items go to its members.
 */
export function checkpointAccess(
  handoff: Handoff,
  actorId: string,
  me: User | undefined,
  teams: readonly Team[] = [],
  people: readonly User[] = [],
) {
  const open = isOpen(handoff.status);
  const holder = handoff.assignee;
  const heldByMe = holder?.id === actorId;
  const otherHolder = holder !== null && !heldByMe ? holder : null;
  const outsideAuthority = me ? !hasAuthorityOver(me.level, handoff.level) : false;
  // Only an unheld item is claimed; once someone holds it, that is what the screen says.
  const outsideTeam =
    me && !holder
      ? teamClaimReason(teamClaimRules(teams, people)(handoff), handoff, me, teams)
      : null;
  // The server enforces all of this; the screen says it first, in words.
  const lockedReason = !open
    ? handoff.status === 'redirected' || handoff.status === 'ai_working'
      ? 'The AI is working on this item; it comes back when the new draft is ready.'
      : `This item is ${statusLabels[handoff.status].toLowerCase()}; there is nothing left to decide.`
    : otherHolder
      ? `${otherHolder.name} holds this item. You can read everything, but only they can edit or decide until they release it.`
      : outsideAuthority && me
        ? `This item is at ${levelLabels[handoff.level]}, above your authority (${levelLabels[me.level]}); you can read it but not act on it.`
        : outsideTeam
          ? `${outsideTeam} You can read it but not act on it.`
          : null;
  return {
    open,
    heldByMe,
    otherHolder,
    outsideAuthority,
    outsideTeam,
    lockedReason,
    canEdit: lockedReason === null,
    canClaim:
      !holder &&
      claimableStatuses.includes(handoff.status) &&
      !outsideAuthority &&
      outsideTeam === null,
  };
}
