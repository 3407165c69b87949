import type { Flag, FlagRule, Option } from '../../../api/handoff-schemas';
import { flagRuleInfo } from '../../../domain/flags';

/** What the reviewer still has to do before the item can be approved. */
export function approveBlockers(
  flags: Flag[],
  acknowledged: ReadonlySet<FlagRule>,
  options: Option[],
  selectedOption: Option | null,
  /** The customer wrote after the draft and the reviewer has not ticked that they read it. */
  unreadFollowUp = false,
): string[] {
  return [
    ...flags
      .filter((f) => f.hardStop && !acknowledged.has(f.rule))
      .map(
        (f) =>
          `tick “I have reviewed” on the ${flagRuleInfo[f.rule].label.toLowerCase()} hard stop`,
      ),
    ...(options.length > 1 && !selectedOption
      ? [`choose one of the AI’s ${options.length} options`]
      : []),
    ...(unreadFollowUp ? ['tick “I’ve read the new message” from the customer'] : []),
  ];
}
