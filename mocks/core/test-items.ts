import type { Handoff } from '../../src/api/schemas';
import { checkAuthority } from '../../src/domain/decisions';
import { messagesSinceDraft } from '../../src/domain/follow-ups';
import { seedUsers } from '../seed/users';
import type { Backend } from './backend';

const ana = seedUsers[0]!;

/**
 * An open L1 item with no hard stop, at most one option, a draft within L1's authority and no
 * unread customer message: approvable as drafted by an L1 reviewer.
 */
export function plainItem(backend: Backend): Handoff {
  const item = [...backend.state.handoffs.values()].find(
    (h) =>
      h.status === 'pending' &&
      h.level === 'l1' &&
      !h.assignee &&
      h.context.options.length < 2 &&
      !h.context.flags.some((f) => f.hardStop) &&
      messagesSinceDraft(h).length === 0 &&
      checkAuthority(h, ana, 'approve', { approvedText: h.drafts.at(-1)?.text }) === null,
  );
  if (!item) throw new Error('seed has no plain item');
  return item;
}
