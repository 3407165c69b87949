import type { Level } from '../api/handoff-schemas';
import type { HumanLevel, Ladder } from '../api/ladder-schemas';
import { authorityOf } from './default-ladder';
import { ladder as levels, rank } from './levels';

/*
 * Where an escalation lands and how long that level has to answer. A person's escalation and
 * the system's SLA escalation both start the receiving level's clock from its response target,
 * so an item handed up with minutes left is not bounced straight on to the level above.
 */

/** The next human level up, or null at the top of the ladder. */
export function levelAbove(level: Level): HumanLevel | null {
  const next = levels.find((l) => l !== 'ai' && rank(l) > rank(level));
  return (next as HumanLevel | undefined) ?? null;
}

/** When an item handed to `level` at `now` is due: now plus the level's response target. */
export function responseDueAt(level: Level, now: number, ladder: Ladder): string {
  const minutes = authorityOf(ladder, level).responseTargetMinutes ?? 0;
  return new Date(now + minutes * 60_000).toISOString();
}
