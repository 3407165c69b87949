import { Dialog as RadixDialog } from 'radix-ui';
import type { ReactNode } from 'react';

interface CommandDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Announced to screen readers; not shown. */
  title: string;
  /** After closing: return false to keep focus where the chosen command put it. */
  onClosed?: () => boolean;
  children: ReactNode;
}

/** A modal near the top of the page for a command list: no visible title, no close button. */
export function CommandDialog({
  open,
  onOpenChange,
  title,
  onClosed,
  children,
}: CommandDialogProps) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay" />
        <RadixDialog.Content
          className="dialog palette"
          aria-describedby={undefined}
          onCloseAutoFocus={(e) => {
            if (onClosed && !onClosed()) e.preventDefault();
          }}
        >
          <RadixDialog.Title className="visually-hidden">{title}</RadixDialog.Title>
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
