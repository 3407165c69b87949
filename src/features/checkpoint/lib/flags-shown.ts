import type { DraftVersion, RuleFlag } from '../../../api/handoff-schemas';

/**
 * The flags as the reviewer reads them now. The "multiple valid options" flag asks them to
 * choose one; once a newer AI draft replaced the options there is nothing left to choose, and
 * the flag says so rather than asking for a choice the approval no longer needs.
 */
export function flagsShown(flags: RuleFlag[], supersededBy: DraftVersion | null): RuleFlag[] {
  if (!supersededBy) return flags;
  return flags.map((f) =>
    f.rule === 'multiple_options'
      ? {
          ...f,
          humanAction: `Nothing to choose now: AI draft ${supersededBy.number} replaced the options.`,
        }
      : f,
  );
}
