import type { StatusCounts } from '../../../api/handoff-schemas';
import { levelLabels } from '../../../domain/levels';
import { formatCount } from '../../../lib/count';
import { assigneeLabels, categoryLabels, flagLabels, orList, statusLabels } from '../labels';
import {
  hasActiveFilters,
  OPEN_STATUSES,
  type QueueFilterSearch,
  selectedCategories,
  selectedFlags,
  selectedLevels,
  selectedStatuses,
} from '../queue-search';

/** The filters in force, in words: "Category: Legal", "Search: “refund”". */
export function describeFilters(search: QueueFilterSearch): string[] {
  const out: string[] = [];
  const statuses = selectedStatuses(search.status);
  if (statuses) {
    const words = orList(statuses.map((s) => statusLabels[s]));
    out.push(search.status === OPEN_STATUSES ? `Status: open (${words})` : `Status: ${words}`);
  }
  const levels = selectedLevels(search);
  if (levels.length) out.push(`Level: ${orList(levels.map((l) => levelLabels[l]))}`);
  const categories = selectedCategories(search);
  if (categories.length) out.push(`Category: ${orList(categories.map((c) => categoryLabels[c]))}`);
  const flags = selectedFlags(search);
  if (flags.length) out.push(`Flag: ${orList(flags.map((f) => flagLabels[f]))}`);
  if (search.assignee !== 'any') out.push(`Assignee: ${assigneeLabels[search.assignee]}`);
  if (search.slaAtRisk) out.push('SLA at risk or breached only');
  if (search.myTeams) out.push('My teams only');
  if (search.team) out.push(`Team: ${search.team}`);
  if (search.q.trim()) out.push(`Search: “${search.q.trim()}”`);
  return out;
}

interface QueueEmptyProps {
  search: QueueFilterSearch;
  counts: StatusCounts | undefined;
  onClear: () => void;
  onShowAllStatuses: () => void;
}

/** Nothing to show: say which filters hide everything, and offer the way back. */
export function QueueEmpty({ search, counts, onClear, onShowAllStatuses }: QueueEmptyProps) {
  const filtered = hasActiveFilters(search);
  const statuses = selectedStatuses(search.status);
  // Items that the other filters allow but the status filter hides.
  const hiddenByStatus =
    statuses && counts
      ? Object.entries(counts).reduce(
          (sum, [status, n]) =>
            statuses.includes(status as (typeof statuses)[number]) ? sum : sum + n,
          0,
        )
      : 0;
  return (
    <section className="queue-empty" aria-labelledby="queue-empty-title">
      <h2 id="queue-empty-title">
        {filtered ? 'No handoffs match these filters' : 'Nothing is waiting'}
      </h2>
      {filtered ? (
        <>
          <p>These filters hide every item:</p>
          <ul className="queue-empty-filters">
            {describeFilters(search).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>No open handoffs right now. New ones appear here as the AI hands them over.</p>
      )}
      {hiddenByStatus > 0 ? (
        <p>
          {formatCount(hiddenByStatus)}{' '}
          {hiddenByStatus === 1 ? 'handoff matches' : 'handoffs match'} in other statuses.
        </p>
      ) : null}
      <div className="queue-empty-actions">
        {filtered ? (
          <button type="button" className="button button-primary" onClick={onClear}>
            Clear filters
          </button>
        ) : null}
        {hiddenByStatus > 0 ? (
          <button type="button" className="button" onClick={onShowAllStatuses}>
            Show all statuses
          </button>
        ) : null}
      </div>
    </section>
  );
}
