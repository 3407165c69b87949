import type { Handoff } from '../../../api/handoff-schemas';
import { gateDefaultLabels } from '../../../domain/gates';
import { formatDateTime } from '../../../lib/time';

/** After a gate timed out: what the system did, why, and the reply it sent while waiting. */
export function GateAppliedNotice({ handoff }: { handoff: Handoff }) {
  const applied = handoff.gate?.applied;
  if (!applied) return null;
  return (
    <div className="notice notice-warning gate-applied-notice" role="note">
      <p className="notice-title">
        The approval gate timed out at{' '}
        <time dateTime={applied.at}>{formatDateTime(applied.at)}</time>: the system chose to{' '}
        {gateDefaultLabels[applied.action]}
      </p>
      <p>Why: {applied.reason}</p>
      {applied.holdingReply ? (
        <details>
          <summary>Holding reply sent to the customer</summary>
          <p className="gate-holding-reply">{applied.holdingReply}</p>
        </details>
      ) : null}
    </div>
  );
}
