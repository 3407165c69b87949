import { apiQuery } from '../../../lib/api-context';

export const demoQueries = {
  all: () => ['demo'] as const,
  settings: () => apiQuery([...demoQueries.all(), 'settings'], (api) => api.getDemoSettings()),
};
