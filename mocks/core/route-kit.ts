import type { z } from 'zod';
import { fieldErrors, makeProblem } from '../../src/api/problem';
import type { Actor, Handoff, Problem, User } from '../../src/api/schemas';
import type { ApiReply, Route } from './http-types';
import type { BackendServices } from './services';

export type { Ctx, Route } from './http-types';

/*
 * What a group of endpoints needs to declare itself: the backend matches the path, checks the
 * actor, and for writes parses the body, applies idempotency, commits and announces the change.
 */

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

export const personOf = (u: User): Actor => ({ type: 'person', id: u.id, name: u.name });
export const holderOf = (u: User) => ({ id: u.id, name: u.name });

/** Parses a write's body and finds its item: the steps every item write starts with. */
export function withItem<T>(
  s: Pick<BackendServices, 'world'>,
  schema: z.ZodType<T>,
  json: unknown,
  id: string,
  run: (body: T, h: Handoff) => ApiReply,
): ApiReply {
  const parsed = schema.safeParse(json);
  if (!parsed.success) return invalid(parsed.error);
  const h = s.world.handoffs.get(id);
  if (!h) return notFound(id);
  return run(parsed.data, h);
}
