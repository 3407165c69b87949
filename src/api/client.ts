import { ApiError, readReply } from './errors';
import { type ChangeEvent, changeEventSchema } from './handoff-schemas';
import { ACTOR_HEADER, CLIENT_HEADER, IDEMPOTENCY_HEADER } from './headers';
import type { OperationName, Operations } from './operations';
import {
  type Operation,
  type OperationInput,
  type OperationOutput,
  pathOf,
} from './operations/define';
import { handoffOperations } from './operations/handoffs';
import { operationModuleOf, operationModules } from './operations/manifest';
import { peopleOperations } from './operations/people';
import { sessionOperations } from './operations/session';
import { encodeQuery } from './query-string';

export interface ApiClientOptions {
  baseUrl: string;
  /**
   * Who is acting, sent as X-Actor-Id where the backend believes it (the demo, an insecure
   * server); null when the session cookie says who is signed in.
   */
  getActorId: () => string | null;
  timeoutMs?: number;
  /**
   * Called when the server answers 401 (the session ended): resolves true once the person has
   * signed in again, and the interrupted request is then sent again, with the same idempotency
   * key, so a write is applied once.
   */
  onUnauthenticated?: () => Promise<boolean>;
}

export interface StreamOptions {
  /** Called once the server has accepted the stream. */
  onOpen?: () => void;
  /** Called for a message that is not a ChangeEvent; it is skipped. */
  onMalformed?: (detail: string) => void;
}

/** What a call of the operation takes: path parameters, query, body, idempotency key. */
type Args<O extends Operation> =
  Record<never, never> extends OperationInput<O>
    ? [input?: OperationInput<O>]
    : [input: OperationInput<O>];

/** Operations answered with one JSON reply (not a stream), by name. */
type CallableName = {
  [K in keyof Operations]: Operations[K] extends { events: unknown } ? never : K;
}[keyof Operations];

export type OperationMethods = {
  [K in CallableName]: (...args: Args<Operations[K]>) => Promise<OperationOutput<Operations[K]>>;
};

/*
 * The operations a first visit calls before its first rows (the session, who "me" is, the queue
 * and its change stream) come with the client, so those requests wait for no chunk; any other
 * operation's module, with its schemas, loads the first time one of its operations is called.
 */
const firstPaintOperations = { ...sessionOperations, ...peopleOperations, ...handoffOperations };
type FirstPaintName = keyof typeof firstPaintOperations;

const loaded = new Map<OperationName, Operation>(
  Object.entries(firstPaintOperations) as [OperationName, Operation][],
);

/** The operation named `name`, from the client or from its module once loaded. */
async function operationNamed(name: OperationName): Promise<Operation> {
  const known = loaded.get(name);
  if (known) return known;
  const table: Readonly<Record<string, Operation>> =
    await operationModules[operationModuleOf[name]]();
  for (const [each, op] of Object.entries(table)) loaded.set(each as OperationName, op);
  const op = loaded.get(name);
  if (!op) throw new Error(`The operation ${name} is not in its module.`);
  return op;
}

/*
 * The change stream's parser is not needed for the first rows: it is fetched once a client
 * exists, beside the first requests, and the stream (opened after the first screen) awaits it.
 */
let sseParser: Promise<typeof import('eventsource-parser')> | undefined;
function loadSseParser() {
  sseParser ??= import('eventsource-parser').catch((error: unknown) => {
    sseParser = undefined;
    throw error;
  });
  return sseParser;
}

type AnyInput = {
  params?: Record<string, string>;
  query?: Record<string, unknown>;
  body?: unknown;
  idempotencyKey?: string;
};

/**
 * The one way the UI talks to a backend. Every response is parsed by its schema, so a
 * malformed reply becomes an ApiError with a message rather than a crash further down.
 */
