import type { Assignee, Handoff, User } from '../../../api/handoff-schemas';
import { levelLabels } from '../../../domain/levels';
import { statusLabels } from '../../../domain/lifecycle';
import { formatDateTime } from '../../../lib/time';
import { EscalationNote } from './context-sections';

/** Where the item stands, above the work: who changed it, how it ended, who may act on it. */
export function ItemNotices({
  handoff,
  remoteNotice,
  onDismissRemote,
  open,
  otherHolder,
  outsideAuthority,
  me,
  dirty,
}: {
  handoff: Handoff;
  remoteNotice: string | null;
  onDismissRemote: () => void;
  open: boolean;
  otherHolder: Assignee | null;
  outsideAuthority: boolean;
  me: User | undefined;
  dirty: boolean;
}) {
  return (
    <>
      {remoteNotice ? (
        <div className="notice notice-info remote-change" role="status">
          <p className="notice-title">{remoteNotice}</p>
          <p>Your text is kept as it is. Deciding checks the item’s latest version first.</p>
          <button type="button" className="button" onClick={onDismissRemote}>
            Dismiss
          </button>
        </div>
      ) : null}

      {handoff.outcome ? (
        <div className="notice notice-info" role="note">
          <p className="notice-title">
            {statusLabels[handoff.status]} by {handoff.outcome.by.name},{' '}
            <time dateTime={handoff.outcome.at}>{formatDateTime(handoff.outcome.at)}</time>
          </p>
          {handoff.outcome.reason ? <p>Reason: {handoff.outcome.reason}</p> : null}
          {handoff.outcome.action === 'approve' ? (
            <p>
              {handoff.outcome.edited
                ? 'Sent with the reviewer’s edits.'
                : 'Sent as the AI drafted it.'}
            </p>
          ) : null}
        </div>
      ) : null}
      {handoff.escalation ? <EscalationNote escalation={handoff.escalation} /> : null}
      {otherHolder && open ? (
        <div className="notice notice-warning" role="note">
          <p className="notice-title">{otherHolder.name} holds this item</p>
          <p>
            You can read everything; the editor is read-only until they release it.
            {dirty ? ' Your own text stays on this device.' : ''}
          </p>
        </div>
      ) : null}
      {outsideAuthority && open && me ? (
        <div className="notice notice-warning" role="note">
          <p className="notice-title">Above your authority</p>
          <p>
            Items at {levelLabels[handoff.level]} are outside what {levelLabels[me.level]} may
            decide; the server will refuse changes.
          </p>
        </div>
      ) : null}
    </>
  );
}
