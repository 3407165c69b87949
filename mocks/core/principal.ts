import type { Actor, User } from '../../src/api/handoff-schemas';

/*
 * Who a request comes from, once a transport or the core established it: a person (signed in,
 * or named by the actor header where that is trusted) or an agent (by its API key). It imports
 * only the contract, so every layer of the backend can name it without a cycle.
 */

export interface AgentPrincipal {
  kind: 'agent';
  /** The agent's name: what the audit trail shows for everything it does. */
  name: string;
  /** The key it called with. */
  keyId: string;
}

/** A person is their user record; an agent is marked by `kind`. */
export type Principal = User | AgentPrincipal;

export const isAgent = (p: Principal | null | undefined): p is AgentPrincipal =>
  typeof p === 'object' && p !== null && 'kind' in p && p.kind === 'agent';

/** How an agent appears in drafts and the audit trail. */
export const agentActor = (agent: Pick<AgentPrincipal, 'name'>): Actor => ({
  type: 'ai',
  id: `agent:${agent.name}`,
  name: agent.name,
});

/** The agent's name when the actor is one, else null. */
export const agentNameOf = (actor: Actor): string | null =>
  actor.type === 'ai' && actor.id.startsWith('agent:') ? actor.name : null;

/**
 * Stands in for an agent wherever the core keys something by user (idempotency, rate limits):
 * never a person's id, and with the least a person could do.
 */
export const agentStandIn = (agent: AgentPrincipal): User => ({
  id: `agent:${agent.name}`,
  name: agent.name,
  role: 'reviewer',
  level: 'l1',
});
