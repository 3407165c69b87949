import type { Handoff, User } from '../../src/api/handoff-schemas';
import { checkItemWrite, type ItemWrite } from '../../src/domain/decisions';
import type { ApiReply } from './http-types';
import { ladderInForce, policyInForce } from './policy/store';
import { problemReply } from './route-kit';
import type { BackendServices } from './services';

/**
 * The refusal of a write to an item, held to the ladder and the rules in force, or null when
 * it may go ahead.
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
  return refused ? problemReply(refused) : null;
}
