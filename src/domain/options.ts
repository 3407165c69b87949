import type { DraftVersion, Handoff, Option } from '../api/handoff-schemas';

/*
 * The AI offers its options with its first draft. Any later draft (a redirect's answer, a
 * retry after a failure) is written as one reply, from the reviewer's instructions or the
 * retried task, so it supersedes them: nothing is left to choose, and approving it needs no
 * option. The UI and the backend read the options through these two functions only, so they
 * cannot disagree on whether a choice is required.
 */

type OptionsOf = Pick<Handoff, 'drafts' | 'context'>;

/** The options a reviewer may choose between now: none once a newer draft replaced them. */
export function optionsInForce(h: OptionsOf): Option[] {
  return h.drafts.length > 1 ? [] : h.context.options;
}

/** The draft that superseded the AI's options, or null while they are in force (or none exist). */
export function optionsSupersededBy(h: OptionsOf): DraftVersion | null {
  if (h.context.options.length === 0 || h.drafts.length <= 1) return null;
  return h.drafts.at(-1) ?? null;
}
