import { createFileRoute } from '@tanstack/react-router';
import { webhookQueries } from '../features/webhooks/api/queries';
import { WebhooksPage } from '../features/webhooks/components/webhooks-page';

export const Route = createFileRoute('/webhooks')({
  loader: ({ context: { queryClient } }) => queryClient.ensureQueryData(webhookQueries.list()),
  component: WebhooksPage,
});
