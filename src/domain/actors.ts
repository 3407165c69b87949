import type { Actor } from '../api/handoff-schemas';

/**
 * The support AI as it appears in drafts and the audit trail. One identity, so the backend,
 * the seed and the UI all recognise the AI's own drafts and events by the same id.
 */
export const AI_ACTOR: Actor = { type: 'ai', id: 'ai', name: 'Support AI' };
