import type { SaveState } from '../hooks/use-draft-autosave';

const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** Where the reviewer's text is kept, in the words the editor shows under it. */
export function describeSaveStatus({
  save,
  dirty,
  canEdit,
  savedAt,
}: {
  save: SaveState;
  /** The text on this device is not on the server yet. */
  dirty: boolean;
  canEdit: boolean;
  /** When the server stored the text shown, if it did. */
  savedAt: string | null | undefined;
}): { text: string; problem: boolean } {
  if (save.kind === 'saving') return { text: 'Saving…', problem: false };
  if (dirty) {
    if (save.kind === 'failed') {
      return {
        text: `Not saved to server — kept on this device${save.reason ? ` (${save.reason})` : ''}`,
        problem: true,
      };
    }
    if (!canEdit) return { text: 'Not saved to server — kept on this device', problem: true };
    return { text: 'Saved locally', problem: false };
  }
  return {
    text: savedAt
      ? `Saved to server ${timeOfDay.format(new Date(savedAt))}`
      : 'The AI’s draft, not edited yet',
    problem: false,
  };
}
