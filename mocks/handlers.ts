import { HttpResponse, http } from 'msw';
import { operations } from '../src/api/operations';
import type { Backend } from './core/backend';
import type { ApiReply, ApiRequest } from './core/http-types';
import { openChangeStream, sseHeaders } from './core/sse';

/**
 * The MSW face of the reference backend: one catch-all handler under the API base URL that
 * hands each request to the shared core. Tests prepend their own handlers with `use()` to
 * inject faults.
 */
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Matches every URL under the base; a relative base matches under any origin. */
function underBase(baseUrl: string): RegExp {
  const base = baseUrl.replace(/\/$/, '');
  const absolute = /^[a-z]+:\/\//i.test(base);
  return new RegExp(
    `^${absolute ? escapeRegExp(base) : `[a-z]+://[^/]+${escapeRegExp(base)}`}/`,
    'i',
  );
}

/**
 * What the MSW face needs of a backend: the core in this thread, or a proxy to a core that runs
 * in a worker (the demo), so the page's main thread does none of the backend's work.
 */
export interface BackendFace {
  handle(req: ApiRequest): Promise<ApiReply>;
  /**
   * Opens the change stream, writing each chunk: the refusal when the caller may not read it,
   * otherwise the function that closes it.
   */
  openStream(
    headers: Headers,
    write: (chunk: string) => void,
  ): ApiReply | (() => void) | Promise<ApiReply | (() => void)>;
}

/** The core itself, in this thread (component tests). */
export function inProcess(backend: Backend): BackendFace {
  return {
    handle: (req) => backend.handle(req),
    openStream: (headers, write) =>
      backend.authorizeStream({ headers }) ?? openChangeStream(backend, write),
  };
}

/** The change stream as a streamed response; it ends when the client cancels or aborts. */
async function streamChanges(face: BackendFace, request: Request): Promise<Response> {
  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  const early: string[] = [];
  let close = () => {};
  const opened = await face.openStream(request.headers, (chunk) => {
    if (!controller) {
      early.push(chunk);
      return;
    }
    try {
      controller.enqueue(encoder.encode(chunk));
    } catch {
      close();
    }
  });
  if (typeof opened !== 'function') {
    return HttpResponse.json(opened.body as never, {
      status: opened.status,
      headers: opened.headers,
    });
  }
  close = opened;
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      for (const chunk of early.splice(0)) c.enqueue(encoder.encode(chunk));
      request.signal.addEventListener('abort', () => {
        close();
        try {
          c.close();
        } catch {
          // Already closed or errored.
        }
      });
    },
    cancel() {
      close();
    },
  });
  return new HttpResponse(stream, { headers: sseHeaders });
}

export function createHandlers(face: BackendFace | Promise<BackendFace>, baseUrl: string) {
  const basePath = new URL(baseUrl, 'http://base.invalid').pathname.replace(/\/$/, '');
  return [
    // A RegExp rather than a path pattern: MSW decodes pattern parameters itself and would
    // throw on a malformed escape before the backend could answer it with a problem.
    http.all(underBase(baseUrl), async ({ request }) => {
      const url = new URL(request.url);
      const path = url.pathname.slice(basePath.length) || '/';
      if (request.method === 'GET' && path.replace(/\/$/, '') === operations.streamChanges.path) {
        return streamChanges(await face, request);
      }
      const body =
        request.method === 'GET' || request.method === 'HEAD' ? null : await request.text();
      const reply = await (await face).handle({
        method: request.method,
        path,
        query: url.searchParams,
        headers: request.headers,
        body: body || null,
      });
      if (reply.body === undefined)
        return new HttpResponse(null, { status: reply.status, headers: reply.headers });
      return HttpResponse.json(reply.body as never, {
        status: reply.status,
        headers: reply.headers,
      });
    }),
  ];
}
