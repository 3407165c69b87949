import { mutationOptions } from '@tanstack/react-query';
import type { TeamChangeRequest, TeamsEdit } from '../../../api/team-schemas';
import { apiOf, apiQuery } from '../../../lib/api-context';

/** The teams, their history, and the writes a lead makes to them. */
export const teamQueries = {
  all: () => ['teams'] as const,
  current: () => apiQuery([...teamQueries.all(), 'current'], (api) => api.getTeams()),
  changes: () => apiQuery([...teamQueries.all(), 'changes'], (api) => api.listTeamChanges()),
};

/*
 * A save carries the idempotency key of the lead's intent (one per "Save" press), so a retried
 * request never records a change twice. The what-if changes nothing.
 */
export const teamMutations = {
  whatIf: () =>
    mutationOptions({
      mutationKey: [...teamQueries.all(), 'what-if'] as const,
      mutationFn: (edit: TeamsEdit, { client }) => apiOf(client).previewTeams({ body: edit }),
    }),
  change: () =>
    mutationOptions({
      mutationKey: [...teamQueries.all(), 'change'] as const,
      mutationFn: ({ body, key }: { body: TeamChangeRequest; key: string }, { client }) =>
        apiOf(client).changeTeams({ body, idempotencyKey: key }),
      meta: { invalidates: [teamQueries.all(), ['handoffs']] },
    }),
};
