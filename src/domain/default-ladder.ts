import { categorySchema, decisionActionSchema, type Level } from '../api/handoff-schemas';
import type { Ladder, LevelAuthority } from '../api/ladder-schemas';

const allButLegal = categorySchema.options.filter((c) => c !== 'legal');
const allActions = decisionActionSchema.options;

const packageBasics = [
  'Original request',
  'AI steps',
  'Draft',
  'Confidence',
  'Flags with evidence',
  'Next action',
];

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
    requiredContext: packageBasics,
  },
  {
    level: 'l2',
    actions: [...allActions],
    refundLimit: 500,
    canGrantExceptions: true,
    categories: [...categorySchema.options],
    responseTargetMinutes: 240,
    requiredContext: [...packageBasics, 'Customer history', 'Policy references'],
  },
  {
    level: 'manager',
    actions: [...allActions],
    refundLimit: 5000,
    canGrantExceptions: true,
    categories: [...categorySchema.options],
    responseTargetMinutes: 480,
    requiredContext: [
      ...packageBasics,
      'Customer history',
      'Policy references',
      'Escalation note',
      'Financial impact',
    ],
  },
  {
    level: 'executive',
    actions: [...allActions],
    refundLimit: null,
    canGrantExceptions: true,
    categories: [...categorySchema.options],
    responseTargetMinutes: 1440,
    requiredContext: [
      ...packageBasics,
      'Customer history',
      'Policy references',
      'Escalation note',
      'Financial impact',
      'Manager recommendation',
    ],
  },
];

/** One level's authority; the ladder schema guarantees every level is present. */
export function authorityOf(ladder: Ladder, level: Level): LevelAuthority {
  const found = ladder.find((l) => l.level === level);
  if (!found) throw new RangeError(`The ladder has no level "${level}".`);
  return found;
}
