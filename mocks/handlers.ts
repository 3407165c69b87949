import { HttpResponse, http } from 'msw';
import { operations } from '../src/api/operations';
import type { Backend } from './core/backend';
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

/** The change stream as a streamed response; it ends when the client cancels or aborts. */
function streamChanges(backend: Backend, request: Request): Response {
  const refused = backend.authorizeStream(request);
  if (refused) {
    return HttpResponse.json(refused.body as never, {
      status: refused.status,
      headers: refused.headers,
    });
  }
  const encoder = new TextEncoder();
  let close = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      close = openChangeStream(backend, (chunk) => {
        try {
          controller.enqueue(encoder.encode(chunk));
        } catch {
          close();
        }
      });
      request.signal.addEventListener('abort', () => {
        close();
        try {
          controller.close();
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

export function createHandlers(backend: Backend | Promise<Backend>, baseUrl: string) {
  const basePath = new URL(baseUrl, 'http://base.invalid').pathname.replace(/\/$/, '');
  return [
    // A RegExp rather than a path pattern: MSW decodes pattern parameters itself and would
    // throw on a malformed escape before the backend could answer it with a problem.
    http.all(underBase(baseUrl), async ({ request }) => {
      const url = new URL(request.url);
      const path = url.pathname.slice(basePath.length) || '/';
      if (request.method === 'GET' && path.replace(/\/$/, '') === operations.streamChanges.path) {
        return streamChanges(await backend, request);
      }
      const body =
        request.method === 'GET' || request.method === 'HEAD' ? null : await request.text();
      const reply = await (await backend).handle({
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
