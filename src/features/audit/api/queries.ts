import { infiniteQueryOptions, keepPreviousData } from '@tanstack/react-query';
import type { AuditListParams } from '../../../api/audit-schemas';
import { apiOf } from '../../../lib/api-context';
import { AUDIT_PAGE_SIZE } from '../audit-search';

/** The audit log refreshes while open, so new events appear without a reload. */
export const AUDIT_REFRESH_MS = 15_000;

export const auditQueries = {
  all: () => ['audit'] as const,
  lists: () => [...auditQueries.all(), 'list'] as const,

  list: (params: AuditListParams) =>
    infiniteQueryOptions({
      queryKey: [...auditQueries.lists(), params] as const,
      queryFn: ({ client, pageParam }) =>
        apiOf(client).listAudit({
          query: { ...params, limit: AUDIT_PAGE_SIZE, cursor: pageParam ?? undefined },
        }),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
      placeholderData: keepPreviousData,
      refetchInterval: AUDIT_REFRESH_MS,
    }),
};
