import { queryOptions } from '@tanstack/react-query';
import { apiOf } from './api-context';

/*
 * Agents' runs, read by the agents screen and by the header's notice of lost runs. Heartbeats
 * are not live events, so the list is polled while someone looks at it.
 */
export const agentRunQueries = {
  all: () => ['agents', 'runs'] as const,
  list: () =>
    queryOptions({
      queryKey: [...agentRunQueries.all(), 'list'] as const,
      queryFn: ({ client }) => apiOf(client).listAgentRuns({ query: { limit: 200 } }),
      refetchInterval: 5_000,
    }),
};
