import type { ComponentPropsWithRef } from 'react';

export type ShortcutButtonProps = Omit<ComponentPropsWithRef<'button'>, 'type'> & {
  /** The key that presses it, announced by `aria-keyshortcuts` and shown as a hint. */
  shortcut: string;
};

/** A button that says its keyboard shortcut: to assistive technology, and on its face. */
export function ShortcutButton({
  shortcut,
  children,
  className = 'button',
  ...button
}: ShortcutButtonProps) {
  return (
    <button type="button" className={className} aria-keyshortcuts={shortcut} {...button}>
      {children} <kbd aria-hidden>{shortcut}</kbd>
    </button>
  );
}
