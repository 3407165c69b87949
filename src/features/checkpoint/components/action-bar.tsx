import { ShortcutButton } from '../../../components/shortcut-button';

export type FormAction = 'reject' | 'escalate' | 'redirect';

interface ActionBarProps {
  approveLabel: string;
  /** Why approve is unavailable, in the reviewer's terms; empty when it is available. */
  approveBlockers: string[];
  /** Why no action is possible at all (closed, held by someone else); null when they are. */
  lockedReason: string | null;
  busy: boolean;
  openForm: FormAction | null;
  approveError?: string;
  onApprove: () => void;
  onOpenForm: (action: FormAction) => void;
  onEdit: () => void;
}

const formButtons: { action: FormAction; label: string; key: string; hint: string }[] = [
  { action: 'reject', label: 'Reject', key: 'r', hint: 'Nothing is sent; a reason is required.' },
  { action: 'escalate', label: 'Escalate', key: 'x', hint: 'Hand to a higher level with a note.' },
  {
    action: 'redirect',
    label: 'Redirect',
    key: 'd',
    hint: 'Send back to the AI with instructions.',
  },
];

/** The five decisions, each with its key. */
export function ActionBar(props: ActionBarProps) {
  const { approveBlockers, lockedReason, busy } = props;
  const approveDisabled = busy || lockedReason !== null || approveBlockers.length > 0;
  return (
    <section className="cp-actions" aria-labelledby="cp-actions-title">
      <h2 id="cp-actions-title" className="visually-hidden">
        Decide
      </h2>
      <div className="cp-actions-row">
        <ShortcutButton
          shortcut="a"
          className="button button-primary cp-approve"
          disabled={approveDisabled}
          aria-describedby={
            approveBlockers.length > 0 || props.approveError ? 'cp-approve-why' : undefined
          }
          onClick={props.onApprove}
        >
          {props.approveLabel}
        </ShortcutButton>
        {formButtons.map((b) => (
          <ShortcutButton
            shortcut={b.key}
            key={b.action}
            className={props.openForm === b.action ? 'button is-active' : 'button'}
            disabled={busy || lockedReason !== null}
            aria-expanded={props.openForm === b.action}
            aria-controls={props.openForm === b.action ? 'cp-decision-form' : undefined}
            title={b.hint}
            onClick={() => props.onOpenForm(b.action)}
          >
            {b.label}
          </ShortcutButton>
        ))}
        <ShortcutButton shortcut="e" disabled={lockedReason !== null} onClick={props.onEdit}>
          Edit
        </ShortcutButton>
      </div>
      {lockedReason ? (
        <p className="cp-actions-why">{lockedReason}</p>
      ) : approveBlockers.length > 0 || props.approveError ? (
        <div id="cp-approve-why" className="cp-actions-why">
          {approveBlockers.length > 0 ? (
            <>
              <p>Approve is unavailable until you:</p>
              <ul>
                {approveBlockers.map((b) => (
                  <li key={b}>{b}</li>
                ))}
              </ul>
            </>
          ) : null}
          {props.approveError ? (
            <p className="field-error" role="alert">
              {props.approveError}
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
