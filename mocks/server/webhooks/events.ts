import type { AgentEvent } from '../../../src/api/agent-schemas';
import type { AuditEvent } from '../../../src/api/handoff-schemas';
import { agentEventsOf } from '../../core/agents/events';
import type { World } from '../../core/world';

/*
 * Which audit events are told to webhooks, and as what: the agent events the core derives
 * from them (handoffs created, decided, expired, escalated, redirected; runs lost or failed;
 * executions failed). The audit log is the source: every committed event is read from it in
 * order, so nothing is told twice or left out, even across a restart.
 */

/** The webhook messages one audit event makes: its agent events without their ids. */
export function webhookMessagesOf(world: World, event: AuditEvent): Omit<AgentEvent, 'id'>[] {
  return agentEventsOf(world, [event]).map(({ id: _id, ...message }) => message);
}
