import type { Decision, DecisionRequest, Problem } from '../../../api/handoff-schemas';
import { decisionRequestSchema } from '../../../api/handoff-schemas';

/** Field names a decision form shows errors against; `form` is for anything else. */
export type DecisionField =
  | 'reason'
  | 'targetLevel'
  | 'note'
  | 'instructions'
  | 'finalText'
  | 'acknowledgedFlags'
  | 'selectedOptionId'
  | 'form';

export type FieldErrors = Partial<Record<DecisionField, string>>;

const known: readonly DecisionField[] = [
  'reason',
  'targetLevel',
  'note',
  'instructions',
  'finalText',
  'acknowledgedFlags',
  'selectedOptionId',
];

// Schema messages that read as developer text get a reviewer's wording instead.
const friendlier: Partial<Record<DecisionField, string>> = {
  targetLevel: 'Choose the level to escalate to.',
};

function fieldOf(pointerOrPath: string): DecisionField {
  const first = pointerOrPath.replace(/^\//, '').split('/')[0] ?? '';
  return (known as readonly string[]).includes(first) ? (first as DecisionField) : 'form';
}

function add(errors: FieldErrors, field: DecisionField, message: string) {
  // The first message per field is the one a person needs; more would be noise.
  if (!errors[field]) errors[field] = friendlier[field] ?? message;
}

/** Validates a decision with the contract's own schema, so the client and server agree. */
export function validateDecision(
  body: DecisionRequest,
): { ok: true; decision: Decision } | { ok: false; errors: FieldErrors } {
  const parsed = decisionRequestSchema.safeParse(body);
  if (parsed.success) return { ok: true, decision: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues)
    add(errors, fieldOf(issue.path.map(String).join('/')), issue.message);
  return { ok: false, errors };
}

/** Maps a 422's field errors (JSON pointers into the request) onto the form's fields. */
export function errorsFromProblem(problem: Problem): FieldErrors {
  const errors: FieldErrors = {};
  for (const e of problem.errors ?? []) {
    const field = fieldOf(e.pointer);
    // A server's message is specific; keep it rather than the generic wording.
    if (!errors[field]) errors[field] = e.message;
  }
  if (Object.keys(errors).length === 0) errors.form = problem.detail ?? problem.title;
  return errors;
}
