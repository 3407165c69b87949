import type { Handoff } from '../../src/api/schemas';
import type { Backend } from './backend';

/** An open L1 item with no hard stop and at most one option: approvable as drafted. */
export function plainItem(backend: Backend): Handoff {
  const item = [...backend.state.handoffs.values()].find(
    (h) =>
      h.status === 'pending' &&
      h.level === 'l1' &&
      !h.assignee &&
      h.context.options.length < 2 &&
      !h.context.flags.some((f) => f.hardStop),
  );
  if (!item) throw new Error('seed has no plain item');
  return item;
}
