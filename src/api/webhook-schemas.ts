import './zod-config';
import { z } from 'zod/mini';
import { agentEventSchema, agentEventTypeSchema } from './agent-schemas';
import { isoDate } from './handoff-schemas';

/*
 * Webhooks, to the Standard Webhooks specification: endpoints a lead (or an agent, for itself)
 * registers, and the deliveries the server makes to them. Every delivery carries `webhook-id`
 * (the same on every retry), `webhook-timestamp` and `webhook-signature` (`v1,` + base64
 * HMAC-SHA256 of `id.timestamp.body` with the endpoint's secret); the body is
 * `{ type, timestamp, data }`.
 */

/** The events an endpoint may subscribe to: the agent events. */
export const webhookEventTypeSchema = agentEventTypeSchema;
export type WebhookEventType = z.infer<typeof webhookEventTypeSchema>;

export const webhookEndpointSchema = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(webhookEventTypeSchema),
  createdAt: isoDate,
  /** Who registered it: a person's or an agent's name. */
  createdBy: z.object({ id: z.string(), name: z.string() }),
  /** Set when the receiver answered 410 Gone (or someone disabled it); nothing is sent then. */
  disabledAt: z.nullable(isoDate),
  disabledReason: z.nullable(z.string()),
  /** After a rotation, deliveries carry the old secret's signature too until then. */
  previousSecretValidUntil: z.nullable(isoDate),
});
export type WebhookEndpoint = z.infer<typeof webhookEndpointSchema>;

export const webhookEndpointsSchema = z.object({ items: z.array(webhookEndpointSchema) });

export const webhookCreateSchema = z.strictObject({
  url: z
    .string()
    .check(z.trim(), z.minLength(1, 'Enter the URL that receives the events.'), z.maxLength(2000)),
  events: z.array(webhookEventTypeSchema).check(
    z.minLength(1, 'Pick at least one event.'),
    z.refine((list) => new Set(list).size === list.length, 'Name each event once.'),
  ),
});
export type WebhookCreate = z.infer<typeof webhookCreateSchema>;

/** The endpoint with its signing secret: answered once, on creation and on rotation. */
export const webhookWithSecretSchema = z.object({
  endpoint: webhookEndpointSchema,
  /** `whsec_` + base64 of the key; keep it, it is not shown again. */
  secret: z.string().check(z.startsWith('whsec_')),
});
export type WebhookWithSecret = z.infer<typeof webhookWithSecretSchema>;

export const deliveryStatusSchema = z.enum(['pending', 'delivered', 'failed']);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

export const webhookDeliverySchema = z.object({
  /** The webhook-id header: the same on every attempt, and on "send again". */
  id: z.string(),
  endpointId: z.string(),
  type: webhookEventTypeSchema,
  /** The handoff (or run) the event is about. */
  subject: z.nullable(z.string()),
  status: deliveryStatusSchema,
  attempts: z.int().check(z.nonnegative()),
  createdAt: isoDate,
  lastAttemptAt: z.nullable(isoDate),
  nextAttemptAt: z.nullable(isoDate),
  deliveredAt: z.nullable(isoDate),
  /** The receiver's HTTP status on the last attempt; null when it did not answer. */
  lastResponseStatus: z.nullable(z.int()),
  /** What went wrong on the last attempt, or the start of the receiver's answer. */
  lastResponse: z.nullable(z.string()),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

export const webhookDeliveriesSchema = z.object({ items: z.array(webhookDeliverySchema) });

export const webhookDeliveriesQuerySchema = z.object({
  limit: z._default(z.int().check(z.gte(1), z.lte(500)), 100),
});

export const deliveryParams = z.object({ id: z.string(), deliveryId: z.string() });

/** What a receiver gets in the body: an agent event without its id (that is webhook-id). */
export const webhookMessageSchema = z.omit(agentEventSchema, { id: true });
export type WebhookMessage = z.infer<typeof webhookMessageSchema>;
