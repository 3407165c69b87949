import type { Handoff, User } from '../../../api/handoff-schemas';
import { hasAuthorityOver, levelLabels } from '../../../domain/levels';
import { claimableStatuses, isOpen, statusLabels } from '../../../domain/lifecycle';

/** What this reviewer may do with the item right now, and why not if they may not. */
export function checkpointAccess(handoff: Handoff, actorId: string, me: User | undefined) {
  const open = isOpen(handoff.status);
  const holder = handoff.assignee;
  const heldByMe = holder?.id === actorId;
  const otherHolder = holder !== null && !heldByMe ? holder : null;
  const outsideAuthority = me ? !hasAuthorityOver(me.level, handoff.level) : false;
  // The server enforces all of this; the screen says it first, in words.
  const lockedReason = !open
    ? handoff.status === 'redirected' || handoff.status === 'ai_working'
      ? 'The AI is working on this item; it comes back when the new draft is ready.'
      : `This item is ${statusLabels[handoff.status].toLowerCase()}; there is nothing left to decide.`
    : otherHolder
      ? `${otherHolder.name} holds this item. You can read everything, but only they can edit or decide until they release it.`
      : outsideAuthority && me
        ? `This item is at ${levelLabels[handoff.level]}, above your authority (${levelLabels[me.level]}); you can read it but not act on it.`
        : null;
  return {
    open,
    heldByMe,
    otherHolder,
    outsideAuthority,
    lockedReason,
    canEdit: lockedReason === null,
    canClaim: !holder && claimableStatuses.includes(handoff.status) && !outsideAuthority,
  };
}
