import { createFileRoute } from '@tanstack/react-router';
import { AgentsPage } from '../features/agents/components/agents-page';
import { agentRunQueries } from '../lib/agent-queries';

export const Route = createFileRoute('/agents')({
  loader: ({ context: { queryClient } }) => queryClient.ensureQueryData(agentRunQueries.list()),
  component: AgentsPage,
});
