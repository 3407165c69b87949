import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { ApiClient } from '../api/client';
import type { Level } from '../api/schemas';
import { levelLabels } from '../domain/levels';
import { useApi } from '../lib/api-context';
import { handoffQueries, userQueries } from '../lib/handoff-queries';
import { useSessionStore } from '../stores/session-store';

/** Under the lists key, so every change that refreshes the queue refreshes the count too. */
const failedAt = (api: ApiClient, level: Level) => ({
  queryKey: [...handoffQueries.lists(), 'failed-count', level] as const,
  queryFn: () => api.listHandoffs({ query: { status: ['failed'], level: [level], limit: 1 } }),
  refetchInterval: 30_000,
});

/**
 * Tells the people at a level when AI failures wait for them (seed: "who is notified?"), with
 * a link to exactly those items. Quiet when there are none.
 */
export function FailureNotice() {
  const api = useApi();
  const actorId = useSessionStore((s) => s.actorId);
  const me = useQuery(userQueries.me(api, actorId)).data;
  const failed = useQuery({ ...failedAt(api, me?.level ?? 'l1'), enabled: me !== undefined });
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