export function createApiClient({
  baseUrl,
  getActorId,
  timeoutMs = 15_000,
  onUnauthenticated,
}: ApiClientOptions) {
  const root = baseUrl.replace(/\/$/, '');
  loadSseParser().catch(() => undefined);

  /** Every request's identity headers: the client header always, the actor where it counts. */
  function identityHeaders(): Record<string, string> {
    const actorId = getActorId();
    return { [CLIENT_HEADER]: '1', ...(actorId ? { [ACTOR_HEADER]: actorId } : {}) };
  }

  async function call<O extends Operation>(
    op: O,
    ...[input]: Args<O>
  ): Promise<OperationOutput<O>> {
    try {
      return await send(op, input);
    } catch (error) {
      const signedOut =
        error instanceof ApiError &&
        error.status === 401 &&
        (op as Operation) !== firstPaintOperations.signIn;
      if (!signedOut || !onUnauthenticated || !(await onUnauthenticated())) throw error;
      return send(op, input);
    }
  }

  async function send<O extends Operation>(
    op: O,
    input: OperationInput<O> | undefined,
  ): Promise<OperationOutput<O>> {
    if (typeof navigator !== 'undefined' && navigator.onLine === false) {
      throw new ApiError({ kind: 'offline' });
    }
    const given = (input ?? {}) as AnyInput;
    const query = op.query ? encodeQuery(op.query, given.query) : null;
    const url = `${root}${pathOf(op, given.params)}${query?.size ? `?${query}` : ''}`;
    // Writes always carry a JSON body: an empty object when the operation takes none.
    const body = given.body ?? (op.write ? {} : undefined);
    const headers: Record<string, string> = { accept: 'application/json', ...identityHeaders() };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (given.idempotencyKey) headers[IDEMPOTENCY_HEADER] = given.idempotencyKey;

    let response: Response;
    try {
      response = await fetch(url, {
        method: op.method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        // The session cookie also travels to an API on another origin listed by the server.
        credentials: 'include',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      // By name, not instanceof: the DOMException class differs between realms (and test DOMs).
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      throw new ApiError({ kind: timedOut ? 'timeout' : 'network', cause: error });
    }

    const read = readReply(await replyOf(response), op.response ?? undefined);
    if (!read.ok) throw new ApiError(read.failure);
    return read.data as OperationOutput<O>;
  }

  /**
   * Reads the change stream until the server ends it (resolves) or it fails (rejects with an
   * ApiError). Abort `signal` to close it; an abort resolves quietly.
   */
  async function streamChanges(
    onEvent: (event: ChangeEvent) => void,
    signal: AbortSignal,
    {
      onOpen,
      onMalformed = (d) => console.warn(`Skipped a change event: ${d}`),
    }: StreamOptions = {},
  ): Promise<void> {
    const parserModule = loadSseParser();
    // Awaited once the stream is accepted; a stream that fails before then leaves it unread.
    parserModule.catch(() => undefined);
    let response: Response;
    try {
      response = await fetch(`${root}${firstPaintOperations.streamChanges.path}`, {
        headers: { accept: 'text/event-stream', ...identityHeaders() },
        credentials: 'include',
        signal,
        cache: 'no-store',
      });
    } catch (error) {
      if (signal.aborted) return;
      throw new ApiError({ kind: 'network', cause: error });
    }
    if (!response.ok || !response.body) {
      const read = readReply(await replyOf(response));
      throw new ApiError(
        read.ok ? { kind: 'http', status: response.status, body: 'empty' } : read.failure,
      );
    }
    if (!response.headers.get('content-type')?.startsWith('text/event-stream')) {
      await response.body.cancel().catch(() => undefined);
      throw new ApiError({
        kind: 'malformed',
        status: response.status,
        detail: 'The change stream is not text/event-stream.',
      });
    }
    let createParser: typeof import('eventsource-parser')['createParser'];
    try {
      ({ createParser } = await parserModule);
    } catch (error) {
      await response.body.cancel().catch(() => undefined);
      throw new ApiError({ kind: 'network', cause: error });
    }
    if (signal.aborted) {
      await response.body.cancel().catch(() => undefined);
      return;
    }
    onOpen?.();
    const parser = createParser({
      onEvent: ({ data }) => {
        let json: unknown;
        try {
          json = JSON.parse(data);
        } catch {
          onMalformed('not JSON');
          return;
        }
        const parsed = changeEventSchema.safeParse(json);
        if (!parsed.success) {
          const first = parsed.error.issues[0];
          onMalformed(first ? `${first.path.join('.') || 'event'}: ${first.message}` : 'bad shape');
          return;
        }
        onEvent(parsed.data);
      },
    });
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    const stop = () => void reader.cancel().catch(() => undefined);
    signal.addEventListener('abort', stop, { once: true });
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        parser.feed(decoder.decode(value, { stream: true }));
      }
    } catch (error) {
      if (signal.aborted) return;
      throw new ApiError({ kind: 'network', cause: error });
    } finally {
      signal.removeEventListener('abort', stop);
    }
  }

  const methods = Object.fromEntries(
    (Object.keys(operationModuleOf) as OperationName[])
      // The change stream is read with streamChanges, not called.
      .filter((name) => !loaded.get(name)?.events)
      .map((name) => {
        const known = loaded.get(name);
        const method = known
          ? (input?: AnyInput) => call(known, input as never)
          : async (input?: AnyInput) => call(await operationNamed(name), input as never);
        return [name, method];
      }),
  ) as unknown as OperationMethods;

  /** The address of an operation without parameters, for a browser navigation (sign-in). */
  const urlOf = (name: FirstPaintName) => `${root}${pathOf(firstPaintOperations[name])}`;

  return { ...methods, call, streamChanges, urlOf };
}

/** A reply's status, type and text, for `readReply`; a body that breaks off is a network failure. */
async function replyOf(response: Response) {
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw new ApiError({ kind: 'network', cause: error });
  }
  return { status: response.status, contentType: response.headers.get('content-type'), text };
}

export type ApiClient = ReturnType<typeof createApiClient>;
