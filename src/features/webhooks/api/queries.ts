import { mutationOptions, queryOptions } from '@tanstack/react-query';
import type { WebhookCreate } from '../../../api/webhook-schemas';
import { apiOf } from '../../../lib/api-context';

/** Webhook endpoints and what was delivered to each. */
export const webhookQueries = {
  all: () => ['webhooks'] as const,
  list: () =>
    queryOptions({
      queryKey: [...webhookQueries.all(), 'list'] as const,
      queryFn: ({ client }) => apiOf(client).listWebhooks(),
    }),
  deliveries: (id: string) =>
    queryOptions({
      queryKey: [...webhookQueries.all(), 'deliveries', id] as const,
      queryFn: ({ client }) =>
        apiOf(client).listWebhookDeliveries({ params: { id }, query: { limit: 50 } }),
      // Deliveries move on by themselves (retries, receivers coming back).
      refetchInterval: 3_000,
    }),
};

export const webhookMutations = {
  create: () =>
    mutationOptions({
      mutationKey: [...webhookQueries.all(), 'create'] as const,
      mutationFn: (body: WebhookCreate, { client }) => apiOf(client).createWebhook({ body }),
      meta: { invalidates: [webhookQueries.all()] },
    }),
  remove: () =>
    mutationOptions({
      mutationKey: [...webhookQueries.all(), 'remove'] as const,
      mutationFn: (id: string, { client }) => apiOf(client).deleteWebhook({ params: { id } }),
      meta: { invalidates: [webhookQueries.all()] },
    }),
  rotate: () =>
    mutationOptions({
      mutationKey: [...webhookQueries.all(), 'rotate'] as const,
      mutationFn: (id: string, { client }) => apiOf(client).rotateWebhookSecret({ params: { id } }),
      meta: { invalidates: [webhookQueries.all()] },
    }),
  resend: () =>
    mutationOptions({
      mutationKey: [...webhookQueries.all(), 'resend'] as const,
      mutationFn: ({ id, deliveryId }: { id: string; deliveryId: string }, { client }) =>
        apiOf(client).resendWebhookDelivery({ params: { id, deliveryId } }),
      meta: { invalidates: [webhookQueries.all()] },
    }),
};
