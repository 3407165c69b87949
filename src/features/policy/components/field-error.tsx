/** A field's message, tied to its control with `aria-describedby={errorId(key)}`. */
export const errorId = (key: string) => `policy-err-${key.replace(/[^a-z0-9_-]/gi, '-')}`;

export function FieldError({ field, errors }: { field: string; errors: Record<string, string> }) {
  const message = errors[field];
  if (!message) return null;
  return (
    <p id={errorId(field)} className="field-error">
      {message}
    </p>
  );
}

/** Props that mark a control invalid and point it at its message. */
export function invalidProps(field: string, errors: Record<string, string>) {
  return errors[field] ? { 'aria-invalid': true as const, 'aria-describedby': errorId(field) } : {};
}
