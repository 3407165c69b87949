import type { FollowUp } from '../../../domain/follow-ups';
import { formatDateTime } from '../../../lib/time';

/**
 * What the customer wrote after the ticket opened. Messages newer than the AI's draft are
 * marked, and approving waits until the reviewer ticks that they read them: the draft may
 * answer a question the customer no longer asks. Customer text is rendered as text only.
 */
export function FollowUpMessages({
  messages,
  unseen,
  acknowledged,
  disabled,
  onAcknowledge,
}: {
  messages: FollowUp[];
  /** The follow-ups newer than the current draft. */
  unseen: FollowUp[];
  acknowledged: boolean;
  disabled: boolean;
  onAcknowledge: (checked: boolean) => void;
}) {
  if (messages.length === 0) return null;
  return (
    <div className="cp-follow-ups">
      <h3 className="cp-follow-ups-title">Later messages from the customer</h3>
      <ol className="cp-follow-up-list">
        {messages.map((m) => {
          const isNew = unseen.includes(m);
          return (
            <li key={m.at} className={isNew ? 'cp-follow-up cp-follow-up-new' : 'cp-follow-up'}>
              <p className="cp-message-from">
                <time dateTime={m.at}>{formatDateTime(m.at)}</time>
                {isNew ? <span className="badge cp-badge-new">New since the draft</span> : null}
              </p>
              <blockquote
                className="cp-message-body"
                aria-label={isNew ? 'New customer message' : 'Customer message'}
              >
                {isNew ? <mark title="Arrived after the draft">{m.body}</mark> : m.body}
              </blockquote>
            </li>
          );
        })}
      </ol>
      {unseen.length > 0 ? (
        <div className="notice notice-warning" role="note">
          <p className="notice-title">The customer wrote again after the AI drafted its reply</p>
          <p>
            The draft may not answer this. Read it before approving; redirecting gets a new draft.
          </p>
          <label className="cp-ack" htmlFor="cp-ack-follow-up">
            <input
              id="cp-ack-follow-up"
              type="checkbox"
              checked={acknowledged}
              disabled={disabled}
              onChange={(e) => onAcknowledge(e.target.checked)}
            />
            I’ve read the new message
          </label>
        </div>
      ) : null}
    </div>
  );
}
