import { Link } from '@tanstack/react-router';
import { Bar, BarChart, ReferenceArea, XAxis, YAxis } from 'recharts';
import type { Dashboard } from '../../../api/dashboard-schemas';
import { count, percent } from '../labels';
import { ChartFigure } from './chart-figure';

/** SLA now: open items breached and at risk, each a link to the queue sorted by due time. */
export function SlaTiles({ sla }: { sla: Dashboard['sla'] }) {
  return (
    <section aria-labelledby="sla-title" className="dash-card">
      <h2 id="sla-title">SLA now</h2>
      <ul className="dash-tiles">
        <li className={sla.breached > 0 ? 'dash-tile dash-tile-danger' : 'dash-tile'}>
          <Link to="/queue" search={{ slaAtRisk: true, sort: 'dueAt' }}>
            <span className="dash-figure">{count(sla.breached)}</span> breached
          </Link>
        </li>
        <li className={sla.atRisk > 0 ? 'dash-tile dash-tile-warning' : 'dash-tile'}>
          <Link to="/queue" search={{ slaAtRisk: true, sort: 'dueAt' }}>
            <span className="dash-figure">{count(sla.atRisk)}</span> at risk (under an hour left)
          </Link>
        </li>
      </ul>
      <p className="dash-summary">Of {count(sla.open)} open items.</p>
    </section>
  );
}

const bandWords = {
  below: 'below the band: people may be missing problems the AI lets through.',
  within: 'within the band.',
  above:
    'above the band: people review more than they need to; the AI or its thresholds need work.',
} as const;

/** The human review rate against the seed's sustainable 10–15% band (pattern B). */
export function ReviewRateChart({ rate }: { rate: Dashboard['reviewRate'] }) {
  const routed = rate.reviewed + rate.autoApproved;
  const band = `${percent(rate.band.low)}–${percent(rate.band.high)}`;
  const summary =
    rate.rate === null || rate.position === null
      ? 'No item was routed in this window.'
      : `${percent(rate.rate)} of ${count(routed)} routed items went to a person; the target is ${band}, so the rate is ${bandWords[rate.position]}`;
  return (
    <ChartFigure
      id="review-rate"
      title="Human review rate"
      summary={summary}
      chart={
        rate.rate === null ? null : (
          <BarChart
            responsive
            style={{ width: '100%', height: 90 }}
            layout="vertical"
            data={[{ name: 'Reviewed', rate: rate.rate * 100 }]}
            margin={{ top: 4, right: 16, bottom: 4, left: 8 }}
            accessibilityLayer={false}
          >
            <XAxis type="number" domain={[0, 100]} unit="%" />
            <YAxis type="category" dataKey="name" width={80} />
            <ReferenceArea
              x1={rate.band.low * 100}
              x2={rate.band.high * 100}
              fill="var(--chart-3)"
              fillOpacity={0.25}
              label={{ value: 'target', position: 'insideTop' }}
            />
            <Bar dataKey="rate" fill="var(--chart-1)" barSize={24} isAnimationActive={false} />
          </BarChart>
        )
      }
      table={
        <table>
          <caption>Routed items in the window</caption>
          <tbody>
            <tr>
              <th scope="row">Went to a person</th>
              <td>{count(rate.reviewed)}</td>
            </tr>
            <tr>
              <th scope="row">Auto-approved</th>
              <td>{count(rate.autoApproved)}</td>
            </tr>
            <tr>
              <th scope="row">Review rate</th>
              <td>{percent(rate.rate)}</td>
            </tr>
            <tr>
              <th scope="row">Target band</th>
              <td>{band}</td>
            </tr>
          </tbody>
        </table>
      }
      links={
        <Link to="/queue" search={{ status: 'auto_approved', sort: 'createdAt', order: 'desc' }}>
          Auto-approved items
        </Link>
      }
    />
  );
}
