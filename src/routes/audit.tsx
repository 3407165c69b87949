import { createFileRoute } from '@tanstack/react-router';
import { auditQueries } from '../features/audit/api/queries';
import { auditSearchSchema, filterDeps, toAuditParams } from '../features/audit/audit-search';
import { AuditPage } from '../features/audit/components/audit-page';
import { loadList } from '../lib/list-loader';

export const Route = createFileRoute('/audit')({
  validateSearch: auditSearchSchema,
  // The highlighted entry is view state only: moving it must not reload the log.
  loaderDeps: ({ search }) => filterDeps(search),
  staleTime: Number.POSITIVE_INFINITY,
  loader: ({ context: { queryClient }, deps, cause }) =>
    loadList(queryClient, auditQueries.list(toAuditParams(deps)), cause),
  component: AuditPage,
});
