import { useInfiniteQuery } from '@tanstack/react-query';
import { getRouteApi, useRouter } from '@tanstack/react-router';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { toErrorMessage } from '../../../api/errors';
import type { SortField } from '../../../api/handoff-schemas';
import { focusSearchShortcut, useInfiniteRows, useListSearch } from '../../../hooks/use-list-page';
import { useRememberListPlace } from '../../../hooks/use-list-place';
import { useShortcuts } from '../../../hooks/use-shortcuts';
import { formatDuration, useNow } from '../../../lib/time';
import { useLiveStore } from '../../../stores/live-store';
import { queueQueries } from '../api/queries';
import { defaultOrder, formatCount } from '../labels';
import {
  ALL_STATUSES,
  clearedFilters,
  filterDeps,
  type QueueSearchInput,
  toListParams,
} from '../queue-search';
import { BatchReview } from './batch-review';
import { ClaimNextButton, ClaimNextMessage, useClaimNext } from './claim-next';
import { GateWarnings } from './gate-warnings';
import { QueueEmpty } from './queue-empty';
import { QueueFilters } from './queue-filters';
import { QueueGrid } from './queue-grid';
import { StatusToggles } from './status-toggles';
import './queue.css';
import { FlashNotice } from '../../../components/flash-notice';

const route = getRouteApi('/queue');

/** The reviewer's inbox: every open handoff, filtered in the URL, newest state every 10 s. */
export function QueuePage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  // Leaving for an item and coming back returns to these filters, not the defaults.
  useRememberListPlace();

  const { status, level, category, flag, assignee, slaAtRisk, team, myTeams, q, sort, order } =
    search;
  const filters = useMemo(
    () =>
      filterDeps({
        status,
        level,
        category,
        flag,
        assignee,
        slaAtRisk,
        team,
        myTeams,
        q,
        sort,
        order,
      }),
    [status, level, category, flag, assignee, slaAtRisk, team, myTeams, q, sort, order],
  );
  const params = useMemo(() => toListParams(filters), [filters]);
  const resetKey = useMemo(() => JSON.stringify(params), [params]);
  // While changes stream in, the queue need hardly poll; without them it polls every 10 s.
  const live = useLiveStore((s) => s.status === 'live');
  const query = useInfiniteQuery(queueQueries.list(params, live));

  const { rows, firstPage } = useInfiniteRows(query.data);
  const total = firstPage?.total;

  const { update, onSelect: selectInUrl } = useListSearch<QueueSearchInput>(
    (search, replace) => void navigate({ to: '/queue', search, replace }),
  );
  const router = useRouter();
  // Where the highlight rests is where Enter most likely goes next: its checkpoint (code, item,
  // ladder) is fetched while the reviewer reads the row, so opening it paints at once.
  const onSelect = useCallback(
    (id: string) => {
      selectInUrl(id);
      void router
        .preloadRoute({ to: '/handoffs/$handoffId', params: { handoffId: id } })
        .catch(() => undefined);
    },
    [selectInUrl, router],
  );
  const onOpen = useCallback(
    (id: string) => void navigate({ to: '/handoffs/$handoffId', params: { handoffId: id } }),
    [navigate],
  );
  const onSort = (field: SortField) => {
    if (field !== sort) return update({ sort: field, order: undefined });
    const next = (order ?? defaultOrder(sort)) === 'asc' ? 'desc' : 'asc';
    update({ order: next === defaultOrder(sort) ? undefined : next });
  };
  const clear = () => void navigate({ to: '/queue', search: clearedFilters(search) });

  const searchInputRef = useRef<HTMLInputElement>(null);
  // "Group similar" shows the waiting items in groups of alike ones, for batch review.
  const [grouped, setGrouped] = useState(false);
  useShortcuts([
    focusSearchShortcut(searchInputRef),
    { key: 'g', handler: () => setGrouped((g) => !g), label: 'Group similar items' },
  ]);
  const claim = useClaimNext();
  const announcement = useResultAnnouncement(resetKey, total, query.isPlaceholderData);

  return (
    <main id="main" className="page queue-page">
      <FlashNotice />
      <header className="queue-header">
        <div className="queue-title">
          <h1>
            Queue{' '}
            {total !== undefined ? (
              <span className="queue-total">
                {formatCount(total)} {total === 1 ? 'handoff' : 'handoffs'}
              </span>
            ) : null}
          </h1>
          {query.dataUpdatedAt ? (
            <UpdatedAgo at={query.dataUpdatedAt} fetching={query.isFetching} />
          ) : null}
        </div>
        <div className="queue-actions">
          <button
            type="button"
            className="button"
            aria-pressed={grouped}
            aria-keyshortcuts="G"
            onClick={() => setGrouped((g) => !g)}
          >
            Group similar
          </button>
          <ClaimNextButton state={claim} />
        </div>
      </header>
      <ClaimNextMessage state={claim} />

      <StatusToggles status={status} counts={firstPage?.counts} update={update} />
      <QueueFilters search={search} update={update} searchInputRef={searchInputRef} />
      <p className="queue-hint">
        <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>Enter</kbd> open · <kbd>/</kbd> search · <kbd>n</kbd>{' '}
        claim next · <kbd>?</kbd> all shortcuts
      </p>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      <GateWarnings rows={rows} />

      {query.isRefetchError ? (
        <div className="notice notice-warning queue-refresh-error" role="status">
          <span>
            Could not refresh the queue: {toErrorMessage(query.error).title}. Showing the last rows
            received.
          </span>{' '}
          <button type="button" className="button" onClick={() => void query.refetch()}>
            Try again
          </button>
        </div>
      ) : null}

      {grouped ? <BatchReview params={groupParams(params)} /> : null}
      <div className="queue-body" hidden={grouped}>
        <QueueGrid
          globalKeys={!grouped}
          rows={rows}
          total={total}
          query={query}
          empty={
            <QueueEmpty
              search={filters}
              counts={firstPage?.counts}
              onClear={clear}
              onShowAllStatuses={() => update({ status: ALL_STATUSES })}
            />
          }
          selectedId={search.selected}
          onSelectionChange={onSelect}
          onOpen={onOpen}
          sort={sort}
          order={order}
          onSort={onSort}
          resetKey={resetKey}
        />
      </div>
    </main>
  );
}

/** The grouping honours the queue's filters; it always groups the items waiting for a decision. */
function groupParams({
  status: _status,
  sort: _sort,
  order: _order,
  limit: _limit,
  ...filters
}: ReturnType<typeof toListParams>) {
  return filters;
}

/** "Updated 12s ago", on its own one-second clock so the list does not re-render with it. */
function UpdatedAgo({ at, fetching }: { at: number; fetching: boolean }) {
  const now = useNow(1000);
  const age = Math.max(0, now - at);
  return (
    <span className="queue-updated" title={new Date(at).toLocaleTimeString()}>
      {fetching ? <span className="queue-updated-dot" aria-hidden="true" /> : null}
      {age < 2000 ? 'Updated just now' : `Updated ${formatDuration(age)} ago`}
    </span>
  );
}

/** Tells screen-reader users how many items a new filter found, once per filter change. */
function useResultAnnouncement(resetKey: string, total: number | undefined, stale: boolean) {
  const [text, setText] = useState('');
  const announced = useRef<string | null>(null);
  useEffect(() => {
    if (stale || total === undefined || announced.current === resetKey) return;
    const first = announced.current === null;
    announced.current = resetKey;
    if (!first)
      setText(`${formatCount(total)} ${total === 1 ? 'handoff matches' : 'handoffs match'}`);
  }, [resetKey, total, stale]);
  return text;
}
