import { type ReactNode, useMemo } from 'react';
import type { HandoffSummary, SortField } from '../../../api/handoff-schemas';
import {
  DataGrid,
  type DataGridColumn,
  type InfiniteListQuery,
  infiniteListProps,
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

export interface QueueGridProps {
  rows: HandoffSummary[];
  /** Items matching the filters on the server, loaded or not. */
  total: number | undefined;
  /** The list's query: its loading, error and next-page states. */
  query: InfiniteListQuery;
  /** Shown instead of the grid when nothing matches. */
  empty?: ReactNode;
  selectedId: string | undefined;
  /** Hears of the highlighted row once the reviewer pauses on it. */
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
  sort: SortField;
  order: 'asc' | 'desc' | undefined;
  onSort: (sort: SortField) => void;
  /** Changes when the filters change: the list starts again at the top. */
  resetKey: string;
}

/** The queue's columns and cells on the shared data grid. */
export function QueueGrid(props: QueueGridProps) {
  const now = useNow(CLOCK_MS);
  const meId = useSessionStore((s) => s.actorId);
  const context = useMemo<QueueCellContext>(() => ({ now, meId }), [now, meId]);
  const { sort, order, onSort } = props;

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
      label="Handoffs"
      className="queue-grid"
      columns={gridColumns}
      rows={props.rows}
      getId={handoffId}
      rowDomId={rowDomId}
      rowHeight={ROW_HEIGHT}
      renderCells={renderQueueCells}
      context={context}
      total={props.total}
      {...infiniteListProps(props.query, {
        prefetchRows: PREFETCH_ROWS,
        failedText: 'Could not load more handoffs.',
      })}
      empty={props.empty}
      selectedId={props.selectedId}
      onSelectionChange={props.onSelect}
      onOpen={(item) => props.onOpen(item.id)}
      resetKey={props.resetKey}
      restoreKey={`queue ${props.resetKey}`}
    />
  );
}
