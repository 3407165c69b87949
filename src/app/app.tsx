import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type RouterHistory, RouterProvider } from '@tanstack/react-router';
import { useState } from 'react';
import { createAppRouter } from './router';

export interface AppProps {
  /** Made by `createQueryClient(api)`: it carries the API client too. */
  queryClient: QueryClient;
  history?: RouterHistory;
  demo?: boolean;
}

/** The composition root: server state (with the API client it talks to) and the router. */
export function App({ queryClient, history, demo = false }: AppProps) {
  const [router] = useState(() => createAppRouter({ queryClient, demo }, history));
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
