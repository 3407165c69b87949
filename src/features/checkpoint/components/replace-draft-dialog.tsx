import type { Option } from '../../../api/handoff-schemas';
import { AlertDialog } from '../../../components/ui/alert-dialog';

/** Asks before an option's draft replaces text the reviewer has edited. */
export function ReplaceDraftDialog({
  option,
  onDismiss,
  onApply,
}: {
  option: Option | null;
  onDismiss: () => void;
  onApply: (option: Option, replace: boolean) => void;
}) {
  return (
    <AlertDialog
      open={option !== null}
      onOpenChange={(o) => {
        if (!o) onDismiss();
      }}
      title="Replace your edited reply?"
      description={
        option
          ? `“${option.label}” comes with its own draft. Load it into the editor, or keep your text and only choose the option.`
          : ''
      }
      actions={[
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
      ]}
    />
  );
}
