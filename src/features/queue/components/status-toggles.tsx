import type { StatusCounts } from '../../../api/handoff-schemas';
import { openStatuses } from '../../../domain/lifecycle';
import { formatCount, statusLabels, statusOrder } from '../labels';
import { ALL_STATUSES, OPEN_STATUSES, selectedStatuses, toggleStatus } from '../queue-search';
import type { UpdateSearch } from './queue-filters';

interface StatusTogglesProps {
  status: string;
  counts: StatusCounts | undefined;
  update: UpdateSearch;
}

/**
 * How many items sit in each status under the other filters, each a toggle for the status
 * filter. Presets switch between the open statuses and everything.
 */
export function StatusToggles({ status, counts, update }: StatusTogglesProps) {
  const selected = selectedStatuses(status);
  return (
    <fieldset className="status-toggles">
      <legend className="visually-hidden">Filter by status</legend>
      <button
        type="button"
        className="status-preset"
        aria-pressed={status === OPEN_STATUSES}
        onClick={() => update({ status: OPEN_STATUSES })}
      >
        Open
      </button>
      <button
        type="button"
        className="status-preset"
        aria-pressed={status === ALL_STATUSES}
        onClick={() => update({ status: ALL_STATUSES })}
      >
        All
      </button>
      <span className="status-divider" aria-hidden="true" />
      {statusOrder.map((s) => {
        const count = counts?.[s];
        const pressed = selected?.includes(s) ?? false;
        // Closed statuses with nothing in them are noise; open ones always show.
        if (!pressed && count === 0 && !openStatuses.includes(s)) return null;
        return (
          <button
            key={s}
            type="button"
            className={`status-toggle status-${s}`}
            aria-pressed={pressed}
            onClick={() => update({ status: toggleStatus(status, s) })}
          >
            {statusLabels[s]}{' '}
            <span className="status-count">{count === undefined ? '–' : formatCount(count)}</span>
          </button>
        );
      })}
    </fieldset>
  );
}
