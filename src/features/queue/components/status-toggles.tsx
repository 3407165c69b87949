import type { StatusCounts } from '../../../api/handoff-schemas';
import { openStatuses } from '../../../domain/lifecycle';
import { formatCount } from '../../../lib/count';
import { statusLabels, statusOrder } from '../labels';
import { ALL_STATUSES, OPEN_STATUSES, selectedStatuses, toggleStatus } from '../queue-search';
import type { UpdateSearch } from './queue-filters';

interface StatusTogglesProps {
  status: string;
  counts: StatusCounts | undefined;
  update: UpdateSearch;
}

const PRESETS = [
  ['Open', OPEN_STATUSES],
  ['All', ALL_STATUSES],
] as const;

/**
 * How many items sit in each status under the other filters, each a toggle for the status
 * filter. Presets switch between the open statuses and everything.
 */
export function StatusToggles({ status, counts, update }: StatusTogglesProps) {
  const selected = selectedStatuses(status);
  return (
    <fieldset className="status-toggles">
      <legend className="visually-hidden">Filter by status</legend>
      {PRESETS.map(([label, preset]) => (
        <button
          key={label}
          type="button"
          className="status-preset"
          aria-pressed={status === preset}
          onClick={() => update({ status: preset })}
        >
          {label}
        </button>
      ))}
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
