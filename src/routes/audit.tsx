import { createFileRoute } from '@tanstack/react-router';
import { auditQueries } from '../features/audit/api/queries';
import { auditSearchSchema, filterDeps, toAuditParams } from '../features/audit/audit-search';
import { AuditPage } from '../features/audit/components/audit-page';

export const Route = createFileRoute('/audit')({
  validateSearch: auditSearchSchema,
  // The highlighted entry is view state only: moving it must not reload the log.
  loaderDeps: ({ search }) => filterDeps(search),
  staleTime: Number.POSITIVE_INFINITY,
  loader: async ({ context: { queryClient }, deps, cause }) => {
    const options = auditQueries.list(toAuditParams(deps));
    if (cause === 'stay') {
      void queryClient.prefetchInfiniteQuery(options);
      return;
    }
    // A failure is shown in place by the list, with a retry.
    await queryClient.ensureInfiniteQueryData(options).catch(() => undefined);
  },
  component: AuditPage,
});
