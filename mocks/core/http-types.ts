import type { User } from '../../src/api/schemas';

/** A transport-neutral request and reply, so MSW and a Node server can share one backend. */
export interface ApiRequest {
  method: string;
  /** Path below the API base, e.g. "/handoffs/h-4521". */
  path: string;
  query: URLSearchParams;
  headers: Headers;
  /** The raw body text, or null when there is none. */
  body: string | null;
}

export interface ApiReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** What a route sees of a request: the request, the person acting, the parsed JSON body. */
export type Ctx = { req: ApiRequest; user: User; json: unknown };

export type Route = {
  method: string;
  pattern: RegExp;
  /** Writes run serialised under an idempotency key and are committed before the reply. */
  write: boolean;
  run: (ctx: Ctx, params: string[]) => ApiReply | Promise<ApiReply>;
};
