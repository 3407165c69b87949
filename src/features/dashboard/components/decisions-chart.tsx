import { Link, useNavigate } from '@tanstack/react-router';
import { Bar } from 'recharts';
import type { CategoryDecisions, Dashboard } from '../../../api/dashboard-schemas';
import type { Category } from '../../../api/handoff-schemas';
import { RowTable } from '../../../components/row-table';
import { categoryLabels, count, percent } from '../labels';
import { ChartFigure } from './chart-figure';
import { OUTCOME_COLORS } from './chart-style';
import { ColumnChart } from './column-chart';

const outcomes = [
  ['approvedUnedited', 'Approved as drafted'],
  ['approvedEdited', 'Approved with edits'],
  ['rejected', 'Rejected'],
  ['escalated', 'Escalated'],
  ['redirected', 'Redirected'],
] as const;

/** The queue behind a category's decisions: its decided items, newest first. */
export const decidedQueue = (category: Category) =>
  ({
    category,
    status: 'approved,rejected,escalated',
    sort: 'createdAt',
    order: 'desc',
  }) as const;

const share = (c: CategoryDecisions, n: number) => percent(c.decided ? n / c.decided : null);

/** Approval, edit and reject rates per category, with automation candidates called out. */
export function DecisionsChart({ data }: { data: Dashboard }) {
  const navigate = useNavigate();
  const rows = data.decisionsByCategory;
  const decided = rows.reduce((n, c) => n + c.decided, 0);
  const candidates = rows.filter((c) => c.automationCandidate);
  const summary =
    decided === 0
      ? 'No decisions in this window.'
      : `${count(decided)} decisions. ${
          candidates.length
            ? `Automation candidates: ${candidates.map((c) => categoryLabels[c.category]).join(', ')} (nearly every draft approved as written).`
            : 'No category is an automation candidate yet.'
        }`;
  return (
    <ChartFigure
      id="decisions"
      title="Decisions by category"
      summary={summary}
      chart={
        decided === 0 ? null : (
          <ColumnChart
            rows={rows.map((c) => ({ ...c, name: categoryLabels[c.category] }))}
            category="name"
            legend
          >
            {outcomes.map(([key, name]) => (
              <Bar
                key={key}
                dataKey={key}
                name={name}
                stackId="d"
                fill={OUTCOME_COLORS[key]}
                isAnimationActive={false}
                cursor="pointer"
                onClick={(entry: { payload?: CategoryDecisions }) => {
                  if (entry.payload)
                    void navigate({ to: '/queue', search: decidedQueue(entry.payload.category) });
                }}
              />
            ))}
          </ColumnChart>
        )
      }
      table={
        <RowTable
          caption="Decisions per category in the window"
          rows={rows}
          rowKey={(c) => c.category}
          columns={[
            { header: 'Category', cell: (c) => categoryLabels[c.category] },
            { header: 'Decisions', cell: (c) => c.decided },
            ...outcomes.map(([key, name]) => ({
              header: name,
              cell: (c: CategoryDecisions) => `${c[key]} (${share(c, c[key])})`,
            })),
            { header: 'Automation', cell: (c) => (c.automationCandidate ? 'Candidate' : '—') },
          ]}
        />
      }
      links={rows
        .filter((c) => c.decided > 0)
        .map((c) => (
          <Link key={c.category} to="/queue" search={decidedQueue(c.category)}>
            {categoryLabels[c.category]} decisions
            {c.automationCandidate ? ' (automation candidate)' : ''}
          </Link>
        ))}
    />
  );
}
