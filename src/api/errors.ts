import type { z } from 'zod/mini';
import { type Problem, problemSchema } from './handoff-schemas';

/** What the body of a failed reply was, when it was not a problem document. */
export type ReplyBody = 'empty' | 'html' | 'text' | 'json';

export type ApiFailure =
  | { kind: 'problem'; status: number; problem: Problem }
  /** A non-2xx reply without a problem document: an outage or a gateway, not the contract. */
  | { kind: 'http'; status: number; body: ReplyBody }
  /** A 2xx reply that does not fit the contract: the backend and this app disagree. */
  | { kind: 'malformed'; status: number; detail: string }
  | { kind: 'network'; cause?: unknown }
  | { kind: 'timeout'; cause?: unknown }
  | { kind: 'offline' };

/** What a person needs to hear about a failed request: what happened and what to do next. */
export interface ErrorMessage {
  title: string;
  detail: string;
  action: string;
  /** The technical particulars, for whoever runs the server: shown behind "Details". */
  details?: string;
}

export class ApiError extends Error {
  readonly failure: ApiFailure;

  constructor(failure: ApiFailure) {
    const message = describeFailure(failure);
    super(`${message.title}: ${message.detail}`);
    this.name = 'ApiError';
    this.failure = failure;
  }

  get problem(): Problem | null {
    return this.failure.kind === 'problem' ? this.failure.problem : null;
  }

  get status(): number | null {
    return 'status' in this.failure ? this.failure.status : null;
  }

  /** True when trying again later may succeed (nothing was decided by the server). */
  get retryable(): boolean {
    const { kind } = this.failure;
    return (
      kind === 'network' || kind === 'timeout' || kind === 'offline' || (this.status ?? 0) >= 500
    );
  }

  get human(): ErrorMessage {
    return describeFailure(this.failure);
  }
}

export type ReadReply<T> = { ok: true; data: T } | { ok: false; failure: ApiFailure };

/**
 * The one reading of a reply. A failed status is judged by its status alone (a problem document
 * adds the server's words): a gateway's HTML 502 or a plain-text 500 is an outage, whatever its
 * body. Only a successful status whose body does not fit the schema is a contract mismatch.
 */
export function readReply<T>(
  reply: { status: number; contentType: string | null; text: string },
  schema?: z.ZodMiniType<T>,
): ReadReply<T> {
  const { status, text } = reply;
  const json = parseJson(text);
  if (status < 200 || status > 299) {
    const problem = problemSchema.safeParse(json.value);
    if (json.ok && problem.success) {
      return { ok: false, failure: { kind: 'problem', status, problem: problem.data } };
    }
    return { ok: false, failure: { kind: 'http', status, body: bodyKind(reply, json.ok) } };
  }
  if (!json.ok) {
    const what = bodyKind(reply, false) === 'html' ? 'an HTML page' : 'text that is not JSON';
    return {
      ok: false,
      failure: { kind: 'malformed', status, detail: `The reply (${status}) is ${what}.` },
    };
  }
  if (!schema) return { ok: true, data: undefined as T };
  const parsed = schema.safeParse(json.value);
  if (parsed.success) return { ok: true, data: parsed.data };
  const first = parsed.error.issues[0];
  return {
    ok: false,
    failure: {
      kind: 'malformed',
      status,
      detail: first
        ? `${first.path.join('.') || 'response'}: ${first.message}`
        : 'Unexpected shape.',
    },
  };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; value: null } {
  if (!text) return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, value: null };
  }
}

function bodyKind(reply: { contentType: string | null; text: string }, json: boolean): ReplyBody {
  if (!reply.text.trim()) return 'empty';
  if (json) return 'json';
  const html =
    reply.contentType?.includes('html') || /^\s*<(!doctype|html|head|body)\b/i.test(reply.text);
  return html ? 'html' : 'text';
}

const statusNames: Record<number, string> = {
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

const statusLine = (status: number) =>
  statusNames[status] ? `${status} ${statusNames[status]}` : String(status);

const bodyWords: Record<ReplyBody, string> = {
  empty: 'with an empty body',
  html: 'with an HTML page',
  text: 'with plain text',
  json: 'with JSON that is not a problem document',
};

const actionFor: Partial<Record<Problem['code'], string>> = {
  validation: 'Correct the highlighted fields and try again.',
  version_conflict: 'Compare your version with the current one, then decide again.',
  not_claimant: 'Pick another item, or ask the holder to release it.',
  forbidden: 'Escalate to a level that has the authority.',
  illegal_transition: 'Reload the item to see its current state.',
  not_found: 'Go back to the queue; the item may have been removed.',
  unauthenticated: 'Sign in again; your unsent work is kept on this device.',
  queue_empty: 'Nothing is waiting for your level right now.',
  payload_too_large: 'Shorten the text and try again.',
};

export function describeFailure(f: ApiFailure): ErrorMessage {
  switch (f.kind) {
    case 'problem':
      return {
        title: f.problem.title,
        detail: f.problem.detail ?? '',
        action: actionFor[f.problem.code] ?? 'Try again in a moment.',
      };
    case 'http':
      return f.status >= 500 ? outage(f) : refusal(f);
    case 'malformed':
      return {
        title: 'The server and this app do not match',
        detail: 'The server answered, but not in the shape this version of the app expects.',
        action:
          'Reload the page to get the newest app; if it keeps happening, tell whoever runs the server that its version does not match.',
        details: f.detail,
      };
    case 'network':
      return {
        title: 'Could not reach the server',
        detail: 'The request did not get through.',
        action: 'Check your connection and try again. Your work is kept on this device.',
      };
    case 'timeout':
      return {
        title: 'The server took too long',
        detail: 'No answer arrived in time.',
        action: 'Try again. Your work is kept on this device.',
      };
    case 'offline':
      return {
        title: 'You are offline',
        detail: 'This device has no network connection.',
        action: 'Your work is kept on this device; try again when you are back online.',
      };
  }
}

/** Gateways answer these when the server behind them is down, restarting or overloaded. */
const gatewayStatuses = new Set([502, 503, 504]);

function outage(f: { status: number; body: ReplyBody }): ErrorMessage {
  const gateway = gatewayStatuses.has(f.status);
  return {
    title: gateway
      ? `The server is unavailable (${statusLine(f.status)})`
      : `The server failed (${statusLine(f.status)})`,
    detail: gateway
      ? 'The server, or a gateway in front of it, is down or restarting. Nothing is wrong with your work or this app.'
      : 'Something broke on the server while answering. Nothing is wrong with your work or this app.',
    action:
      'Try again in a moment; if this lasts more than a few minutes, tell whoever runs the server. Your work is kept on this device.',
    details: `The server answered ${statusLine(f.status)} ${bodyWords[f.body]}.`,
  };
}

function refusal(f: { status: number; body: ReplyBody }): ErrorMessage {
  return {
    title: `The request was refused (${statusLine(f.status)})`,
    detail: 'The server gave no explanation.',
    action: 'Reload the page and try again; if it keeps happening, tell whoever runs the server.',
    details: `The server answered ${statusLine(f.status)} ${bodyWords[f.body]}.`,
  };
}

export function toErrorMessage(error: unknown): ErrorMessage {
  if (error instanceof ApiError) return error.human;
  return {
    title: 'Something went wrong',
    detail: error instanceof Error ? error.message : String(error),
    action: 'Try again. If it keeps happening, reload the page.',
  };
}
