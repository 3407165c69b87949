import type { AuditEntry, FeedbackRecord } from '../../../api/audit-schemas';

/*
 * The audit log as CSV (RFC 4180) and JSONL. Compliance opens these in spreadsheets, so a
 * cell that a spreadsheet would run as a formula (starting with = + - @, or a tab or carriage
 * return that hides one) is prefixed with a single quote and kept as text.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field: made formula-safe, then quoted when it holds a quote, comma or line break. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (cells: readonly (string | number | boolean | null | undefined)[]) =>
  `${cells.map(csvCell).join(',')}\r\n`;

export const AUDIT_CSV_COLUMNS = [
  'at',
  'kind',
  'actor_type',
  'actor_id',
  'actor_name',
  'action',
  'outcome',
  'reason',
  'rule',
  'confidence',
  'version',
  'item_id',
  'ticket_number',
  'category',
  'acknowledged_flags',
  'time_on_item_ms',
  'details',
] as const;

export const auditCsvHeader = () => csvRow(AUDIT_CSV_COLUMNS);

/** One entry as a CSV line, in the order of AUDIT_CSV_COLUMNS. */
export function auditCsvRow(e: AuditEntry): string {
  const event = e.kind === 'event' ? e : null;
  return csvRow([
    e.at,
    e.kind,
    e.actor.type,
    e.actor.id,
    e.actor.name,
    e.action,
    e.outcome,
    e.why.reason,
    e.why.rule,
    e.why.confidence,
    e.kind === 'access' ? null : e.version,
    event?.handoffId,
    event?.ticketNumber,
    event?.category,
    event?.acknowledgedFlags.join(' '),
    event?.timeOnItemMs,
    e.kind === 'event' ? e.diff : e.changes.join('\n'),
  ]);
}

/** One object per line, newline-terminated: the JSON Lines format. */
export const jsonLine = (value: AuditEntry | FeedbackRecord) => `${JSON.stringify(value)}\n`;
