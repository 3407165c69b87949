import '../zod-config';
import { z } from 'zod/mini';
import { handoffSchema } from '../handoff-schemas';

/*
 * How one endpoint of the contract is described, once: the client, the OpenAPI document, the
 * backends' routing and the conformance suite all read these descriptions.
 */

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Who may call an operation: people (signed in), agents (with an API key), or both. */
export type PrincipalKind = 'person' | 'agent';

/** Problem statuses an operation may answer, with what each means there. */
export type Problems = Readonly<Partial<Record<number, string>>>;

export interface Operation {
  method: Method;
  /** Below the API base; a `{name}` segment is a path parameter. */
  path: string;
  summary: string;
  /** The path parameters, one string field per `{name}`. */
  params?: z.ZodMiniObject;
  query?: z.ZodMiniObject;
  body?: z.ZodMiniType;
  /** The success reply's JSON; null when it has no body. */
  response: z.ZodMiniType | null;
  /** The success status; 200 unless said otherwise (302: a browser navigation, not a call). */
  status?: 200 | 201 | 204 | 302;
  /** What the success reply is, for the document. */
  description: string;
  problems: Problems;
  /** Needs an Idempotency-Key; the backend serialises it and commits before replying. */
  write: boolean;
  /** The title of the 422 answering a query that fails its schema. */
  queryProblem?: string;
  /** A server-sent event stream; each `data:` is one of these. */
  events?: z.ZodMiniType;
  /** Who may call it; people only when omitted. */
  principals?: readonly PrincipalKind[];
}

/** Keeps each operation's literal types (write or not, which schemas) for the client. */
export const defineOperations = <const T extends Record<string, Operation>>(operations: T) =>
  operations;

/** The path parameter of every endpoint about one thing. */
export const idParams = z.object({ id: z.string() });

export const identityProblems = { 401: 'No or unknown identity' } as const;
export const itemProblems = { ...identityProblems, 404: 'No such item' } as const;
export const writeProblems = {
  ...itemProblems,
  400: 'Malformed JSON or missing Idempotency-Key',
  403: 'Outside the actor’s authority',
  409: 'Version conflict, held by someone else, or illegal transition; carries `current`',
  413: 'Body too large',
  422: 'Invalid fields (with JSON pointers) or a reused key with a different body',
} as const;

/** The operation's path with its parameters filled in and percent-encoded. */
export function pathOf(operation: Pick<Operation, 'path'>, params: Record<string, string> = {}) {
  return operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${operation.path} needs the parameter "${name}".`);
    return encodeURIComponent(value);
  });
}

/** The names of the operation's path parameters, in order. */
export const paramNames = (operation: Pick<Operation, 'path'>) =>
  [...operation.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

export type OperationInput<O extends Operation> = (O extends {
  params: infer P extends z.ZodMiniType;
}
  ? { params: z.input<P> }
  : unknown) &
  (O extends { query: infer Q extends z.ZodMiniType } ? { query: z.input<Q> } : unknown) &
  (O extends { body: infer B extends z.ZodMiniType } ? { body: z.input<B> } : unknown) &
  (O extends { write: true } ? { idempotencyKey: string } : unknown);

export type OperationOutput<O extends Operation> = O extends {
  response: infer R extends z.ZodMiniType;
}
  ? z.output<R>
  : undefined;

/** A read of one resource (GET, no parameters) that refuses only an unknown identity. */
export const read = <const P extends string, R extends z.ZodMiniType>(
  path: P,
  summary: string,
  response: R,
  description: string,
) => ({
  method: 'GET' as const,
  path,
  summary,
  response,
  description,
  problems: identityProblems,
  write: false as const,
});

/** A write to one item (POST/PUT /handoffs/{id}/x) that answers with the item as it now is. */
export const itemWrite = <const M extends Method, const P extends string, B extends z.ZodMiniType>(
  method: M,
  path: P,
  summary: string,
  body: B,
) => ({
  method,
  path,
  summary,
  params: idParams,
  body,
  response: handoffSchema,
  description: 'Done',
  problems: writeProblems,
  write: true as const,
});
