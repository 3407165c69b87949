import { apiQuery } from './api-context';

/*
 * The escalation ladder the backend serves and enforces. The policy page shows it and the
 * checkpoint previews a reply's authority against it, so both read this one query: what the
 * reviewer is told before approving is what the backend will decide.
 */
export const ladderQueries = {
  all: () => ['ladder'] as const,

  current: () => ({
    ...apiQuery([...ladderQueries.all(), 'current'], (api) => api.getLadder()),
    // The ladder changes with a deployment, not during a shift.
    staleTime: 30 * 60_000,
  }),
};
