/*
 * One request to the server with the agent's key: JSON in and out, an Idempotency-Key on
 * every write (the same on each retry, so a write lands once), and retries with backoff on
 * network failures, 429 and 5xx answers.
 */

export interface ConnectionOptions {
  /** The desk's address, e.g. https://desk.example.com (the API is under /api). */
  server: string;
  /** The agent's API key (`hd_…`), from a lead or `--agent-key`. */
  key: string;
  /** Another fetch (tests, proxies); the global one by default. */
  fetch?: typeof fetch;
  /** Attempts per request before giving up on transient failures. */
  retries?: number;
}

/** A problem the server answered (RFC 9457), with its status and fields. */
export class HandoffDeskError extends Error {
  override readonly name = 'HandoffDeskError';
  constructor(
    readonly status: number,
    readonly problem: { title?: string; detail?: string; code?: string; [k: string]: unknown },
  ) {
    super(
      `${status} ${problem.title ?? 'Request failed'}${problem.detail ? `: ${problem.detail}` : ''}`,
    );
  }
}

/** Waits `ms`, or rejects when `signal` aborts; its listener goes with it, so loops leak none. */
export const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** Exponential backoff with full jitter: 0.5 s, 1 s, 2 s … up to 30 s. */
export const backoff = (attempt: number) =>
  Math.random() * Math.min(30_000, 500 * 2 ** Math.min(attempt, 10));

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
}

export function connection(options: ConnectionOptions) {
  const base = `${options.server.replace(/\/$/, '')}/api`;
  const send = options.fetch ?? globalThis.fetch.bind(globalThis);
  const retries = options.retries ?? 5;

  return async function request<T>(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    { body, query, signal }: RequestOptions = {},
  ): Promise<T> {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) search.set(k, String(v));
    const url = `${base}${path}${search.size ? `?${search}` : ''}`;
    const headers: Record<string, string> = {
      authorization: `Bearer ${options.key}`,
      accept: 'application/json',
    };
    if (method !== 'GET') headers['idempotency-key'] = crypto.randomUUID();
    if (body !== undefined) headers['content-type'] = 'application/json';
    for (let attempt = 0; ; attempt++) {
      let reply: Response;
      try {
        reply = await send(url, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          signal,
        });
      } catch (error) {
        if (signal?.aborted || attempt >= retries) throw error;
        await sleep(backoff(attempt), signal);
        continue;
      }
      if ((reply.status === 429 || reply.status >= 500) && attempt < retries) {
        const after = Number(reply.headers.get('retry-after'));
        await reply.body?.cancel();
        await sleep(after > 0 ? after * 1000 : backoff(attempt), signal);
        continue;
      }
      const text = await reply.text();
      const json = text ? (JSON.parse(text) as unknown) : undefined;
      if (!reply.ok)
        throw new HandoffDeskError(reply.status, (json ?? {}) as HandoffDeskError['problem']);
      return json as T;
    }
  };
}

export type Request = ReturnType<typeof connection>;
