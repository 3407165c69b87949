import { createFileRoute } from '@tanstack/react-router';
import { teamQueries } from '../features/teams/api/queries';
import { TeamsPage } from '../features/teams/components/teams-page';

export const Route = createFileRoute('/teams')({
  // A failure is shown in place with a retry.
  loader: async ({ context: { queryClient } }) => {
    await queryClient.ensureQueryData(teamQueries.current()).catch(() => undefined);
  },
  component: TeamsPage,
});
