import type { Handoff, Step } from '../../src/api/handoff-schemas';
import { joinLetter, splitLetter } from '../seed/letter-parts';
import { reviseDraft } from './revise';

/*
 * The demo AI's answers to "try again" and "here is a task": no model, just rules a reviewer
 * can predict. A failure caused by a service that timed out or was unavailable clears on a
 * retry; a failure in the data itself (conflicting records, an unknown build, a locked
 * account) fails again the same way, because trying harder does not fix it.
 */

const transient = /timed out|timeout|\b5\d\d\b|unavailable|rate limit/i;

export function isTransientFailure(diagnosis: string): boolean {
  return transient.test(diagnosis);
}

export type RetryResult =
  | { ok: true; draft: string; step: Step }
  | { ok: false; diagnosis: string; step: Step };

/** One more attempt at a failed task, started and finished at `at` (the mock AI is instant). */
export function retryTask(item: Handoff, attempt: number, at: string): RetryResult {
  const diagnosis = item.context.diagnosis ?? 'The AI stopped without a diagnosis';
  const failedStep = item.context.steps.find((s) => s.outcome === 'failed');
  const step = (outcome: Step['outcome'], summary: string): Step => ({
    id: `${item.id}-r${attempt}`,
    type: failedStep?.type ?? 'tool_call',
    summary,
    startedAt: at,
    finishedAt: at,
    outcome,
  });
  if (!isTransientFailure(diagnosis)) {
    return {
      ok: false,
      diagnosis,
      step: step('failed', `Retry ${attempt} failed the same way: ${diagnosis.split(';')[0]}`),
    };
  }
  const letter = splitLetter(item.drafts.at(-1)?.text ?? '');
  letter.body = [
    `Thank you for your patience while we looked into “${item.ticket.subject}”. Our systems were briefly unavailable when we first checked, which is why you did not hear back straight away.`,
    "I've now been able to look at everything properly, and a member of our team will confirm the next step with you today. You don't need to do anything in the meantime.",
  ];
  return {
    ok: true,
    draft: joinLetter(letter),
    step: step('ok', `Retry ${attempt} succeeded: the service answered and the draft is complete`),
  };
}

/** The AI's draft for a task a reviewer handed it about `source`'s ticket. */
export function draftForTask(source: Handoff, instructions: string): string {
  const base = source.outcome?.finalText ?? source.drafts.at(-1)?.text ?? '';
  return reviseDraft(base, instructions, source.ticket);
}
