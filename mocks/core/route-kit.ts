import type { z } from 'zod/mini';
import type {
  Actor,
  Handoff,
  Problem,
  ProblemCode,
  Role,
  User,
} from '../../src/api/handoff-schemas';
import {
  type Operation,
  type OperationName,
  type Operations,
  operations,
} from '../../src/api/operations';
import { fieldErrors, makeProblem, type ProblemExtras } from '../../src/api/problem';
import { decodeQuery } from '../../src/api/query-string';
import type { ApiReply, Ctx, Route } from './http-types';
import type { BackendServices } from './services';

export type { Ctx, Route } from './http-types';

type Output<O, K extends string> = O extends { [P in K]: infer S extends z.ZodMiniType }
  ? z.output<S>
  : Record<string, never>;

/*
 * What a group of endpoints needs to declare itself: the backend matches the path, checks the
 * actor, and for writes parses the body, applies idempotency, commits and announces the change.
 */

/** What a handler of the operation gets: its path parameters and query already typed. */
export type HandlerCtx<O extends Operation> = Omit<Ctx, 'params' | 'query'> & {
  params: Output<O, 'params'>;
  query: Output<O, 'query'>;
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Matches the operation's path; each `{name}` segment is captured. */
export const pathPattern = (operation: Operation) =>
  new RegExp(
    `^${operation.path
      .split(/\{\w+\}/)
      .map(escapeRegExp)
      .join('([^/]+)')}/?$`,
  );

/**
 * Binds a handler to an operation of the contract: the method, path, parameters, query and
 * whether it is a write all come from the operation table.
 */
export function on<N extends OperationName>(
  name: N,
  run: (ctx: HandlerCtx<Operations[N]>) => ApiReply | Promise<ApiReply>,
): Route {
  const operation: Operation = operations[name];
  return {
    name,
    operation,
    method: operation.method,
    pattern: pathPattern(operation),
    write: operation.write,
    run: (ctx) => {
      if (!operation.query) return run(ctx as HandlerCtx<Operations[N]>);
      const parsed = decodeQuery(operation.query, ctx.req.query);
      if (!parsed.success) return invalid(parsed.error, operation.queryProblem);
      return run({ ...ctx, query: parsed.data } as HandlerCtx<Operations[N]>);
    },
  };
}

export const ok = (body: unknown, status = 200): ApiReply => ({ status, body });

export const problemReply = (p: Problem): ApiReply => ({
  status: p.status,
  body: p,
  headers: { 'content-type': 'application/problem+json' },
});

/** A refusal as a problem document: its code, what went wrong, and any extra members. */
export const refuse = (code: ProblemCode, detail: string, extras?: ProblemExtras) =>
  problemReply(makeProblem(code, detail, extras));

export const notFound = (id: string) =>
  problemReply(makeProblem('not_found', `No handoff with id "${id}".`));

/** 422 with a pointer per field, for a body or query that fails its schema. */
export const invalid = (error: z.core.$ZodError, title = 'Some fields need attention.') =>
  problemReply(makeProblem('validation', title, { errors: fieldErrors(error.issues) }));

/** Who may change how work is routed (the policy, the teams): the people accountable for the floor. */
export const floorEditors: readonly Role[] = ['lead', 'manager', 'executive'];

/** A refusal unless the user may change `what` (see floorEditors). */
export function refusedEditor(user: User, what: string): ApiReply | null {
  if (floorEditors.includes(user.role)) return null;
  return problemReply(
    makeProblem(
      'forbidden',
      `${user.name} is a ${user.role}; only a team lead, a manager or an executive may change ${what}.`,
    ),
  );
}

/** A 409 for a change made on a version of a versioned resource (the policy, the teams) that moved on. */
export const versionMoved = (what: string, current: number, seen: number, advice: string) =>
  problemReply({
    ...makeProblem(
      'version_conflict',
      `${what} moved on to version ${current} while you edited version ${seen}; ${advice}`,
    ),
    currentVersion: current,
  });

/** Parses a write's body for someone who may change `what` (see floorEditors): anyone else is refused first. */
export function editorWrite<T>(
  { user, json }: { user: User; json: unknown },
  what: string,
  schema: z.ZodMiniType<T>,
  run: (body: T) => ApiReply,
): ApiReply {
  const refused = refusedEditor(user, what);
  if (refused) return refused;
  const parsed = schema.safeParse(json);
  if (!parsed.success) return invalid(parsed.error);
  return run(parsed.data);
}

/**
 * A change to a versioned resource (the policy, the teams): an editor's write whose body names
 * the version it was made on, refused with a 409 when the resource has moved on since.
 */
export function versionedChange<T extends { version: number }>(
  ctx: { user: User; json: unknown },
  resource: {
    /** As the refusal names it: "the routing policy". */
    what: string;
    /** As the conflict names it: "The policy". */
    name: string;
    schema: z.ZodMiniType<T>;
    current: () => number;
    /** What to do after a conflict. */
    advice: string;
  },
  run: (body: T) => ApiReply,
): ApiReply {
  return editorWrite(ctx, resource.what, resource.schema, (body) => {
    const current = resource.current();
    if (body.version !== current) {
      return versionMoved(resource.name, current, body.version, resource.advice);
    }
    return run(body);
  });
}

/** A POST body for a read (a preview): parsed here, since only writes get a parsed body. */
export function readJsonBody(body: string | null): { json: unknown } | ApiReply {
  if (!body) return { json: {} };
  try {
    return { json: JSON.parse(body) };
  } catch {
    return problemReply(makeProblem('bad_request', 'The request body is not valid JSON.'));
  }
}

/** Parses the JSON body of a read (a preview) with its schema: the reply for a bad body, else `run`'s. */
export function withReadBody<T>(
  body: string | null,
  schema: z.ZodMiniType<T>,
  run: (data: T) => ApiReply,
): ApiReply {
  const read = readJsonBody(body);
  if (!('json' in read)) return read;
  const parsed = schema.safeParse(read.json);
  if (!parsed.success) return invalid(parsed.error);
  return run(parsed.data);
}

export const personOf = (u: User): Actor => ({ type: 'person', id: u.id, name: u.name });
export const holderOf = (u: User) => ({ id: u.id, name: u.name });

/** Parses a write's body and finds its item: the steps every item write starts with. */
export function withItem<T>(
  s: Pick<BackendServices, 'world'>,
  schema: z.ZodMiniType<T>,
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
