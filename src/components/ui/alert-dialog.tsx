import { AlertDialog as RadixAlertDialog } from 'radix-ui';
import type { ReactNode } from 'react';

export interface AlertDialogAction {
  label: string;
  onSelect: () => void;
  variant?: 'primary' | 'danger' | 'plain';
}

interface AlertDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  /** The choices, most likely first; Cancel is always added and takes focus by default. */
  actions: AlertDialogAction[];
  cancelLabel?: string;
}

const variantClass = {
  primary: 'button button-primary',
  danger: 'button button-danger',
  plain: 'button',
} as const;

/**
 * A question that needs an answer before work goes on ("Replace your edited reply?").
 * Focus starts on Cancel so a stray Enter never destroys anything.
 */
export function AlertDialog({
  open,
  onOpenChange,
  title,
  description,
  actions,
  cancelLabel = 'Cancel',
}: AlertDialogProps) {
  return (
    <RadixAlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixAlertDialog.Portal>
        <RadixAlertDialog.Overlay className="dialog-overlay" />
        <RadixAlertDialog.Content className="dialog">
          <RadixAlertDialog.Title className="dialog-title">{title}</RadixAlertDialog.Title>
          <RadixAlertDialog.Description className="dialog-description">
            {description}
          </RadixAlertDialog.Description>
          <div className="dialog-actions">
            {actions.map((a) => (
              <RadixAlertDialog.Action
                key={a.label}
                className={variantClass[a.variant ?? 'plain']}
                onClick={a.onSelect}
              >
                {a.label}
              </RadixAlertDialog.Action>
            ))}
            <RadixAlertDialog.Cancel className="button">{cancelLabel}</RadixAlertDialog.Cancel>
          </div>
        </RadixAlertDialog.Content>
      </RadixAlertDialog.Portal>
    </RadixAlertDialog.Root>
  );
}
