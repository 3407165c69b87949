import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { AuditEntry } from '../../../api/audit-schemas';
import { toErrorMessage } from '../../../api/errors';
import { focusSearchShortcut, useInfiniteRows, useListSearch } from '../../../hooks/use-list-page';
import { useShortcuts } from '../../../hooks/use-shortcuts';
import { useApi } from '../../../lib/api-context';
import { countOf } from '../../../lib/count';
import { userQueries } from '../../../lib/handoff-queries';
import { useLiveStore } from '../../../stores/live-store';
import { auditQueries } from '../api/queries';
import { type AuditSearch, filterDeps, hasActiveFilters, toAuditParams } from '../audit-search';
import { useExport } from '../hooks/use-export';
import { AuditFilters } from './audit-filters';
import { AuditList } from './audit-list';
import { ExportPanel } from './export-panel';
import './audit.css';

const route = getRouteApi('/audit');
/** Quiet time after the last live change before the log refetches. */
const LIVE_SETTLE_MS = 750;

/** Every event of every item and every policy change: search, filter, export. */
export function AuditPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const api = useApi();
  const { actor, action, rule, item, from, to, q } = search;
  const filters = useMemo(
    () => filterDeps({ actor, action, rule, item, from, to, q, selected: undefined }),
    [actor, action, rule, item, from, to, q],
  );
  const params = useMemo(() => toAuditParams(filters), [filters]);
  const resetKey = useMemo(() => JSON.stringify(params), [params]);
  const query = useInfiniteQuery(auditQueries.list(params));
  const users = useQuery(userQueries.list());
  const exporter = useExport(api, params);
  useRefreshOnChange();

  const { rows: entries, firstPage } = useInfiniteRows(query.data);
  const total = firstPage?.total;

  const { update, onSelect } = useListSearch<AuditSearch>(
    (search, replace) => void navigate({ to: '/audit', search, replace }),
  );
  const onOpen = useCallback(
    (entry: AuditEntry) => {
      if (entry.kind !== 'event') return;
      void navigate({ to: '/handoffs/$handoffId', params: { handoffId: entry.handoffId } });
    },
    [navigate],
  );
  const searchInputRef = useRef<HTMLInputElement>(null);
  useShortcuts([
    focusSearchShortcut(searchInputRef),
    {
      key: 'Escape',
      handler: exporter.cancel,
      enabled: exporter.state.status === 'running',
      label: 'Cancel the export',
    },
  ]);
  const filtered = hasActiveFilters(filters);

  return (
    <main id="main" className="page audit-page">
      <header className="audit-header">
        <h1>
          Audit log{' '}
          {total !== undefined ? (
            <span className="audit-total">{countOf(total, 'entry', 'entries')}</span>
          ) : null}
        </h1>
        <p className="muted">
          Every event of every item and every routing-policy change, newest first. Append-only.
        </p>
      </header>
      <AuditFilters
        search={search}
        update={update}
        users={users.data?.items}
        searchInputRef={searchInputRef}
        onClear={filtered ? () => void navigate({ to: '/audit', search: {} }) : null}
      />
      <ExportPanel
        state={exporter.state}
        onStart={(k) => void exporter.start(k)}
        onCancel={exporter.cancel}
      />
      <p className="audit-hint">
        <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>Enter</kbd> open the item · <kbd>/</kbd> search
      </p>
      <p role="status" className="visually-hidden">
        {total !== undefined && !query.isPlaceholderData
          ? countOf(total, 'entry matches', 'entries match')
          : ''}
      </p>
      {query.isRefetchError ? (
        <div className="notice notice-warning" role="status">
          Could not refresh the log: {toErrorMessage(query.error).title}. Showing the last entries
          received.
        </div>
      ) : null}
      <div className="audit-body">
        <AuditList
          rows={entries}
          total={total}
          query={query}
          empty={
            <div className="notice audit-empty" role="status">
              <p className="notice-title">
                {filtered ? 'No entries match these filters.' : 'The audit log is empty.'}
              </p>
              {filtered ? (
                <button
                  type="button"
                  className="button"
                  onClick={() => void navigate({ to: '/audit', search: {} })}
                >
                  Clear filters
                </button>
              ) : null}
            </div>
          }
          selectedId={search.selected}
          onSelectionChange={onSelect}
          onOpen={onOpen}
          resetKey={resetKey}
        />
      </div>
    </main>
  );
}

/** Every change on the live stream is a new audit event: refresh once the burst settles. */
function useRefreshOnChange() {
  const queryClient = useQueryClient();
  const lastChange = useLiveStore((s) => s.lastChange);
  useEffect(() => {
    if (!lastChange) return;
    const timer = setTimeout(
      () => void queryClient.invalidateQueries({ queryKey: auditQueries.lists() }),
      LIVE_SETTLE_MS,
    );
    return () => clearTimeout(timer);
  }, [lastChange, queryClient]);
}
