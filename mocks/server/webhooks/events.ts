import type { AuditEvent, Handoff } from '../../../src/api/handoff-schemas';
import type { WebhookEventType } from '../../../src/api/webhook-schemas';

/*
 * Which audit events are told to webhooks, and as what. The audit log is the source: every
 * committed event is read from it in order, so nothing a person, an agent or the system did
 * is told twice or left out, even across a restart.
 */

const types: Partial<Record<AuditEvent['action'], WebhookEventType>> = {
  created: 'handoff.created',
  approved: 'handoff.decided',
  rejected: 'handoff.decided',
  expired: 'handoff.expired',
  escalated: 'handoff.escalated',
  redirected: 'handoff.redirected',
};

export const webhookTypeOf = (event: AuditEvent): WebhookEventType | null =>
  types[event.action] ?? null;

/** The message's `data`: the event as audited, the item as it now is, and the decision. */
export function webhookData(event: AuditEvent, handoff: Handoff | undefined) {
  const decided = event.action !== 'created';
  return {
    handoffId: event.handoffId,
    event,
    handoff: handoff ?? null,
    ...(decided
      ? {
          decision: {
            action: event.action,
            by: event.actor,
            at: event.at,
            version: event.version,
            reason: event.why.reason,
            diff: event.diff,
          },
        }
      : {}),
  };
}
