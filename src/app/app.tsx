import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type RouterHistory, RouterProvider } from '@tanstack/react-router';
import { useState } from 'react';
import type { ApiClient } from '../api/client';
import { ApiProvider } from '../lib/api-context';
import { createAppRouter } from './router';

export interface AppProps {
  api: ApiClient;
  queryClient: QueryClient;
  history?: RouterHistory;
  demo?: boolean;
}

/** The composition root: server state, the API client and the router. */
export function App({ api, queryClient, history, demo = false }: AppProps) {
  const [router] = useState(() => createAppRouter({ queryClient, api, demo }, history));
  return (
    <QueryClientProvider client={queryClient}>
      <ApiProvider client={api}>
        <RouterProvider router={router} />
      </ApiProvider>
    </QueryClientProvider>
  );
}
