// biome-ignore-all lint/a11y/useSemanticElements: a virtualized grid positions rows absolutely, which table cells cannot do reliably; the ARIA grid roles carry the semantics.
// biome-ignore-all lint/a11y/useFocusableInteractive: the grid is the single tab stop and points at the highlighted row with aria-activedescendant; cells are not focused themselves.
import { Link } from '@tanstack/react-router';
import type { HandoffSummary } from '../../../api/handoff-schemas';
import { ConfidenceBadge, FlagBadge, SlaBadge, StatusBadge } from '../../../components/badges';
import { GateBadge } from '../../../components/gate-badge';
import { gateIsLive } from '../../../domain/gates';
import { levelLabels } from '../../../domain/levels';
import { categoryLabels, flagLabels, kindLabels, urgencyLabels } from '../labels';

/** Height of one row in pixels; the CSS uses the same number. */
export const ROW_HEIGHT = 44;
const MAX_FLAGS_SHOWN = 2;

export const rowDomId = (id: string) => `queue-row-${id}`;

/** What every row's cells share: one clock for the whole list, and who is signed in. */
export interface QueueCellContext {
  /** One clock for the whole list, so rows do not each run a timer. */
  now: number;
  meId: string;
}

/** One handoff's cells in the queue grid: what a reviewer triages by. */
export function renderQueueCells(item: HandoffSummary, { now, meId }: QueueCellContext) {
  const shownFlags = item.flags.slice(0, MAX_FLAGS_SHOWN);
  const hiddenFlags = item.flags.slice(MAX_FLAGS_SHOWN);
  return (
    <>
      <div role="gridcell" className="cell cell-ticket">
        <Link
          to="/handoffs/$handoffId"
          params={{ handoffId: item.id }}
          className="row-link"
          // The grid is one tab stop; arrows and j/k move within it.
          tabIndex={-1}
          preloadDelay={250}
        >
          <span className="ticket-number">#{item.ticketNumber}</span>{' '}
          <span className="ticket-subject">{item.subject}</span>
        </Link>
        <span className="ticket-customer">
          {item.customerName}
          {item.tier !== 'standard' ? <span className="ticket-tier"> · {item.tier}</span> : null}
        </span>
      </div>
      <div role="gridcell" className="cell">
        <StatusBadge status={item.status} />
      </div>
      <div role="gridcell" className="cell cell-text">
        {kindLabels[item.kind]}
      </div>
      <div role="gridcell" className="cell cell-text">
        {categoryLabels[item.category]}
      </div>
      <div role="gridcell" className="cell cell-text">
        <span className={`urgency urgency-${item.urgency}`}>{urgencyLabels[item.urgency]}</span>
      </div>
      <div role="gridcell" className="cell">
        <ConfidenceBadge confidence={item.confidence} />
      </div>
      <div role="gridcell" className="cell cell-flags">
        {item.flags.length === 0 ? <span className="muted">None</span> : null}
        {shownFlags.map((flag) => (
          <FlagBadge key={flag.rule} flag={flag} />
        ))}
        {hiddenFlags.length ? (
          <span
            className="badge flag-more"
            title={hiddenFlags.map((f) => flagLabels[f.rule]).join(', ')}
          >
            +{hiddenFlags.length}
            <span className="visually-hidden">
              : {hiddenFlags.map((f) => flagLabels[f.rule]).join(', ')}
            </span>
          </span>
        ) : null}
      </div>
      <div role="gridcell" className="cell cell-deadlines">
        <SlaBadge dueAt={item.dueAt} now={now} />
        {item.gate && gateIsLive(item) ? <GateBadge gate={item.gate} /> : null}
      </div>
      <div role="gridcell" className="cell cell-text">
        {levelLabels[item.level]}
      </div>
      <div role="gridcell" className="cell cell-text">
        {item.assignee ? (
          <span className={item.assignee.id === meId ? 'assignee-me' : undefined}>
            {item.assignee.name}
            {item.assignee.id === meId ? ' (you)' : ''}
          </span>
        ) : (
          <span className="muted">Unassigned</span>
        )}
      </div>
    </>
  );
}
