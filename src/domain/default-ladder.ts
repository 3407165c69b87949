import { categorySchema, decisionActionSchema, type Level } from '../api/handoff-schemas';
import type { Ladder, LevelAuthority } from '../api/ladder-schemas';

const allButLegal = categorySchema.options.filter((c) => c !== 'legal');
const allActions = decisionActionSchema.options;

// Each level needs what the level below it needs, and more.
const l1Context = [
  'Original request',
  'AI steps',
  'Draft',
  'Confidence',
  'Flags with evidence',
  'Next action',
];
const l2Context = [...l1Context, 'Customer history', 'Policy references'];
const managerContext = [...l2Context, 'Escalation note', 'Financial impact'];
const executiveContext = [...managerContext, 'Manager recommendation'];

/** From L2 up a level takes every decision on every category and may grant exceptions. */
const fullAuthority = (
  level: Level,
  limits: Pick<LevelAuthority, 'refundLimit' | 'responseTargetMinutes' | 'requiredContext'>,
): LevelAuthority => ({
  level,
  actions: [...allActions],
  refundLimit: limits.refundLimit,
  canGrantExceptions: true,
  categories: [...categorySchema.options],
  responseTargetMinutes: limits.responseTargetMinutes,
  requiredContext: limits.requiredContext,
});

export const defaultLadder: Ladder = [
  {
    level: 'ai',
    actions: [],
    refundLimit: 0,
    canGrantExceptions: false,
    // The AI may send on its own only where the policy lets it, and never in legal matters.
    categories: allButLegal,
    responseTargetMinutes: null,
    requiredContext: [],
  },
  {
    level: 'l1',
    actions: [...allActions],
    refundLimit: 100,
    canGrantExceptions: false,
    categories: allButLegal,
    responseTargetMinutes: 60,
    requiredContext: l1Context,
  },
  fullAuthority('l2', { refundLimit: 500, responseTargetMinutes: 240, requiredContext: l2Context }),
  fullAuthority('manager', {
    refundLimit: 5000,
    responseTargetMinutes: 480,
    requiredContext: managerContext,
  }),
  fullAuthority('executive', {
    refundLimit: null,
    responseTargetMinutes: 1440,
    requiredContext: executiveContext,
  }),
];

/** One level's authority; the ladder schema guarantees every level is present. */
export function authorityOf(ladder: Ladder, level: Level): LevelAuthority {
  const found = ladder.find((l) => l.level === level);
  if (!found) throw new RangeError(`The ladder has no level "${level}".`);
  return found;
}
