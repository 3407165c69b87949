import type { Flag, HandoffStatus } from '../../src/api/handoff-schemas';

/**
 * The one sentence the AI leaves for the human. It follows from the flags, most demanding
 * first, so the ask matches what the rules found rather than a generic "please review".
 */
export function nextActionFor(
  flags: readonly Flag[],
  status: HandoffStatus,
  optionsTopic: string | null,
): string {
  if (status === 'ai_working') {
    return 'Nothing yet: the AI is still working on this ticket and will hand it over once the draft is checked.';
  }
  const has = (rule: Flag['rule']) => flags.some((f) => f.rule === rule);
  if (has('task_failure'))
    return 'Troubleshoot from the diagnosis, then send the holding reply or take the ticket over.';
  if (has('multiple_options'))
    return `Review the draft and decide on ${optionsTopic ?? 'which option to send'}.`;
  if (has('policy_keyword')) {
    return 'Read the flagged wording and decide the response yourself; the AI will not send anything on its own.';
  }
  if (has('high_value'))
    return 'Approve the reply for this high-value customer at the required level.';
  if (has('low_confidence'))
    return 'Verify the facts in the draft before sending; the AI is unsure of its answer.';
  if (has('anomaly')) return 'Look closer at the unusual request before approving the draft.';
  return 'Approve the draft as written, or edit it before it goes out.';
}
