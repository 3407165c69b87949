import { Link } from '@tanstack/react-router';
import type { Dashboard } from '../../../api/dashboard-schemas';
import { RowTable } from '../../../components/row-table';
import { count, duration } from '../labels';
import { ChartFigure } from './chart-figure';
import { ColumnChart, plainBar } from './column-chart';

/** Workload per reviewer, with a nudge to rest or rotate where fatigue shows. */
export function ReviewersChart({ data }: { data: Dashboard['reviewers'] }) {
  const nudged = data.filter((r) => r.nudges.length > 0);
  const summary =
    data.length === 0
      ? 'No one decided or holds items in this window.'
      : `${count(data.length)} people decided or hold items. ${
          nudged.length
            ? `Suggest a rotation for ${nudged.map((r) => r.name).join(', ')}.`
            : 'No one shows signs of fatigue.'
        }`;
  return (
    <ChartFigure
      id="reviewers"
      title="Reviewer workload"
      summary={summary}
      wide
      chart={
        data.length === 0 ? null : (
          <ColumnChart rows={data} category="name" legend>
            {plainBar('decisions', 'Decisions', 'var(--chart-1)')}
            {plainBar('holding', 'Holding now', 'var(--chart-4)')}
          </ColumnChart>
        )
      }
      table={
        <RowTable
          caption="Workload per person in the window"
          rows={data}
          rowKey={(r) => r.id}
          columns={[
            { header: 'Reviewer', cell: (r) => r.name },
            { header: 'Decisions', cell: (r) => r.decisions },
            { header: 'Holding now', cell: (r) => r.holding },
            { header: 'Time on items', cell: (r) => duration(r.timeOnItemsMs) },
            { header: 'Median decision', cell: (r) => duration(r.medianDecisionMs) },
            { header: 'Rubber stamps', cell: (r) => r.rubberStamps },
            { header: 'Longest session', cell: (r) => duration(r.longestSessionMs) },
          ]}
        />
      }
      links={
        <>
          {nudged.length > 0 ? (
            <ul className="dash-nudges" aria-label="Rotation nudges">
              {nudged.flatMap((r) =>
                r.nudges.map((n) => (
                  <li key={`${r.id}-${n}`}>
                    <strong>{r.name}:</strong> {n}
                  </li>
                )),
              )}
            </ul>
          ) : null}
          <Link to="/queue" search={{ status: 'claimed' }}>
            Items held now
          </Link>
        </>
      }
    />
  );
}
