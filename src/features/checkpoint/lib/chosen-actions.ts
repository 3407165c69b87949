import type { ProposedAction } from '../../../api/action-schemas';
import type { Handoff } from '../../../api/handoff-schemas';
import { approvedActionsOf } from '../../../domain/decisions';
import type { LocalDraft } from '../../../stores/draft-store';

/**
 * The actions an approval of `text` would carry out, worked out as the server does: the
 * reviewer's own edit (on this device, else saved on the server), else the draft's, read
 * again from the reply when the reviewer rewrote it. The editor shows exactly these, so what
 * the reviewer sees is what the decision carries.
 */
export function chooseActions(
  handoff: Handoff,
  local: LocalDraft | undefined,
  text: string,
): { actions: ProposedAction[]; edit: ProposedAction[] | null } {
  const edit = local?.actions ?? handoff.workingDraft?.actions ?? null;
  return { actions: [...approvedActionsOf(handoff, edit ?? undefined, text)], edit };
}
