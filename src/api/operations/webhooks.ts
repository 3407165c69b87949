import {
  deliveryParams,
  webhookCreateSchema,
  webhookDeliveriesQuerySchema,
  webhookDeliveriesSchema,
  webhookDeliverySchema,
  webhookEndpointsSchema,
  webhookWithSecretSchema,
} from '../webhook-schemas';
import { defineOperations, identityProblems, idParams } from './define';

const leadsOnly = 'Only leads (or an agent, for its own endpoints) manage webhooks';
const endpointProblems = { ...identityProblems, 403: leadsOnly, 404: 'No such endpoint' } as const;

/**
 * Webhook endpoints and their deliveries. The server answers these (the in-browser demo has
 * nowhere to deliver to).
 */
export const webhookOperations = defineOperations({
  listWebhooks: {
    method: 'GET',
    path: '/webhooks',
    summary: 'Registered webhook endpoints',
    response: webhookEndpointsSchema,
    description: 'Endpoints, newest first; secrets are never listed',
    problems: { ...identityProblems, 403: leadsOnly },
    write: false,
  },
  createWebhook: {
    method: 'POST',
    path: '/webhooks',
    summary: 'Register an endpoint for some events',
    body: webhookCreateSchema,
    response: webhookWithSecretSchema,
    status: 201,
    description: 'The endpoint and its signing secret (shown this once)',
    problems: {
      ...identityProblems,
      400: 'Malformed JSON',
      403: leadsOnly,
      422: 'Invalid fields: not an http(s) URL, a private or loopback address, unknown events',
    },
    write: false,
  },
  deleteWebhook: {
    method: 'DELETE',
    path: '/webhooks/{id}',
    summary: 'Remove an endpoint; nothing more is sent to it',
    params: idParams,
    response: null,
    status: 204,
    description: 'Removed',
    problems: endpointProblems,
    write: false,
  },
  rotateWebhookSecret: {
    method: 'POST',
    path: '/webhooks/{id}/rotate',
    summary: 'Give the endpoint a new secret; the old one signs too for 24 hours',
    params: idParams,
    response: webhookWithSecretSchema,
    description: 'The endpoint and its new secret (shown this once)',
    problems: endpointProblems,
    write: false,
  },
  listWebhookDeliveries: {
    method: 'GET',
    path: '/webhooks/{id}/deliveries',
    summary: 'What was sent to the endpoint, newest first',
    params: idParams,
    query: webhookDeliveriesQuerySchema,
    response: webhookDeliveriesSchema,
    description: 'Deliveries with their status, attempts and last response',
    problems: { ...endpointProblems, 422: 'Invalid query' },
    write: false,
  },
  resendWebhookDelivery: {
    method: 'POST',
    path: '/webhooks/{id}/deliveries/{deliveryId}/resend',
    summary: 'Send a delivery again now, with the same webhook-id and body',
    params: deliveryParams,
    response: webhookDeliverySchema,
    description: 'The delivery, pending again',
    problems: {
      ...endpointProblems,
      404: 'No such endpoint or delivery',
      409: 'The endpoint is disabled',
    },
    write: false,
  },
});
