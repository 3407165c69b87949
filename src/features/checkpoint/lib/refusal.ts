import { ApiError } from '../../../api/errors';
import type { DecisionAction, Level, Problem } from '../../../api/handoff-schemas';
import { escalationTargets } from '../../../domain/levels';
import { errorsFromProblem, type FieldErrors } from './decision-input';

export type Failure = { kind: 'retryable' | 'forbidden' | 'other'; error: unknown };

/** Where "escalate" should point by default, and the note to start from. */
export interface EscalationSuggestion {
  level: Level;
  note: string;
}

const conflictCodes = new Set<Problem['code']>([
  'version_conflict',
  'not_claimant',
  'illegal_transition',
]);

/** How a refused write is shown: both versions, at the fields, or as a failure notice. */
export type Refusal =
  | { kind: 'conflict'; problem: Problem }
  | { kind: 'fields'; errors: FieldErrors }
  | { kind: 'approve'; message: string }
  | { kind: 'failure'; failure: Failure };

export function classifyRefusal(
  error: unknown,
  action: DecisionAction | 'claim' | 'release',
): Refusal {
  const problem = error instanceof ApiError ? error.problem : null;
  if (problem && conflictCodes.has(problem.code) && problem.current) {
    return { kind: 'conflict', problem };
  }
  if (problem?.code === 'forbidden')
    return { kind: 'failure', failure: { kind: 'forbidden', error } };
  if (problem?.code === 'validation' && action !== 'claim' && action !== 'release') {
    const errors = errorsFromProblem(problem);
    return action === 'approve'
      ? { kind: 'approve', message: Object.values(errors).join(' ') }
      : { kind: 'fields', errors };
  }
  return {
    kind: 'failure',
    failure: { kind: error instanceof ApiError && error.retryable ? 'retryable' : 'other', error },
  };
}

/** A 403 that names a level this item can be escalated to. */
export function refusedEscalation(
  failure: Failure | null,
  itemLevel: Level,
): EscalationSuggestion | null {
  if (failure?.kind !== 'forbidden' || !(failure.error instanceof ApiError)) return null;
  const level = failure.error.problem?.requiredLevel;
  if (!level || !escalationTargets(itemLevel).includes(level)) return null;
  return { level, note: failure.error.problem?.detail ?? '' };
}
