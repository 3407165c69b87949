import type { AuditEntry } from '../../../api/audit-schemas';
import {
  DataGrid,
  infiniteListProps,
  type ListGridProps,
} from '../../../components/data-grid/data-grid';
import { AUDIT_ROW_HEIGHT, auditColumns, auditRowId, renderAuditCells } from './audit-row';

/** Start loading the next page this many rows before the end of what is loaded. */
const PREFETCH_ROWS = 40;

const columns = auditColumns.map((label) => ({ label }));
const entryId = (entry: AuditEntry) => entry.id;

export type AuditListProps = ListGridProps<AuditEntry> & {
  /** Opens the entry's item; policy changes have none. */
  onOpen: (entry: AuditEntry) => void;
};

/** The log's columns and cells on the shared data grid: half a million events scroll like a hundred. */
export function AuditList({ query, ...list }: AuditListProps) {
  return (
    <DataGrid
      {...list}
      label="Audit log, newest first"
      className="audit-grid"
      columns={columns}
      getId={entryId}
      rowDomId={auditRowId}
      rowHeight={AUDIT_ROW_HEIGHT}
      renderCells={renderAuditCells}
      context={undefined}
      {...infiniteListProps(query, {
        prefetchRows: PREFETCH_ROWS,
        failedText: 'Could not load more entries.',
      })}
      loadingText="Loading the audit log…"
    />
  );
}
