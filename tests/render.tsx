import { createMemoryHistory } from '@tanstack/react-router';
import { render } from '@testing-library/react';
import { type ApiClient, createApiClient } from '../src/api/client';
import { App } from '../src/app/app';
import { createQueryClient } from '../src/app/query-client';
import { useSessionStore } from '../src/stores/session-store';
import { API_BASE } from './msw';

export function createTestApi(actorId?: string) {
  if (actorId) useSessionStore.setState({ actorId });
  return createApiClient({
    baseUrl: API_BASE,
    getActorId: () => useSessionStore.getState().actorId,
    timeoutMs: 2000,
  });
}

/** The app's own query client (with its invalidation rules), without retries. */
export function createTestQueryClient(api: ApiClient) {
  const client = createQueryClient(api);
  client.setDefaultOptions({
    queries: { retry: false, staleTime: 0 },
    mutations: { retry: false },
  });
  return client;
}

/** Renders the whole app at a URL, against the mock backend, as a reviewer would meet it. */
export function renderApp(url: string, options: { actorId?: string; demo?: boolean } = {}) {
  const api = createTestApi(options.actorId ?? 'u-ana');
  const queryClient = createTestQueryClient(api);
  const history = createMemoryHistory({ initialEntries: [url] });
  const result = render(
    <App queryClient={queryClient} history={history} demo={options.demo ?? true} />,
  );
  return { ...result, api, queryClient, history };
}
