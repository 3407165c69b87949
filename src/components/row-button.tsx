import type { ComponentPropsWithRef } from 'react';
import { ShortcutButton } from './shortcut-button';

type ButtonProps = Omit<ComponentPropsWithRef<'button'>, 'type'>;

/**
 * A row's action in the lead's list screens: on the selected row it carries the row's shortcut
 * (announced and shown), on every other row it is a plain button with the same name.
 */
export function RowButton({ shortcut, ...button }: ButtonProps & { shortcut?: string }) {
  return shortcut ? (
    <ShortcutButton shortcut={shortcut} {...button} />
  ) : (
    <button type="button" className="button" {...button} />
  );
}

/**
 * A destructive action that asks twice: the first press arms it (its face and name ask for
 * confirmation), the second press runs it. `verb` and `object` make its name, "Remove the
 * key" or, armed, "Confirm: remove the key".
 */
export function ConfirmButton({
  shortcut,
  armed,
  verb,
  object,
  confirm,
  ...button
}: Omit<ButtonProps, 'children' | 'aria-label'> & {
  shortcut: string;
  armed: boolean;
  verb: string;
  object: string;
  /** Its face while armed, e.g. "Confirm removal". */
  confirm: string;
}) {
  return (
    <ShortcutButton
      shortcut={shortcut}
      className="button button-danger"
      aria-label={armed ? `Confirm: ${verb.toLowerCase()} ${object}` : `${verb} ${object}`}
      {...button}
    >
      {armed ? confirm : verb}
    </ShortcutButton>
  );
}
