import { createFileRoute } from '@tanstack/react-router';
import { policyQueries } from '../features/policy/api/queries';
import { PolicyPage } from '../features/policy/components/policy-page';

export const Route = createFileRoute('/policy')({
  // A failure is shown in place with a retry; the history and ladder load on their own.
  loader: async ({ context: { queryClient } }) => {
    await queryClient.ensureQueryData(policyQueries.current()).catch(() => undefined);
  },
  component: PolicyPage,
});
