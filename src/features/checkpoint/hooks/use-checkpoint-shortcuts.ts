import { useRouter } from '@tanstack/react-router';
import type { Option } from '../../../api/handoff-schemas';
import { useListPlace } from '../../../hooks/use-list-place';
import { useShortcuts } from '../../../hooks/use-shortcuts';
import type { FormAction } from '../components/action-bar';

/** Single keys for the checkpoint; the hook ignores them while the reviewer types. */
export function useCheckpointShortcuts({
  approve,
  openForm,
  formOpen,
  closeForm,
  focusEditor,
  canEdit,
  claim,
  canClaim,
  options,
  optionsSuperseded,
  selectOption,
}: {
  approve: () => void;
  openForm: (action: FormAction) => void;
  formOpen: boolean;
  closeForm: () => void;
  focusEditor: () => void;
  canEdit: boolean;
  claim: () => Promise<void>;
  canClaim: boolean;
  options: Option[];
  /** A newer AI draft replaced the options: a key loads an option's text, after a confirmation. */
  optionsSuperseded: boolean;
  selectOption: (id: string) => void;
}) {
  const router = useRouter();
  const queue = useListPlace('/queue');
  useShortcuts([
    { key: 'a', handler: approve, label: 'Approve' },
    { key: 'r', handler: () => openForm('reject'), label: 'Reject' },
    { key: 'x', handler: () => openForm('escalate'), label: 'Escalate' },
    { key: 'd', handler: () => openForm('redirect'), label: 'Redirect to the AI' },
    { key: 'e', handler: focusEditor, enabled: canEdit, label: 'Edit the draft' },
    { key: 'c', handler: () => void claim(), enabled: canClaim, label: 'Claim this item' },
    ...options.slice(0, 9).map((o, i) => ({
      key: String(i + 1),
      handler: () => selectOption(o.id),
      enabled: canEdit,
      label: optionsSuperseded
        ? `Load the text of option ${i + 1}: ${o.label}`
        : `Use option ${i + 1}: ${o.label}`,
    })),
    {
      key: 'Escape',
      label: formOpen ? 'Close the form' : 'Back to the queue',
      handler: () => {
        if (formOpen) closeForm();
        else void router.navigate({ href: queue });
      },
    },
  ]);
}
