import { HttpResponse, http } from 'msw';
import type { Backend } from './core/backend';

/**
 * The MSW face of the reference backend: one catch-all handler under the API base URL that
 * hands each request to the shared core. Tests prepend their own handlers with `use()` to
 * inject faults.
 */
export function createHandlers(backend: Backend | Promise<Backend>, baseUrl: string) {
  const basePath = new URL(baseUrl, 'http://base.invalid').pathname.replace(/\/$/, '');
  return [
    http.all(`${baseUrl.replace(/\/$/, '')}/*`, async ({ request }) => {
      const url = new URL(request.url);
      const body =
        request.method === 'GET' || request.method === 'HEAD' ? null : await request.text();
      const reply = await (await backend).handle({
        method: request.method,
        path: url.pathname.slice(basePath.length) || '/',
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
