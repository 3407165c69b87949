import type { Ladder } from '../../../api/ladder-schemas';
import { RowTable } from '../../../components/row-table';
import { levelLabels } from '../../../domain/levels';
import { categoryLabels } from './labels';

/** Who may decide what: the scope each level's reviewers work within. */
export function LadderTable({ ladder }: { ladder: Ladder }) {
  return (
    <RowTable
      className="policy-table"
      caption="Escalation ladder"
      hideCaption
      rows={ladder}
      rowKey={(l) => l.level}
      columns={[
        { header: 'Level', cell: (l) => levelLabels[l.level] },
        {
          header: 'Refund limit',
          cell: (l) =>
            l.refundLimit === null ? 'No limit' : `$${l.refundLimit.toLocaleString('en-US')}`,
        },
        { header: 'Policy exceptions', cell: (l) => (l.canGrantExceptions ? 'Yes' : 'No') },
        {
          header: 'Categories',
          cell: (l) => l.categories.map((c) => categoryLabels[c]).join(', '),
        },
        {
          header: 'Response target',
          cell: (l) =>
            l.responseTargetMinutes === null ? 'At once' : `${l.responseTargetMinutes} min`,
        },
      ]}
    />
  );
}
