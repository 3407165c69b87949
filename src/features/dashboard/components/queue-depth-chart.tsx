import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { Dashboard } from '../../../api/dashboard-schemas';
import {
  type Category,
  categorySchema,
  type Level,
  levelSchema,
} from '../../../api/handoff-schemas';
import { levelLabels } from '../../../domain/levels';
import { categoryLabels, count, timeLabel } from '../labels';
import { ChartFigure } from './chart-figure';
import { CHART, SERIES_COLORS } from './chart-style';

type Breakdown = 'level' | 'category';

/** Queue depth over the window, total and broken down by level or by category. */
export function QueueDepthChart({ data }: { data: Dashboard }) {
  const [breakdown, setBreakdown] = useState<Breakdown>('level');
  const points = data.queueDepth;
  const long = Date.parse(data.asOf) - Date.parse(data.from) > 24 * 3_600_000;
  const keys: readonly (Level | Category)[] =
    breakdown === 'level' ? levelSchema.options.filter((l) => l !== 'ai') : categorySchema.options;
  const label = (k: Level | Category) =>
    breakdown === 'level' ? levelLabels[k as Level] : categoryLabels[k as Category];
  const rows = points.map((p) => ({
    at: timeLabel(p.at, long),
    total: p.total,
    ...(breakdown === 'level' ? p.byLevel : p.byCategory),
  }));
  const first = points[0]?.total ?? 0;
  const now = points.at(-1)?.total ?? 0;
  const peak = Math.max(0, ...points.map((p) => p.total));
  const summary = `${count(now)} items wait for a person now (${count(first)} at the start of the window, peak ${count(peak)}).`;
  const linkFor = (k: Level | Category) =>
    breakdown === 'level' ? { level: k as Level } : { category: k as Category };

  return (
    <ChartFigure
      id="depth"
      title="Queue depth over time"
      summary={summary}
      wide
      controls={
        <fieldset className="dash-toggle">
          <legend className="visually-hidden">Break the queue down by</legend>
          {(['level', 'category'] as const).map((b) => (
            <button
              key={b}
              type="button"
              className="button"
              aria-pressed={breakdown === b}
              onClick={() => setBreakdown(b)}
            >
              By {b}
            </button>
          ))}
        </fieldset>
      }
      chart={
        <LineChart {...CHART} data={rows} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="at" minTickGap={24} />
          <YAxis allowDecimals={false} width={40} />
          <Tooltip />
          <Legend />
          <Line
            dataKey="total"
            name="Total"
            stroke="var(--chart-ink)"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          {keys.map((k, i) => (
            <Line
              key={k}
              dataKey={k}
              name={label(k)}
              stroke={SERIES_COLORS[i % SERIES_COLORS.length]}
              strokeDasharray={i % 2 ? '5 3' : undefined}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      }
      table={
        <table>
          <caption>Items waiting for a person, by {breakdown}</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Total</th>
              {keys.map((k) => (
                <th key={k} scope="col">
                  {label(k)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={points[i]!.at}>
                <th scope="row">{r.at}</th>
                <td>{r.total}</td>
                {keys.map((k) => (
                  <td key={k}>{(r as Record<string, number | string>)[k]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      }
      links={
        <>
          <Link to="/queue">Open queue</Link>
          {keys.map((k) => (
            <Link key={k} to="/queue" search={linkFor(k)}>
              {label(k)} queue
            </Link>
          ))}
        </>
      }
    />
  );
}
