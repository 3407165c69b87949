import { useState } from 'react';
import type { ProposedAction } from '../../../api/action-schemas';
import type { DraftVersion, Handoff, Option } from '../../../api/handoff-schemas';
import { sameActions } from '../../../domain/actions';
import { optionsInForce, optionsSupersededBy } from '../../../domain/options';
import { chooseText, useDraftStore } from '../../../stores/draft-store';
import { chooseActions } from '../lib/chosen-actions';
import { latestDraft } from '../lib/latest-draft';
import { useReplaceUndo } from './use-replace-undo';

/** An option waiting for the reviewer to say whether its text may replace the reply shown. */
export interface PendingOption {
  option: Option;
  /** Set when the options are older than the AI's latest draft: loading one replaces that draft. */
  supersededBy: DraftVersion | null;
}

/**
 * The reply the reviewer sees and edits: their own text if they have any, else the server's
 * working draft, else the AI's; the actions an approval would carry out (as the reviewer edited
 * them, else as the server will read them); and the AI option it starts from, while the options
 * are in force. Whatever would replace text the reviewer would lose (their edit, or a newer AI
 * draft than the options) waits in `pendingOption` until they confirm, and can be undone after.
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
  const [pendingOption, setPendingOption] = useState<PendingOption | null>(null);
  const undo = useReplaceUndo();

  const aiDraft = latestDraft(handoff);
  const options = optionsInForce(handoff);
  const supersededBy = optionsSupersededBy(handoff);
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

  const write = (next: string, selected?: string | null) => {
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

  /** Replaces the reply wholesale, offering to put back what was there. */
  const replace = (next: string, selected: string | null, message: string) => {
    undo.offer({ message, text, selectedOptionId: selectedOption?.id ?? null });
    write(next, selected);
  };

  const applyOption = (option: Option, replaceText: boolean) => {
    setPendingOption(null);
    if (!options.some((o) => o.id === option.id)) {
      // Superseded: the option is only a text to start from, not a choice the approval carries.
      replace(option.draft, null, `Loaded the text of “${option.label}”.`);
    } else if (replaceText) {
      const message = `Loaded the draft of “${option.label}”.`;
      if (edited) replace(option.draft, option.id, message);
      else write(option.draft, option.id);
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
    const option = handoff.context.options.find((o) => o.id === id);
    if (!option) return;
    if (supersededBy) {
      if (text !== option.draft) setPendingOption({ option, supersededBy });
      return;
    }
    if (option.id === selectedOption?.id) return;
    if (edited && text !== option.draft) setPendingOption({ option, supersededBy: null });
    else applyOption(option, true);
  };

  return {
    /** The options a choice can be made between: none once a newer AI draft replaced them. */
    options,
    /** The AI draft that replaced the options, shown with them; null while they are in force. */
    supersededBy,
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
    /** A keystroke: the reviewer's own change, which ends the offer to undo a replacement. */
    setText: (next: string) => {
      undo.dismiss();
      write(next);
    },
    /** Back to the text the edit is measured against: the chosen option's, else the AI's latest. */
    resetToBase: () => replace(baseText, selectedOption?.id ?? null, `Reset to ${baseLabel}.`),
    undo: undo.last
      ? {
          message: undo.last.message,
          run: () => {
            const last = undo.take();
            if (last) write(last.text, last.selectedOptionId);
          },
        }
      : null,
    selectOption,
    pendingOption,
    applyOption,
    dismissPendingOption: () => setPendingOption(null),
  };
}
