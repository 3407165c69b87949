import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorNotice } from './error-notice';

interface QueryStateProps<T> {
  query: UseQueryResult<T>;
  /** The status line while the first answer is on its way: "Loading the history…". */
  loading: string;
  loadingClassName?: string;
  /** What the data looks like once it has come. */
  children: (data: T) => ReactNode;
}

/**
 * One query's place on a page: a status line while it loads, the failure with a retry when it
 * fails, and its data once it has come.
 */
export function QueryState<T>({ query, loading, loadingClassName, children }: QueryStateProps<T>) {
  if (query.isPending) {
    return (
      <p className={loadingClassName} role="status">
        {loading}
      </p>
    );
  }
  if (query.isError) {
    return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  }
  return children(query.data);
}
