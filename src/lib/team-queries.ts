import { apiQuery } from './api-context';

/** The teams and their history: read by the teams screen, the queue's team filter and the dashboard. */
export const teamQueries = {
  all: () => ['teams'] as const,
  current: () => apiQuery([...teamQueries.all(), 'current'], (api) => api.getTeams()),
  changes: () => apiQuery([...teamQueries.all(), 'changes'], (api) => api.listTeamChanges()),
};
