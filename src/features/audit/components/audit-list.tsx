import type { ReactNode } from 'react';
import type { AuditEntry } from '../../../api/audit-schemas';
import {
  DataGrid,
  type InfiniteListQuery,
  infiniteListProps,
} from '../../../components/data-grid/data-grid';
import { AUDIT_ROW_HEIGHT, auditColumns, auditRowId, renderAuditCells } from './audit-row';

/** Start loading the next page this many rows before the end of what is loaded. */
const PREFETCH_ROWS = 40;

const columns = auditColumns.map((label) => ({ label }));
const entryId = (entry: AuditEntry) => entry.id;

export interface AuditListProps {
  entries: AuditEntry[];
  total: number | undefined;
  /** The log's query: its loading, error and next-page states. */
  query: InfiniteListQuery;
  /** Shown instead of the log when nothing matches. */
  empty?: ReactNode;
  selectedId: string | undefined;
  /** Hears of the highlighted entry once the reviewer pauses on it. */
  onSelect: (id: string) => void;
  /** Opens the entry's item; policy changes have none. */
  onOpen: (entry: AuditEntry) => void;
  resetKey: string;
}

/** The log's columns and cells on the shared data grid: half a million events scroll like a hundred. */
export function AuditList(props: AuditListProps) {
  return (
    <DataGrid
      label="Audit log, newest first"
      className="audit-grid"
      columns={columns}
      rows={props.entries}
      getId={entryId}
      rowDomId={auditRowId}
      rowHeight={AUDIT_ROW_HEIGHT}
      renderCells={renderAuditCells}
      context={undefined}
      total={props.total}
      {...infiniteListProps(props.query, {
        prefetchRows: PREFETCH_ROWS,
        failedText: 'Could not load more entries.',
      })}
      loadingText="Loading the audit log…"
      empty={props.empty}
      selectedId={props.selectedId}
      onSelectionChange={props.onSelect}
      onOpen={props.onOpen}
      resetKey={props.resetKey}
    />
  );
}
