import type { Handoff, User } from '../../src/api/handoff-schemas';
import { checkItemWrite, type ItemWrite } from '../../src/domain/decisions';
import type { ApiReply } from './http-types';
import { ladderInForce } from './policy/store';
import { problemReply } from './route-kit';

/** The refusal of a write to an item, held to the ladder in force, or null when it may go ahead. */
export function refuseWrite(
  h: Handoff,
  user: User,
  write: Omit<ItemWrite, 'ladder'>,
): ApiReply | null {
  const refused = checkItemWrite(h, user, { ...write, ladder: ladderInForce });
  return refused ? problemReply(refused) : null;
}
