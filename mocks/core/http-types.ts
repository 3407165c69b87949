import type { User } from '../../src/api/handoff-schemas';
import type { Operation, OperationName } from '../../src/api/operations';
import type { Principal } from './principal';

/** A transport-neutral request and reply, so MSW and a Node server can share one backend. */
export interface ApiRequest {
  method: string;
  /** Path below the API base, e.g. "/handoffs/h-4521". */
  path: string;
  query: URLSearchParams;
  headers: Headers;
  /** The raw body text, or null when there is none. */
  body: string | null;
  /**
   * Who is acting, as the transport established it (a signed-in session). Set only by a
   * transport that authenticated the request; the core believes it and nothing else, unless
   * it was built to trust the actor header (the demo, or an explicitly insecure server).
   */
  principal?: Principal;
}

export interface ApiReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Ctx = {
  req: ApiRequest;
  /** The person acting; for an agent, a stand-in that no person-only endpoint ever sees. */
  user: User;
  /** Who is acting, person or agent, as authenticated. */
  principal: Principal;
  /** A write's parsed body; null for reads. */
  json: unknown;
  /** The path parameters, decoded. */
  params: Record<string, string>;
  /** The query, decoded and checked with the operation's query schema. */
  query: unknown;
};

export type Route = {
  name: OperationName;
  operation: Operation;
  method: string;
  pattern: RegExp;
  /** Writes run serialised under an idempotency key and are committed before the reply. */
  write: boolean;
  run: (ctx: Ctx) => ApiReply | Promise<ApiReply>;
};
