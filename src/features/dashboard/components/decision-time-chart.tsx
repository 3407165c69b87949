import { Link } from '@tanstack/react-router';
import { Bar, Cell } from 'recharts';
import type { Dashboard } from '../../../api/dashboard-schemas';
import { RowTable } from '../../../components/row-table';
import { MIN_FLOOR_MS, MS_PER_WORD } from '../../../domain/metrics/reading-floor';
import { count, duration, percent } from '../labels';
import { ChartFigure } from './chart-figure';
import { ColumnChart } from './column-chart';
import { ItemTable } from './item-table';

/** How long people take per decision, and approvals faster than the item can be read. */
export function DecisionTimeChart({ data }: { data: Dashboard['decisionTime'] }) {
  const summary =
    data.decisions === 0
      ? 'No decisions in this window.'
      : `Median ${duration(data.medianMs)}, 90% within ${duration(data.p90Ms)}. ${count(data.rubberStampCount)} of ${count(data.approvals)} approvals (${percent(data.rubberStampRate)}) came faster than the item can be read.`;
  return (
    <ChartFigure
      id="decision-time"
      title="Decision time and rubber stamps"
      summary={summary}
      wide
      chart={
        data.decisions === 0 ? null : (
          <ColumnChart rows={data.buckets} category="label">
            <Bar dataKey="count" name="Decisions" isAnimationActive={false}>
              {data.buckets.map((b) => (
                <Cell
                  key={b.label}
                  fill={b.toMs !== null && b.toMs <= 5_000 ? 'var(--chart-2)' : 'var(--chart-1)'}
                />
              ))}
            </Bar>
          </ColumnChart>
        )
      }
      table={
        <RowTable
          caption="Decisions by time on item"
          rows={data.buckets}
          rowKey={(b) => b.label}
          columns={[
            { header: 'Time on item', cell: (b) => b.label },
            { header: 'Decisions', cell: (b) => b.count },
          ]}
        />
      }
      links={
        <>
          <p className="dash-note">
            A rubber stamp is an approval faster than reading the request and the reply at{' '}
            {Math.round(60_000 / MS_PER_WORD).toLocaleString('en-US')} words a minute (never less
            than {duration(MIN_FLOOR_MS)}).
          </p>
          <ItemTable
            caption={`Rubber stamps: approved faster than a reader could (${count(data.rubberStampCount)})`}
            items={data.rubberStamps}
            extra={[
              { header: 'Time on item', cell: (s) => duration(s.timeOnItemMs) },
              { header: 'Reading needs', cell: (s) => duration(s.floorMs) },
            ]}
          />
          <Link to="/queue" search={{ status: 'approved', sort: 'createdAt', order: 'desc' }}>
            Approved items
          </Link>
        </>
      }
    />
  );
}
