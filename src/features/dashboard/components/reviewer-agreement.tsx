import { Link } from '@tanstack/react-router';
import type { Dashboard } from '../../../api/dashboard-schemas';
import { RowTable } from '../../../components/row-table';
import { count, percent } from '../labels';

/**
 * Calibration: on items two people reviewed blind, how often each reviewer's verdict matched
 * the other's. A low rate says the rubric is read differently, not who is right.
 */
export function ReviewerAgreement({ data }: { data: Dashboard['agreement'] }) {
  return (
    <section aria-labelledby="agreement-title" className="dash-card">
      <h2 id="agreement-title">Post-hoc review agreement</h2>
      <p className="dash-summary">
        Items reviewed twice, blind: how often each reviewer’s verdict matched the other reviewer’s
        (all time).
      </p>
      {data.length === 0 ? (
        <p className="dash-empty">No double-reviewed items yet.</p>
      ) : (
        <RowTable
          className="dash-items"
          labelledBy="agreement-title"
          rows={data}
          rowKey={(r) => r.id}
          columns={[
            { header: 'Reviewer', cell: (r) => r.name },
            { header: 'Double-reviewed', cell: (r) => count(r.doubleReviewed) },
            { header: 'Agreed', cell: (r) => count(r.agreed) },
            { header: 'Agreement', cell: (r) => percent(r.rate) },
          ]}
        />
      )}
      <div className="dash-links">
        <Link to="/review">Post-hoc review queue</Link>
      </div>
    </section>
  );
}
