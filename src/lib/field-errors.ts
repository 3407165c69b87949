import '../api/zod-config';
import type { z } from 'zod/mini';
import { ApiError } from '../api/errors';

/** Messages by field name, plus one for the form as a whole when nothing more precise fits. */
export type FieldErrors = Record<string, string> & { form?: string };

/** The first message per top-level field of a schema's failed parse. */
export function zodFieldErrors(error: z.core.$ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? String(issue.path[0]) : 'form';
    out[field] ??= issue.message;
  }
  return out;
}

/**
 * Where a failed request's messages belong: a validation problem's pointers (`/id`) name the
 * field; anything else is said once for the form, in the server's words when it gave some.
 */
export function requestFieldErrors(error: unknown, fallback: string): FieldErrors {
  if (!(error instanceof ApiError)) return { form: fallback };
  const problem = error.problem;
  if (problem?.code === 'validation' && problem.errors?.length) {
    const out: FieldErrors = {};
    for (const e of problem.errors) {
      const field = e.pointer.split('/')[1] || 'form';
      out[field] ??= e.message;
    }
    return out;
  }
  if (problem) return { form: problem.detail ?? problem.title };
  return { form: error.human.title };
}
