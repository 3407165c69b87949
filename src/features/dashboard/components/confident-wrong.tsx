import { Link } from '@tanstack/react-router';
import type { Dashboard } from '../../../api/dashboard-schemas';
import { formatPercent } from '../../../domain/confidence';
import { count, percent } from '../labels';
import { ItemTable } from './item-table';

/** Items the AI was sure about that a person corrected: where auto-approval would have hurt. */
export function ConfidentWrong({ data }: { data: Dashboard['confidentButWrong'] }) {
  const summary =
    data.confidentItems === 0
      ? 'No confident items were decided in this window.'
      : `${count(data.count)} of ${count(data.confidentItems)} items decided at ${formatPercent(data.threshold)} confidence or more (${percent(data.rate)}) were edited or rejected.`;
  return (
    <section aria-labelledby="cbw-title" className="dash-card">
      <h2 id="cbw-title">Confident but wrong</h2>
      <p className="dash-summary">{summary}</p>
      <ItemTable
        caption="Most recent confident items a person corrected"
        items={data.items}
        extra={[
          { header: 'Confidence', cell: (i) => formatPercent(i.confidence) },
          { header: 'Outcome', cell: (i) => (i.outcome === 'edited' ? 'Edited' : 'Rejected') },
        ]}
      />
      <div className="dash-links">
        <Link
          to="/queue"
          search={{ status: 'approved,rejected', sort: 'confidence', order: 'desc' }}
        >
          Decided items, most confident first
        </Link>
      </div>
    </section>
  );
}
