import { useMemo } from 'react';
import type { HandoffSummary, SortField } from '../../../api/handoff-schemas';
import {
  DataGrid,
  type DataGridColumn,
  infiniteListProps,
  type ListGridProps,
} from '../../../components/data-grid/data-grid';
import { useNow } from '../../../lib/time';
import { useSessionStore } from '../../../stores/session-store';
import { defaultOrder } from '../labels';
import { type QueueCellContext, ROW_HEIGHT, renderQueueCells, rowDomId } from './queue-row';

/** Start loading the next page this many rows before the end of what is loaded. */
const PREFETCH_ROWS = 30;
/** SLA badges move on a 15-second clock: fresh enough for minutes, cheap for the list. */
const CLOCK_MS = 15_000;

const columns: readonly { label: string; sort?: SortField }[] = [
  { label: 'Ticket' },
  { label: 'Status' },
  { label: 'Kind' },
  { label: 'Category' },
  { label: 'Urgency' },
  { label: 'Confidence', sort: 'confidence' },
  { label: 'Flags' },
  { label: 'SLA due', sort: 'dueAt' },
  { label: 'Level' },
  { label: 'Assignee' },
];

const handoffId = (item: HandoffSummary) => item.id;

export type QueueGridProps = ListGridProps<HandoffSummary> & {
  onOpen: (id: string) => void;
  sort: SortField;
  order: 'asc' | 'desc' | undefined;
  onSort: (sort: SortField) => void;
  /** j/k anywhere on the page move the grid; off while the grouped view has the keys. */
  globalKeys?: boolean;
};

/** The queue's columns and cells on the shared data grid. */
export function QueueGrid({ query, onOpen, sort, order, onSort, ...list }: QueueGridProps) {
  const now = useNow(CLOCK_MS);
  const meId = useSessionStore((s) => s.actorId);
  const context = useMemo<QueueCellContext>(() => ({ now, meId }), [now, meId]);

  const gridColumns = useMemo<DataGridColumn[]>(() => {
    const effectiveOrder = order ?? defaultOrder(sort);
    return columns.map(({ label, sort: field }) =>
      field
        ? {
            label,
            sort: {
              direction:
                field === sort
                  ? effectiveOrder === 'asc'
                    ? 'ascending'
                    : 'descending'
                  : undefined,
              onSort: () => onSort(field),
            },
          }
        : { label },
    );
  }, [sort, order, onSort]);

  return (
    <DataGrid
      {...list}
      label="Handoffs"
      className="queue-grid"
      columns={gridColumns}
      getId={handoffId}
      rowDomId={rowDomId}
      rowHeight={ROW_HEIGHT}
      renderCells={renderQueueCells}
      context={context}
      {...infiniteListProps(query, {
        prefetchRows: PREFETCH_ROWS,
        failedText: 'Could not load more handoffs.',
      })}
      onOpen={(item) => onOpen(item.id)}
      restoreKey={`queue ${list.resetKey}`}
    />
  );
}
