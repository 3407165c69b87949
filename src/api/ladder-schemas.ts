import { z } from 'zod/mini';
import { categorySchema, decisionActionSchema, levelSchema } from './handoff-schemas';
import { enumWithout } from './zod-config';

/* The escalation ladder: what each level may decide, approve and handle. */

/** The ladder's human levels: the AI never appears as an approver or escalation target. */
export const humanLevelSchema = enumWithout(levelSchema, ['ai']);
export type HumanLevel = z.infer<typeof humanLevelSchema>;

export const levelAuthoritySchema = z.object({
  level: levelSchema,
  /** Decisions a person at this level may make; the AI makes none. */
  actions: z.array(decisionActionSchema),
  /** Largest refund or credit (USD) this level may approve; null means no limit. */
  refundLimit: z.nullable(z.number().check(z.nonnegative())),
  /** Whether this level may approve a draft that grants an exception to policy. */
  canGrantExceptions: z.boolean(),
  categories: z.array(categorySchema),
  /** Time-to-response target; null for the AI, which answers at once. */
  responseTargetMinutes: z.nullable(z.int().check(z.positive())),
  /** What the context package must contain before an item is handed to this level. */
  requiredContext: z.array(z.string().check(z.minLength(1))),
});
export type LevelAuthority = z.infer<typeof levelAuthoritySchema>;

const limitRank = (limit: number | null) => limit ?? Number.POSITIVE_INFINITY;

/** Every level once, lowest first; authority never shrinks on the way up. */
export const ladderSchema = z.array(levelAuthoritySchema).check(
  z.superRefine((ladder, ctx) => {
    const levels = ladder.map((l) => l.level);
    if (levels.join() !== levelSchema.options.join()) {
      ctx.addIssue({
        code: 'custom',
        message: `The ladder must list ${levelSchema.options.join(', ')} once each, in that order.`,
      });
      return;
    }
    if ((ladder[0]?.actions.length ?? 0) > 0) {
      ctx.addIssue({
        code: 'custom',
        path: [0, 'actions'],
        message: 'The AI makes no decisions; a person does.',
      });
    }
    ladder.forEach((level, i) => {
      const below = ladder[i - 1];
      if (!below) return;
      if (limitRank(level.refundLimit) < limitRank(below.refundLimit)) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'refundLimit'],
          message: 'A level’s refund limit cannot be lower than the level below it.',
        });
      }
    });
  }),
);
export type Ladder = z.infer<typeof ladderSchema>;
