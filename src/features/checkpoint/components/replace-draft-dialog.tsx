import type { Option } from '../../../api/handoff-schemas';
import { AlertDialog } from '../../../components/ui/alert-dialog';
import type { PendingOption } from '../hooks/use-reply-draft';

/**
 * Asks before an option's text replaces a reply the reviewer would lose: their edit, or an AI
 * draft newer than the options (after a redirect).
 */
export function ReplaceDraftDialog({
  pending,
  onDismiss,
  onApply,
}: {
  pending: PendingOption | null;
  onDismiss: () => void;
  onApply: (option: Option, replace: boolean) => void;
}) {
  const option = pending?.option ?? null;
  const newer = pending?.supersededBy ?? null;
  return (
    <AlertDialog
      open={option !== null}
      onOpenChange={(o) => {
        if (!o) onDismiss();
      }}
      title={newer ? `Replace AI draft ${newer.number}?` : 'Replace your edited reply?'}
      description={
        !option
          ? ''
          : newer
            ? `“${option.label}” was offered with draft 1, before draft ${newer.number} replaced the options. Loading its text replaces the reply in the editor; draft ${newer.number} stays in the history, and you can undo this right after.`
            : `“${option.label}” comes with its own draft. Load it into the editor (you can undo this right after), or keep your text and only choose the option.`
      }
      actions={
        newer
          ? [
              {
                label: 'Load its text',
                variant: 'danger',
                onSelect: () => option && onApply(option, true),
              },
            ]
          : [
              {
                label: 'Load its draft',
                variant: 'danger',
                onSelect: () => option && onApply(option, true),
              },
              {
                label: 'Keep my text',
                variant: 'primary',
                onSelect: () => option && onApply(option, false),
              },
            ]
      }
    />
  );
}
