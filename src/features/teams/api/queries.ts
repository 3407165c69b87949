import { mutationOptions } from '@tanstack/react-query';
import type { TeamChangeRequest, TeamsEdit } from '../../../api/team-schemas';
import { apiOf } from '../../../lib/api-context';
import { teamQueries } from '../../../lib/team-queries';

export { teamQueries };

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
