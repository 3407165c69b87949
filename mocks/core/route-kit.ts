import type { z } from 'zod';
import { fieldErrors, makeProblem } from '../../src/api/problem';
import type { Problem, User } from '../../src/api/schemas';
import type { ApiReply, ApiRequest } from './http-types';

/*
 * What a group of endpoints needs to declare itself: the backend matches the path, checks the
 * actor, and for writes parses the body, applies idempotency, commits and announces the change.
 */

export type Ctx = { req: ApiRequest; user: User; json: unknown };

export type Route = {
  method: string;
  pattern: RegExp;
  /** Writes run serialised under an idempotency key and are committed before the reply. */
  write: boolean;
  run: (ctx: Ctx, params: string[]) => ApiReply | Promise<ApiReply>;
};

/** A path segment standing for one id; its decoded value reaches `run` as a param. */
export const ID = '([^/]+)';

export const route = (method: string, path: string, write: boolean, run: Route['run']): Route => ({
  method,
  pattern: new RegExp(`^${path}/?$`),
  write,
  run,
});

export const ok = (body: unknown, status = 200): ApiReply => ({ status, body });

export const problemReply = (p: Problem): ApiReply => ({
  status: p.status,
  body: p,
  headers: { 'content-type': 'application/problem+json' },
});

export const notFound = (id: string) =>
  problemReply(makeProblem('not_found', `No handoff with id "${id}".`));

/** 422 with a pointer per field, for a body or query that fails its schema. */
export const invalid = (error: z.ZodError, title = 'Some fields need attention.') =>
  problemReply(makeProblem('validation', title, { errors: fieldErrors(error.issues) }));
