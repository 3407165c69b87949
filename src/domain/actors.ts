import type { Actor } from '../api/handoff-schemas';

/** The name of the built-in support AI: an agent like any other, with a key of this name. */
export const BUILT_IN_AGENT_NAME = 'Lumen AI agent';

/**
 * The built-in support AI as it appears in drafts and the audit trail: the agent named
 * BUILT_IN_AGENT_NAME (an agent's actor id is `agent:<name>`). The seeded items and every
 * arrival it writes are its own, so it answers their redirects like any agent answers its own.
 */
export const AI_ACTOR: Actor = {
  type: 'ai',
  id: `agent:${BUILT_IN_AGENT_NAME}`,
  name: BUILT_IN_AGENT_NAME,
};

/** The support AI's id in worlds stored before it was an agent (storage version 6 and older). */
export const LEGACY_AI_ID = 'ai';
