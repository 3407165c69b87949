/*
 * How every form here ties a field's message to its control: the control is marked invalid
 * and described by the message (and by its hint, when it has one), so a screen reader reads
 * both with the field. The message's id is the control's id plus "-error".
 */

/** Props for the control with id `id`: invalid while there is a message, described by it. */
export function invalidProps(id: string, message: string | null | undefined, hintId?: string) {
  const describedBy = [hintId, message ? `${id}-error` : undefined].filter(Boolean).join(' ');
  return {
    'aria-invalid': message ? (true as const) : undefined,
    'aria-describedby': describedBy || undefined,
  };
}

/** The message under the control with id `id`; nothing while the field is fine. */
export function FieldMessage({
  id,
  message,
  alert = false,
}: {
  id: string;
  message: string | null | undefined;
  /** Read out the moment it appears, for a message that comes after a submit. */
  alert?: boolean;
}) {
  if (!message) return null;
  return (
    <p id={`${id}-error`} className="field-error" role={alert ? 'alert' : undefined}>
      {message}
    </p>
  );
}
