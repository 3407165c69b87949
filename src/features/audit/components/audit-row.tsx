// biome-ignore-all lint/a11y/useSemanticElements: a virtualized grid positions rows absolutely, which table cells cannot do reliably; the ARIA grid roles carry the semantics.
// biome-ignore-all lint/a11y/useFocusableInteractive: the grid is the single tab stop and points at the highlighted row with aria-activedescendant; cells are not focused themselves.
import { Link } from '@tanstack/react-router';
import type { AuditEntry } from '../../../api/audit-schemas';
import { shortBatchId } from '../../../domain/batch-id';
import { formatPercent } from '../../../domain/confidence';
import { flagRuleInfo } from '../../../domain/flags';
import { actionLabels, actorTypeLabels } from '../labels';

/** To the second: an audit trail orders events that happen within one minute. */
const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** Height of one row in pixels; the CSS uses the same number. */
export const AUDIT_ROW_HEIGHT = 52;

export const auditRowId = (id: string) => `audit-row-${id}`;

/** What the item column says for an entry that belongs to no item. */
const settingLabels = {
  policy: 'Routing policy',
  teams: 'Teams',
  access: 'Agent keys',
} as const;

export const auditColumns = ['When', 'Who', 'What', 'Why', 'Version', 'Item'] as const;

/** One entry's cells: who, what, when, why (reason, rule, confidence), outcome, version, item. */
export function renderAuditCells(entry: AuditEntry) {
  const { why } = entry;
  const reasonText = why.reason;
  return (
    <>
      <div role="gridcell" className="cell">
        <time dateTime={entry.at}>{when.format(new Date(entry.at))}</time>
      </div>
      <div role="gridcell" className="cell cell-stack">
        <span className="audit-actor">{entry.actor.name}</span>
        <span className="muted">{actorTypeLabels[entry.actor.type]}</span>
      </div>
      <div role="gridcell" className="cell cell-stack">
        <strong className={`audit-action audit-action-${entry.action}`}>
          {actionLabels[entry.action]}
        </strong>
        <span className="muted" title={entry.outcome}>
          {entry.outcome}
        </span>
      </div>
      <div role="gridcell" className="cell cell-stack">
        <span title={reasonText ?? undefined}>
          {reasonText ?? <span className="muted">—</span>}
        </span>
        <span className="muted">
          {[
            why.rule ? `Rule: ${flagRuleInfo[why.rule].label}` : null,
            why.confidence !== null ? `Confidence ${formatPercent(why.confidence)}` : null,
            entry.kind !== 'event' && entry.changes.length ? entry.changes.join('; ') : null,
            entry.kind === 'event' && entry.batchId ? `Batch ${shortBatchId(entry.batchId)}` : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </span>
      </div>
      <div role="gridcell" className="cell">
        {entry.kind === 'policy' ? (
          `Policy v${entry.version}`
        ) : entry.kind === 'teams' ? (
          `Teams v${entry.version}`
        ) : entry.kind === 'access' ? (
          <span className="muted">—</span>
        ) : (
          `v${entry.version}`
        )}
      </div>
      <div role="gridcell" className="cell">
        {entry.kind === 'event' ? (
          <Link
            to="/handoffs/$handoffId"
            params={{ handoffId: entry.handoffId }}
            className="row-link"
            tabIndex={-1}
          >
            {entry.ticketNumber !== null ? `#${entry.ticketNumber}` : entry.handoffId}
          </Link>
        ) : (
          <span className="muted">{settingLabels[entry.kind]}</span>
        )}
      </div>
    </>
  );
}
