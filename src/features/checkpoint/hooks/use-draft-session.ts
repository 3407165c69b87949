import type { Handoff } from '../../../api/handoff-schemas';
import { useConflict } from './use-conflict';
import { useDraftAutosave } from './use-draft-autosave';
import { useEditorFocus } from './use-editor-focus';
import { useFreshSnapshot } from './use-fresh-snapshot';
import { useReplyDraft } from './use-reply-draft';

/**
 * The reviewer's text and everything that guards it: the editor, the autosave, the freshest
 * copy of the item and the conflict panel. They are one unit: a keystroke schedules a save, a
 * refused save opens the conflict, keeping one's own text returns to the editor. Whatever
 * decides or claims takes the whole session, not its parts one callback at a time.
 */
export function useDraftSession({
  handoffId,
  handoff,
  canEdit,
}: {
  handoffId: string;
  handoff: Handoff;
  canEdit: boolean;
}) {
  const editor = useEditorFocus();
  const snapshot = useFreshSnapshot(handoffId, handoff);
  const conflict = useConflict({ handoffId, snapshot, onKeptMine: editor.focusEditor });
  const autosave = useDraftAutosave({
    handoffId,
    enabled: canEdit && conflict.conflict === null,
    onConflict: conflict.showConflict,
  });
  const draft = useReplyDraft({
    handoffId,
    handoff,
    canEdit,
    onTextChange: () => autosave.schedule(),
  });
  return { editor, snapshot, conflict, autosave, draft };
}

export type DraftSession = ReturnType<typeof useDraftSession>;
