import { useQuery } from '@tanstack/react-query';
import { type RefObject, useEffect, useId, useRef, useState } from 'react';
import {
  categorySchema,
  flagRuleSchema,
  levelSchema,
  sortFieldSchema,
} from '../../../api/handoff-schemas';
import { ChoiceField, ChoiceSelect } from '../../../components/choice-select';
import { levelLabels } from '../../../domain/levels';
import type { UpdateSearch as UpdateSearchOf } from '../../../hooks/use-list-page';
import { teamQueries } from '../../../lib/team-queries';
import { assigneeLabels, categoryLabels, defaultOrder, flagLabels, sortLabels } from '../labels';
import { type QueueSearch, type QueueSearchInput, splitList, toggleInList } from '../queue-search';
import { FilterMenu } from './filter-menu';

export type UpdateSearch = UpdateSearchOf<QueueSearchInput>;

interface QueueFiltersProps {
  search: QueueSearch;
  update: UpdateSearch;
  searchInputRef: RefObject<HTMLInputElement | null>;
}

const SEARCH_DEBOUNCE_MS = 250;
type ListField = 'level' | 'category' | 'flag';

/** The filters that pick several values, each kept in the URL as a comma-separated list. */
const listFilters: {
  field: ListField;
  label: string;
  options: readonly string[];
  labels: Readonly<Record<string, string>>;
}[] = [
  { field: 'level', label: 'Level', options: levelSchema.options, labels: levelLabels },
  { field: 'category', label: 'Category', options: categorySchema.options, labels: categoryLabels },
  { field: 'flag', label: 'Flag', options: flagRuleSchema.options, labels: flagLabels },
];

const listPatch = (field: ListField, value: string | undefined): Partial<QueueSearchInput> => ({
  [field]: value,
});

const assigneeChoices = Object.keys(assigneeLabels) as QueueSearch['assignee'][];

export function QueueFilters({ search, update, searchInputRef }: QueueFiltersProps) {
  const ids = { sort: useId(), order: useId(), sla: useId() };
  return (
    <search className="queue-filters" aria-label="Queue filters">
      <SearchBox value={search.q} update={update} inputRef={searchInputRef} />
      {listFilters.map(({ field, label, options, labels }) => (
        <FilterMenu
          key={field}
          label={label}
          options={options}
          labels={labels}
          selected={splitList(options, search[field])}
          onToggle={(v) => update(listPatch(field, toggleInList(options, search[field], v)))}
          onClear={() => update(listPatch(field, undefined))}
        />
      ))}
      <ChoiceField
        className="queue-control"
        label="Assignee"
        choices={assigneeChoices}
        labels={assigneeLabels}
        value={search.assignee}
        onChoose={(assignee) => update({ assignee })}
      />
      <TeamFilter search={search} update={update} />
      <div className="queue-control queue-checkbox">
        <input
          id={ids.sla}
          type="checkbox"
          checked={search.slaAtRisk}
          onChange={(e) => update({ slaAtRisk: e.target.checked })}
        />
        <label htmlFor={ids.sla}>SLA at risk</label>
      </div>
      <div className="queue-control queue-sort">
        <label htmlFor={ids.sort}>Sort by</label>
        <ChoiceSelect
          id={ids.sort}
          choices={sortFieldSchema.options}
          labels={sortLabels}
          value={search.sort}
          onChoose={(sort) => update({ sort, order: undefined })}
        />
        <label htmlFor={ids.order} className="visually-hidden">
          Order
        </label>
        <select
          id={ids.order}
          value={search.order ?? defaultOrder(search.sort)}
          onChange={(e) => {
            const order = e.target.value as 'asc' | 'desc';
            update({ order: order === defaultOrder(search.sort) ? undefined : order });
          }}
        >
          <option value="desc">
            {search.sort === 'priority' ? 'Highest first' : 'Descending'}
          </option>
          <option value="asc">{search.sort === 'priority' ? 'Lowest first' : 'Ascending'}</option>
        </select>
      </div>
    </search>
  );
}

interface SearchBoxProps {
  value: string;
  update: UpdateSearch;
  inputRef: RefObject<HTMLInputElement | null>;
}

/**
 * Typing stays local and instant; the URL follows after a short pause (replacing the history
 * entry, so Back does not step through every keystroke).
 */
function SearchBox({ value, update, inputRef }: SearchBoxProps) {
  const id = useId();
  const [text, setText] = useState(value);
  const pushed = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // The URL changed from elsewhere (Clear filters, Back): show what it says.
  useEffect(() => {
    if (value !== pushed.current) {
      pushed.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const commit = (next: string) => {
    clearTimeout(timer.current);
    pushed.current = next;
    update({ q: next }, { replace: true });
  };

  return (
    <div className="queue-control queue-search">
      <label htmlFor={id}>Search</label>
      <input
        ref={inputRef}
        id={id}
        type="search"
        value={text}
        maxLength={200}
        placeholder="Ticket #, subject or customer"
        aria-keyshortcuts="/"
        autoComplete="off"
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => commit(next), SEARCH_DEBOUNCE_MS);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(text);
          if (e.key === 'Escape') {
            // Leave the field so the queue's shortcuts work again.
            e.currentTarget.blur();
          }
        }}
      />
      <span aria-hidden="true" className="queue-search-key">
        <kbd>/</kbd>
      </span>
    </div>
  );
}

const MY_TEAMS = ' mine';

/** One select for the team: every team, the caller's teams, or one team by name. */
function TeamFilter({ search, update }: { search: QueueSearch; update: UpdateSearch }) {
  const teams = useQuery(teamQueries.current()).data?.teams ?? [];
  // Ids come from the server and the URL: a map without a prototype takes any of them as is.
  const labels: Record<string, string> = Object.create(null);
  labels[MY_TEAMS] = 'My teams';
  for (const t of teams) labels[t.id] = t.name;
  // A team named in the URL that the directory does not (yet) list is still shown, by its id.
  if (search.team && !Object.hasOwn(labels, search.team)) labels[search.team] = search.team;
  return (
    <ChoiceField
      className="queue-control"
      label="Team"
      choices={Object.keys(labels)}
      labels={labels}
      noneLabel="All teams"
      value={search.myTeams ? MY_TEAMS : search.team}
      onChoose={(v) =>
        update({ myTeams: v === MY_TEAMS, team: v && v !== MY_TEAMS ? v : undefined })
      }
    />
  );
}
