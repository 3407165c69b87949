import { useState } from 'react';
import type { ProposedAction } from '../../../api/action-schemas';
import type { Handoff, Option } from '../../../api/handoff-schemas';
import { sameActions } from '../../../domain/actions';
import { chooseText, useDraftStore } from '../../../stores/draft-store';
import { chooseActions } from '../lib/chosen-actions';
import { latestDraft } from '../lib/latest-draft';

/**
 * The reply the reviewer sees and edits: their own text if they have any, else the server's
 * working draft, else the AI's; the actions an approval would carry out (as the reviewer edited
 * them, else as the server will read them); and the AI option it starts from. Choosing another option
 * over edited text waits in `pendingOption` until the reviewer says whether to replace it.
 */
export function useReplyDraft({
  handoffId,
  handoff,
  canEdit,
  onTextChange,
}: {
  handoffId: string;
  handoff: Handoff;
  canEdit: boolean;
  onTextChange: () => void;
}) {
  const local = useDraftStore((s) => s.drafts[handoffId]);
  const [pendingOption, setPendingOption] = useState<Option | null>(null);

  const aiDraft = latestDraft(handoff);
  const { options } = handoff.context;
  const selectedOptionId = local?.selectedOptionId ?? handoff.selectedOptionId;
  const selectedOption = options.find((o) => o.id === selectedOptionId) ?? null;
  const baseText = selectedOption?.draft ?? aiDraft.text;
  const baseLabel = selectedOption
    ? `the option “${selectedOption.label}”`
    : `AI draft ${aiDraft.number}`;
  const shown = chooseText(local, handoff.workingDraft, aiDraft.text);
  const text = shown.text;
  const edited = text !== baseText;
  const { actions, edit: editedActions } = chooseActions(handoff, local, text);
  const proposedActions = aiDraft.actions;
  const actionsEdited = !sameActions(proposedActions, actions);
  const dirty = local !== undefined && local.syncedAt === null;
  const workingVersion = dirty ? local.baseVersion : handoff.version;
  const savedAt =
    shown.source === 'local'
      ? local?.syncedAt
      : shown.source === 'server'
        ? handoff.workingDraft?.savedAt
        : null;

  const setText = (next: string, selected?: string | null) => {
    useDraftStore.getState().setText(handoffId, next, {
      baseVersion: workingVersion,
      baseDraftNumber: aiDraft.number,
      ...(selected !== undefined ? { selectedOptionId: selected } : {}),
    });
    onTextChange();
  };

  const setActions = (next: ProposedAction[]) => {
    useDraftStore.getState().setActions(handoffId, next, {
      text,
      baseVersion: workingVersion,
      baseDraftNumber: aiDraft.number,
    });
    onTextChange();
  };

  const applyOption = (option: Option, replace: boolean) => {
    if (replace) {
      setText(option.draft, option.id);
    } else {
      useDraftStore.getState().setSelectedOption(handoffId, option.id, {
        text,
        baseVersion: workingVersion,
        baseDraftNumber: aiDraft.number,
      });
    }
  };

  const selectOption = (id: string) => {
    if (!canEdit) return;
    const option = options.find((o) => o.id === id);
    if (!option || option.id === selectedOption?.id) return;
    if (edited && text !== option.draft) setPendingOption(option);
    else applyOption(option, true);
  };

  return {
    selectedOption,
    baseText,
    baseLabel,
    text,
    edited,
    /** What approving carries out, and what the AI proposed. */
    actions,
    proposedActions,
    /** The reviewer's own edit of the actions, sent with the decision; null while untouched. */
    editedActions,
    actionsEdited,
    setActions,
    dirty,
    savedAt,
    setText,
    selectOption,
    pendingOption,
    applyOption,
    dismissPendingOption: () => setPendingOption(null),
  };
}
