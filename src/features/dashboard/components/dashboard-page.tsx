import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { type DashboardWindow, dashboardWindowSchema } from '../../../api/dashboard-schemas';
import { ErrorNotice, RetryingNotice } from '../../../components/error-notice';
import { useShortcuts } from '../../../hooks/use-shortcuts';
import { formatDateTime } from '../../../lib/time';
import { useLiveStore } from '../../../stores/live-store';
import { dashboardQueries } from '../api/queries';
import { useDashboardLiveRefresh } from '../hooks/use-dashboard-live-refresh';
import { windowLabels } from '../labels';
import { ConfidentWrong } from './confident-wrong';
import { DecisionTimeChart } from './decision-time-chart';
import { DecisionsChart } from './decisions-chart';
import { EscalationsChart } from './escalations-chart';
import { QueueDepthChart } from './queue-depth-chart';
import { ReviewerAgreement } from './reviewer-agreement';
import { ReviewersChart } from './reviewers-chart';
import { ReviewRateChart, SlaTiles } from './stat-tiles';
import { TeamLoad } from './team-load';
import './dashboard.css';

const windows = dashboardWindowSchema.options;

/** The lead's view of the floor: every figure computed from the audit trail, kept live. */
export function DashboardPage({ window }: { window: DashboardWindow }) {
  const navigate = useNavigate();
  const live = useLiveStore((s) => s.status === 'live');
  const query = useQuery(dashboardQueries.summary(window, live));
  useDashboardLiveRefresh();
  useShortcuts([
    {
      key: 'w',
      label: 'Show the next time window',
      handler: () => {
        const next = windows[(windows.indexOf(window) + 1) % windows.length]!;
        void navigate({ to: '/dashboard', search: { window: next } });
      },
    },
  ]);
  const data = query.data;

  return (
    <main id="main" className="page dash-page">
      <header className="dash-header">
        <h1>Lead dashboard</h1>
        <nav aria-label="Time window" className="dash-windows">
          {windows.map((w) => (
            <Link
              key={w}
              to="/dashboard"
              search={{ window: w }}
              className="button"
              // The router marks the link of the window on screen with aria-current="page".
              activeOptions={{ exact: true, includeSearch: true }}
              aria-keyshortcuts="w"
            >
              {windowLabels[w]}
            </Link>
          ))}
        </nav>
        <p className="dash-asof" aria-live="polite">
          {data ? `Figures as of ${formatDateTime(data.asOf)}` : null}
          {query.isFetching && data ? ' · updating…' : null}
        </p>
      </header>
      {query.isPending && query.failureCount > 0 ? (
        <RetryingNotice failures={query.failureCount} reason={query.failureReason} />
      ) : query.isPending ? (
        <p role="status" className="dash-loading">
          Loading the dashboard…
        </p>
      ) : query.isError && !data ? (
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
      ) : data ? (
        <>
          {query.isError ? (
            <ErrorNotice
              error={query.error}
              onRetry={() => void query.refetch()}
              action="The figures below are the last ones loaded."
            />
          ) : null}
          <div className="dash-grid">
            <QueueDepthChart data={data} />
            <SlaTiles sla={data.sla} />
            <ReviewRateChart rate={data.reviewRate} />
            <DecisionsChart data={data} />
            <EscalationsChart data={data.escalations} />
            <ConfidentWrong data={data.confidentButWrong} />
            <DecisionTimeChart data={data.decisionTime} />
            <TeamLoad data={data.teams} />
            <ReviewersChart data={data.reviewers} />
            <ReviewerAgreement data={data.agreement} />
          </div>
        </>
      ) : null}
    </main>
  );
}
