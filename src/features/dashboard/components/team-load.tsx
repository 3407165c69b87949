import { Link } from '@tanstack/react-router';
import type { Dashboard, TeamLoadRow } from '../../../api/dashboard-schemas';
import { RowTable } from '../../../components/row-table';
import { count, duration } from '../labels';

/** The team a lead should look at first: the most items at risk or breached, then the most open. */
function mostPressed(rows: readonly TeamLoadRow[]): TeamLoadRow | undefined {
  const pressure = (r: TeamLoadRow) => r.atRisk + r.breached;
  return [...rows]
    .filter((r) => r.open > 0)
    .sort((a, b) => pressure(b) - pressure(a) || b.open - a.open)[0];
}

const perMember = (r: TeamLoadRow) =>
  r.members === 0 ? '—' : (r.decisions / r.members).toFixed(1).replace(/\.0$/, '');

/**
 * Per team, what waits and what was done: open items with how many are at risk or breached,
 * and the window's decisions on the team's items against how many people the team has. A
 * table rather than a chart, so a lead reads it at a glance on a phone as well.
 */
export function TeamLoad({ data }: { data: Dashboard['teams'] }) {
  const pressed = mostPressed(data);
  const summary = !pressed
    ? 'No team has open items.'
    : pressed.atRisk + pressed.breached > 0
      ? `${pressed.name} is most pressed: ${count(pressed.atRisk + pressed.breached)} of ${count(pressed.open)} open items at risk or past due.`
      : `No team has items at risk; ${pressed.name} has the most open (${count(pressed.open)}).`;
  return (
    <section aria-labelledby="team-load-title" className="dash-card dash-card-wide">
      <h2 id="team-load-title">Teams</h2>
      <p className="dash-summary">{summary}</p>
      {data.length === 0 ? (
        <p className="dash-empty">There are no teams yet.</p>
      ) : (
        <div className="dash-team-scroll">
          <RowTable
            caption="Queue depth, SLA and review load per team"
            hideCaption
            className="dash-team-table"
            rows={data}
            rowKey={(r) => r.teamId ?? '(none)'}
            columns={[
              {
                header: 'Team',
                cell: (r) =>
                  r.teamId ? (
                    <Link to="/queue" search={{ team: r.teamId }}>
                      {r.name}
                    </Link>
                  ) : (
                    r.name
                  ),
              },
              { header: 'Open', cell: (r) => count(r.open) },
              {
                header: 'SLA at risk',
                cell: (r) => (
                  <span className={r.breached > 0 ? 'dash-team-breached' : undefined}>
                    {count(r.atRisk)}
                    {r.breached > 0 ? ` + ${count(r.breached)} past due` : ''}
                  </span>
                ),
              },
              { header: 'Held', cell: (r) => count(r.holding) },
              {
                header: 'Decisions',
                cell: (r) => `${count(r.decisions)} · ${duration(r.timeOnItemsMs)}`,
              },
              { header: 'Per member', cell: perMember },
            ]}
          />
        </div>
      )}
      <div className="dash-links">
        <Link to="/teams">Teams and their rules</Link>
      </div>
    </section>
  );
}
