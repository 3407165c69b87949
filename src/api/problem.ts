import './zod-config';
import type { z } from 'zod/mini';
import type { Handoff, Level, Problem, ProblemCode } from './handoff-schemas';

/* Building problem documents (RFC 9457). Shared so every backend speaks the same shape. */

export const problemTitles: Record<ProblemCode, string> = {
  validation: 'Some fields need attention',
  bad_request: 'The request could not be read',
  not_found: 'Not found',
  method_not_allowed: 'This method is not allowed here',
  unauthenticated: 'Sign-in required',
  forbidden: 'Not within your authority',
  not_claimant: 'Someone else holds this item',
  version_conflict: 'This item changed while you were working',
  illegal_transition: 'That action is not possible in this state',
  idempotency_mismatch: 'This request key was already used for a different request',
  queue_empty: 'Nothing left to claim',
  run_taken_over: 'A person took this work over',
  payload_too_large: 'The request is too large',
  rate_limited: 'Too many requests; try again shortly',
  unavailable: 'The service is unavailable',
  internal: 'Something went wrong on the server',
};

export const problemStatus: Record<ProblemCode, number> = {
  validation: 422,
  bad_request: 400,
  not_found: 404,
  method_not_allowed: 405,
  unauthenticated: 401,
  forbidden: 403,
  not_claimant: 409,
  version_conflict: 409,
  illegal_transition: 409,
  idempotency_mismatch: 422,
  queue_empty: 404,
  run_taken_over: 409,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export interface ProblemExtras {
  errors?: Problem['errors'];
  current?: Handoff;
  instance?: string;
  status?: number;
  requiredLevel?: Level;
}

export function makeProblem(
  code: ProblemCode,
  detail: string,
  extras: ProblemExtras = {},
): Problem {
  const { current, status, ...rest } = extras;
  return {
    type: `https://handoff-desk.dev/problems/${code.replace(/_/g, '-')}`,
    title: problemTitles[code],
    status: status ?? problemStatus[code],
    detail,
    code,
    ...rest,
    ...(current ? { current, currentVersion: current.version } : {}),
  };
}

/** Turns schema issues into field errors whose pointers name the request field. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[]): NonNullable<Problem['errors']> {
  const pointer = (path: readonly PropertyKey[]) => `/${path.map(String).join('/')}`;
  return issues.flatMap((issue) =>
    // An unknown field is an error at that field, not at the object holding it.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          pointer: pointer([...issue.path, key]),
          message: `Unknown field "${key}".`,
        }))
      : [{ pointer: pointer(issue.path), message: issue.message }],
  );
}
