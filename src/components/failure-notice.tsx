import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { levelLabels } from '../domain/levels';
import { handoffQueries, userQueries } from '../lib/handoff-queries';
import { useSessionStore } from '../stores/session-store';

/**
 * Tells the people at a level when AI failures wait for them (seed: "who is notified?"), with
 * a link to exactly those items. Quiet when there are none.
 */
export function FailureNotice() {
  const actorId = useSessionStore((s) => s.actorId);
  const me = useQuery(userQueries.me(actorId)).data;
  const failed = useQuery({
    ...handoffQueries.failedCount(me?.level ?? 'l1'),
    enabled: me !== undefined,
  });
  const count = failed.data?.total ?? 0;
  if (!me || count === 0) return null;
  return (
    <div className="failure-notice" role="status">
      <span aria-hidden="true">⚠ </span>
      <Link to="/queue" search={{ status: 'failed', level: me.level }}>
        {count === 1 ? '1 AI failure needs' : `${count} AI failures need`} {levelLabels[me.level]}
      </Link>
    </div>
  );
}
