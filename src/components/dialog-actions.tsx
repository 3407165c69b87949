/**
 * A dialog form's submit and Cancel buttons: the submit says what is happening while the request
 * runs and cannot be pressed twice.
 */
export function DialogActions({
  className,
  label,
  busyLabel,
  busy,
  danger = false,
  onCancel,
}: {
  className: string;
  label: string;
  busyLabel: string;
  busy: boolean;
  /** An action that undoes or removes something. */
  danger?: boolean;
  onCancel: () => void;
}) {
  return (
    <div className={className}>
      <button
        type="submit"
        className={`button ${danger ? 'button-danger' : 'button-primary'}`}
        disabled={busy}
      >
        {busy ? busyLabel : label}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
