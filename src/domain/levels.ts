import type { Level } from '../api/handoff-schemas';

/* The escalation ladder: AI -> L1 -> L2 -> manager -> executive. */

export const ladder: readonly Level[] = ['ai', 'l1', 'l2', 'manager', 'executive'];

export const levelLabels: Record<Level, string> = {
  ai: 'AI',
  l1: 'L1 Support',
  l2: 'L2 Specialist',
  manager: 'Manager',
  executive: 'Executive',
};

export function rank(level: Level): number {
  return ladder.indexOf(level);
}

/** A person may act on items at their own level or below. */
export function hasAuthorityOver(actor: Level, item: Level): boolean {
  return rank(actor) >= rank(item);
}

/** Levels an item at `from` can be escalated to: strictly higher, never the AI. */
export function escalationTargets(from: Level): Level[] {
  return ladder.filter((l) => l !== 'ai' && rank(l) > rank(from));
}
