import type { ApiClient } from '../../../api/client';
import type { WebhookCreate } from '../../../api/webhook-schemas';
import { apiMutation, apiQuery } from '../../../lib/api-context';

/** Webhook endpoints and what was delivered to each. */
export const webhookQueries = {
  all: () => ['webhooks'] as const,
  list: () => apiQuery([...webhookQueries.all(), 'list'], (api) => api.listWebhooks()),
  deliveries: (id: string) => ({
    ...apiQuery([...webhookQueries.all(), 'deliveries', id], (api) =>
      api.listWebhookDeliveries({ params: { id }, query: { limit: 50 } }),
    ),
    // Deliveries move on by themselves (retries, receivers coming back).
    refetchInterval: 3_000,
  }),
};

/** A change to an endpoint shows in the list and in its deliveries, so each refreshes both. */
const webhookWrite = <V, T>(name: string, write: (api: ApiClient, v: V) => Promise<T>) =>
  apiMutation([...webhookQueries.all(), name], write, [webhookQueries.all()]);

export const webhookMutations = {
  create: () => webhookWrite('create', (api, body: WebhookCreate) => api.createWebhook({ body })),
  remove: () => webhookWrite('remove', (api, id: string) => api.deleteWebhook({ params: { id } })),
  rotate: () =>
    webhookWrite('rotate', (api, id: string) => api.rotateWebhookSecret({ params: { id } })),
  resend: () =>
    webhookWrite('resend', (api, { id, deliveryId }: { id: string; deliveryId: string }) =>
      api.resendWebhookDelivery({ params: { id, deliveryId } }),
    ),
};
