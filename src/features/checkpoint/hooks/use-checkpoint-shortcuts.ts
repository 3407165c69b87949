import { useNavigate } from '@tanstack/react-router';
import type { Option } from '../../../api/handoff-schemas';
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
  selectOption: (id: string) => void;
}) {
  const navigate = useNavigate();
  useShortcuts([
    { key: 'a', handler: approve },
    { key: 'r', handler: () => openForm('reject') },
    { key: 'x', handler: () => openForm('escalate') },
    { key: 'd', handler: () => openForm('redirect') },
    { key: 'e', handler: focusEditor, enabled: canEdit },
    { key: 'c', handler: () => void claim(), enabled: canClaim },
    ...options
      .slice(0, 9)
      .map((o, i) => ({ key: String(i + 1), handler: () => selectOption(o.id), enabled: canEdit })),
    {
      key: 'Escape',
      handler: () => {
        if (formOpen) closeForm();
        else void navigate({ to: '/queue' });
      },
    },
  ]);
}
