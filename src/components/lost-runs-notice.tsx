import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { agentRunQueries } from '../lib/agent-queries';
import { userQueries } from '../lib/handoff-queries';
import { useSessionStore } from '../stores/session-store';

/**
 * Tells a lead when an agent stopped responding mid-run (seed: "who is notified?"), linking to
 * the failed item its ticket became. A run leaves the notice once a person takes it over.
 */
export function LostRunsNotice() {
  const actorId = useSessionStore((s) => s.actorId);
  const me = useQuery(userQueries.me(actorId)).data;
  const lead = me?.role === 'lead';
  const runs = useQuery({ ...agentRunQueries.list(), enabled: lead });
  const lost = (runs.data?.items ?? []).filter((r) => r.status === 'lost');
  if (!lead || lost.length === 0) return null;
  return (
    <div className="failure-notice" role="status" aria-label="Lost agent runs">
      <span aria-hidden="true">⚠ </span>
      {lost.length === 1 ? 'An agent' : `${lost.length} agent runs`} stopped responding:{' '}
      {lost.slice(0, 3).map((r, i) => (
        <span key={r.id}>
          {i > 0 ? ', ' : null}
          {r.handoffId ? (
            <Link to="/handoffs/$handoffId" params={{ handoffId: r.handoffId }}>
              {r.agent.name} during {r.step} on “{r.subject}”
            </Link>
          ) : (
            `${r.agent.name} during ${r.step} on “${r.subject}”`
          )}
        </span>
      ))}
      {lost.length > 3 ? (
        <>
          {' '}
          and <Link to="/agents">{lost.length - 3} more</Link>
        </>
      ) : null}
    </div>
  );
}
