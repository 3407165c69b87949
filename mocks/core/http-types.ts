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
