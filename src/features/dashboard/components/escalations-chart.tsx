import { Link } from '@tanstack/react-router';
import { BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { Dashboard, EscalationTrigger } from '../../../api/dashboard-schemas';
import { RowTable } from '../../../components/row-table';
import { count, percent, triggerLabel } from '../labels';
import { ChartFigure } from './chart-figure';
import { CHART, percentTooltip } from './chart-style';
import { plainBar } from './column-chart';

/** The queue behind a trigger: items a rule flagged, or items a person or the system escalated. */
export function triggerQueue(t: EscalationTrigger) {
  return t === 'person' || t === 'system'
    ? ({ status: 'escalated' } as const)
    : ({ flag: t, status: 'all' } as const);
}

/** Of the items that arrived, the share each trigger sent to a person or up the ladder. */
export function EscalationsChart({ data }: { data: Dashboard['escalations'] }) {
  const rows = data.byTrigger.map((t) => ({
    ...t,
    name: triggerLabel(t.trigger),
    percent: (t.rate ?? 0) * 100,
  }));
  const top = [...rows].sort((a, b) => b.count - a.count)[0];
  const summary =
    data.items === 0
      ? 'No items arrived in this window.'
      : `Of ${count(data.items)} arrivals, the most common trigger was ${top?.name.toLowerCase()} (${percent(top?.rate ?? null)}).`;
  return (
    <ChartFigure
      id="escalations"
      title="Escalation rate by trigger"
      summary={summary}
      chart={
        data.items === 0 ? null : (
          <BarChart
            {...CHART}
            layout="vertical"
            data={rows}
            margin={{ ...CHART.margin, left: 8 }}
            accessibilityLayer={false}
          >
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" unit="%" allowDecimals={false} />
            <YAxis type="category" dataKey="name" width={170} interval={0} fontSize={12} />
            <Tooltip formatter={percentTooltip} />
            {plainBar('percent', 'Share of arrivals', 'var(--chart-4)')}
          </BarChart>
        )
      }
      table={
        <RowTable
          caption="Arrivals sent onwards, by trigger"
          rows={rows}
          rowKey={(t) => t.trigger}
          columns={[
            { header: 'Trigger', cell: (t) => t.name },
            { header: 'Items', cell: (t) => t.count },
            { header: 'Share of arrivals', cell: (t) => percent(t.rate) },
          ]}
        />
      }
      links={rows
        .filter((t) => t.count > 0 && t.trigger !== 'system')
        .map((t) => (
          <Link key={t.trigger} to="/queue" search={triggerQueue(t.trigger)}>
            {t.trigger === 'person' ? 'Escalated items' : `Flagged: ${t.name}`}
          </Link>
        ))}
    />
  );
}
