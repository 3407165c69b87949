import { type ComponentPropsWithRef, useId } from 'react';
import { FieldMessage, invalidProps } from './field-message';

type TextFieldProps = Omit<ComponentPropsWithRef<'input'>, 'id' | 'onChange'> & {
  label: string;
  /** The field's message; marks the input invalid and is read with it. */
  error?: string;
  onValue: (value: string) => void;
  /** Added to the wrapper's `field` class. */
  fieldClassName?: string;
};

/** A labelled input with its message tied to it, the way every form here shows one. */
export function TextField({ label, error, onValue, fieldClassName, ...input }: TextFieldProps) {
  const id = useId();
  return (
    <div className={fieldClassName ? `field ${fieldClassName}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input
        {...input}
        id={id}
        {...invalidProps(id, error)}
        onChange={(e) => onValue(e.target.value)}
      />
      <FieldMessage id={id} message={error} />
    </div>
  );
}

/** The form's own message, when nothing more precise names a field: read out as it appears. */
export function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <div className="notice notice-error" role="alert">
      {message}
    </div>
  );
}
