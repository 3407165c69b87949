import type { AgentEvent, AgentEventType } from '../../../src/api/agent-schemas';
import type { AuditEvent } from '../../../src/api/handoff-schemas';
import { agentNameOf } from '../principal';
import type { World } from '../world';
import { outcomeOfEvent } from './outcome';
import { runOfHandoff, runView } from './runs';

/*
 * What happened, for subscribers in the same process (the webhook sender): one event per
 * committed audit event that matters to an agent, derived after the commit, so a subscriber
 * never hears of a write that did not happen, and each event's id is its audit event's.
 */

export type AgentEventListener = (event: AgentEvent) => void;

export interface AgentEventPublisher {
  /** Hears every event from now on, in commit order. Returns the unsubscribe function. */
  subscribe(listener: AgentEventListener): () => void;
  publish(events: readonly AgentEvent[]): void;
}

export function agentEventPublisher(): AgentEventPublisher {
  const listeners = new Set<AgentEventListener>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    publish(events) {
      for (const event of events) {
        for (const listener of listeners) {
          try {
            listener(event);
          } catch (error) {
            // A failing subscriber must not break the commit it hears about, or the others.
            console.error('An agent event subscriber failed', error);
          }
        }
      }
    },
  };
}

const typeOf: Partial<Record<AuditEvent['action'], AgentEventType>> = {
  created: 'handoff.created',
  approved: 'handoff.decided',
  auto_approved: 'handoff.decided',
  rejected: 'handoff.decided',
  escalated: 'handoff.escalated',
  redirected: 'handoff.redirected',
  expired: 'handoff.expired',
  agent_lost: 'run.lost',
  execution_failed: 'execution.failed',
};

/** The agent events a commit's audit events make, in order. */
export function agentEventsOf(world: World, events: readonly AuditEvent[]): AgentEvent[] {
  const out: AgentEvent[] = [];
  for (const e of events) {
    let type = typeOf[e.action];
    // A run that failed opens a failed item; its creation is the run's failure.
    if (e.action === 'failed' && agentNameOf(e.actor)) type = 'run.failed';
    if (!type) continue;
    const h = world.handoffs.get(e.handoffId);
    if (!h) continue;
    const run = runOfHandoff(world, h.id);
    const owner = agentNameOf(h.drafts[0]!.author) ?? (run ? run.agent.name : null);
    const outcome = outcomeOfEvent(h, e);
    out.push({
      id: `evt-${e.id}`,
      type,
      timestamp: e.at,
      data: {
        handoff: h,
        ...(outcome ? { outcome } : {}),
        ...(run ? { run: runView(world, run) } : {}),
        agent: owner ? { id: `agent:${owner}`, name: owner } : null,
        detail: e.outcome,
      },
    });
  }
  return out;
}
