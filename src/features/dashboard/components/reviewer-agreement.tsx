import { Link } from '@tanstack/react-router';
import type { Dashboard } from '../../../api/dashboard-schemas';
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
        <table className="dash-items" aria-labelledby="agreement-title">
          <thead>
            <tr>
              <th scope="col">Reviewer</th>
              <th scope="col">Double-reviewed</th>
              <th scope="col">Agreed</th>
              <th scope="col">Agreement</th>
            </tr>
          </thead>
          <tbody>
            {data.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.name}</th>
                <td>{count(r.doubleReviewed)}</td>
                <td>{count(r.agreed)}</td>
                <td>{percent(r.rate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="dash-links">
        <Link to="/review">Post-hoc review queue</Link>
      </div>
    </section>
  );
}
