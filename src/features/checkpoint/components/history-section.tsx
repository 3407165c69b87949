import { useQuery } from '@tanstack/react-query';
import { memo } from 'react';
import type { AuditEvent, Handoff } from '../../../api/handoff-schemas';
import { ErrorNotice } from '../../../components/error-notice';
import { Tabs } from '../../../components/ui/tabs';
import { formatPercent } from '../../../domain/confidence';
import { flagRuleInfo } from '../../../domain/flags';
import { auditActionLabels as actionLabels, actorTypeLabels } from '../../../domain/labels';
import { handoffQueries } from '../../../lib/handoff-queries';
import { formatDateTime, formatDuration } from '../../../lib/time';
import { Fact } from './fact';
import { WordDiff } from './word-diff';

function EventItem({ event }: { event: AuditEvent }) {
  const { why } = event;
  const hasWhy = why.reason || why.rule || why.confidence !== null;
  return (
    <li className="cp-event">
      <div className="cp-event-head">
        <span className={`cp-actor cp-actor-${event.actor.type}`}>
          <span className="cp-actor-type">{actorTypeLabels[event.actor.type]}</span>{' '}
          {event.actor.name}
        </span>
        <strong className="cp-event-action">{actionLabels[event.action]}</strong>
        <time dateTime={event.at} className="cp-muted">
          {formatDateTime(event.at)}
        </time>
        <span className="cp-muted">v{event.version}</span>
      </div>
      <p className="cp-event-outcome">{event.outcome}</p>
      {hasWhy ? (
        <dl className="cp-event-why">
          {why.reason ? <Fact label="Why">{why.reason}</Fact> : null}
          {why.rule ? <Fact label="Rule">{flagRuleInfo[why.rule].label}</Fact> : null}
          {why.confidence !== null ? (
            <Fact label="Confidence">{formatPercent(why.confidence)}</Fact>
          ) : null}
          {event.timeOnItemMs !== null ? (
            <Fact label="Time on item">{formatDuration(event.timeOnItemMs)}</Fact>
          ) : null}
          {event.acknowledgedFlags.length > 0 ? (
            <Fact label="Acknowledged">
              {event.acknowledgedFlags.map((r) => flagRuleInfo[r].label).join(', ')}
            </Fact>
          ) : null}
        </dl>
      ) : null}
      {event.diff ? (
        <details className="cp-event-diff">
          <summary>Edits against the AI draft</summary>
          <pre>{event.diff}</pre>
        </details>
      ) : null}
    </li>
  );
}

function AuditTrail({ handoffId }: { handoffId: string }) {
  const events = useQuery(handoffQueries.eventsOf(handoffId));
  if (events.isPending) return <p className="cp-muted">Loading the audit trail…</p>;
  if (events.isError)
    return <ErrorNotice error={events.error} onRetry={() => void events.refetch()} />;
  const items = events.data.items;
  if (items.length === 0) return <p className="cp-muted">No events recorded yet.</p>;
  return (
    <ol className="cp-events" aria-label="Audit events, newest first">
      {[...items].reverse().map((e) => (
        <EventItem key={e.id} event={e} />
      ))}
    </ol>
  );
}

function DraftVersions({ drafts }: { drafts: Handoff['drafts'] }) {
  return (
    <ol className="cp-versions" aria-label="Draft versions, newest first">
      {[...drafts].reverse().map((d, i) => (
        <li key={d.number} className="cp-version">
          <div className="cp-event-head">
            <strong>Draft {d.number}</strong>
            {i === 0 ? <span className="badge badge-info">Current</span> : null}
            <span>
              by {d.author.name}{' '}
              <span className="cp-muted">({actorTypeLabels[d.author.type]})</span>
            </span>
            <time dateTime={d.createdAt} className="cp-muted">
              {formatDateTime(d.createdAt)}
            </time>
          </div>
          <p className="cp-event-outcome">{d.note}</p>
          {d.revisedFrom ? (
            // What the agent changed in the reviewer's own edit, which it revised.
            <details open={i === 0}>
              <summary>
                Changes against {d.revisedFrom.by.name}’s edit, which the AI revised
              </summary>
              <WordDiff before={d.revisedFrom.text} after={d.text} />
            </details>
          ) : null}
          <details>
            <summary>View text of draft {d.number}</summary>
            <pre className="cp-version-text">{d.text}</pre>
          </details>
        </li>
      ))}
    </ol>
  );
}

export const HistorySection = memo(function HistorySection({ handoff }: { handoff: Handoff }) {
  return (
    <section className="cp-section cp-history" aria-labelledby="cp-history">
      <h2 id="cp-history">History</h2>
      <Tabs
        label="History"
        tabs={[
          { value: 'audit', label: 'Audit trail', content: <AuditTrail handoffId={handoff.id} /> },
          {
            value: 'versions',
            label: `Draft versions (${handoff.drafts.length})`,
            content: <DraftVersions drafts={handoff.drafts} />,
          },
        ]}
      />
    </section>
  );
});
