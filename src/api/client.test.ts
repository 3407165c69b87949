import { delay, HttpResponse, http } from 'msw';
import { API_BASE, server } from '../../tests/msw';
import { createApiClient } from './client';
import { ApiError } from './errors';

const api = createApiClient({ baseUrl: API_BASE, getActorId: () => 'u-ana', timeoutMs: 300 });

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('API client', () => {
  it('returns parsed data from the backend', async () => {
    const item = await api.getHandoff({ params: { id: 'h-4521' } });
    expect(item.ticket.number).toBe(4521);
  });

  it('turns a problem document into a typed error with a human message', async () => {
    const error = await failure(api.getHandoff({ params: { id: 'h-missing' } }));
    expect(error.problem?.code).toBe('not_found');
    expect(error.human.title).toBe('Not found');
    expect(error.human.action).toMatch(/back to the queue/);
    expect(error.retryable).toBe(false);
  });

  it('reports a response of the wrong shape instead of passing it on', async () => {
    server.use(
      http.get(`${API_BASE}/handoffs/:id`, () =>
        HttpResponse.json({ id: 'h-1', status: 'nonsense' }),
      ),
    );
    const error = await failure(api.getHandoff({ params: { id: 'h-1' } }));
    expect(error.failure.kind).toBe('malformed');
    expect(error.human.title).toBe('The server and this app do not match');
    expect(error.human.details).toMatch(/^\w+: Invalid/);
    expect(error.retryable).toBe(false);
  });

  it('reports a successful body that is not JSON as a mismatch', async () => {
    server.use(
      http.get(`${API_BASE}/me`, () => new HttpResponse('<html>gateway</html>', { status: 200 })),
    );
    expect((await failure(api.getMe())).failure.kind).toBe('malformed');
  });

  it('explains a bare server error and marks it worth retrying', async () => {
    server.use(http.get(`${API_BASE}/me`, () => new HttpResponse(null, { status: 502 })));
    const error = await failure(api.getMe());
    expect(error.human.title).toBe('The server is unavailable (502 Bad Gateway)');
    expect(error.retryable).toBe(true);
  });

  it('reads an HTML or plain-text failure by its status, not as a mismatch', async () => {
    server.use(
      http.get(
        `${API_BASE}/me`,
        () =>
          new HttpResponse('<html><body>Bad gateway</body></html>', {
            status: 502,
            headers: { 'content-type': 'text/html' },
          }),
      ),
      http.get(`${API_BASE}/users`, () => new HttpResponse('oops', { status: 500 })),
    );
    const html = await failure(api.getMe());
    expect(html.failure).toEqual({ kind: 'http', status: 502, body: 'html' });
    expect(html.retryable).toBe(true);
    const text = await failure(api.listUsers());
    expect(text.failure).toEqual({ kind: 'http', status: 500, body: 'text' });
    expect(text.human.title).toBe('The server failed (500 Internal Server Error)');
  });

  it('gives up on a slow server with a timeout the reviewer can act on', async () => {
    server.use(
      http.get(`${API_BASE}/me`, async () => {
        await delay(2000);
        return HttpResponse.json({});
      }),
    );
    const error = await failure(api.getMe());
    expect(error.failure.kind).toBe('timeout');
    expect(error.human.action).toMatch(/kept on this device/);
  });

  it('reports a failed connection as a network error', async () => {
    server.use(http.get(`${API_BASE}/me`, () => HttpResponse.error()));
    const error = await failure(api.getMe());
    expect(error.failure.kind).toBe('network');
    expect(error.retryable).toBe(true);
  });

  it('says so when the device is offline, without calling the server', async () => {
    const spy = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const error = await failure(api.getMe());
    expect(error.failure.kind).toBe('offline');
    expect(error.human.title).toBe('You are offline');
    spy.mockRestore();
  });

  it('loads an operation outside the first screen when it is first called, and parses its reply', async () => {
    let reply: Record<string, unknown> = { items: [] };
    server.use(http.get(`${API_BASE}/webhooks`, () => HttpResponse.json(reply)));
    // The webhooks module is not part of the client until this call needs it.
    expect(await api.listWebhooks()).toEqual({ items: [] });
    reply = { items: [{ id: 'not a webhook' }] };
    expect((await failure(api.listWebhooks())).failure.kind).toBe('malformed');
  });

  it('sends the idempotency key and identity with a write', async () => {
    let seen: Headers | null = null;
    server.use(
      http.post(`${API_BASE}/handoffs/:id/claim`, ({ request }) => {
        seen = request.headers;
        return HttpResponse.json({}, { status: 500 });
      }),
    );
    await failure(
      api.claimHandoff({
        params: { id: 'h-4521' },
        body: { version: 1 },
        idempotencyKey: 'key-123',
      }),
    );
    expect(seen!.get('Idempotency-Key')).toBe('key-123');
    expect(seen!.get('X-Actor-Id')).toBe('u-ana');
  });
});

describe('API client: the change stream', () => {
  const sse = (chunks: string[]) =>
    new HttpResponse(
      new ReadableStream({
        start(controller) {
          const encoder = new TextEncoder();
          for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
          controller.close();
        },
      }),
      { headers: { 'content-type': 'text/event-stream' } },
    );

  it('parses each data message, skips and reports malformed ones', async () => {
    const good = {
      type: 'handoff.changed',
      id: 'h-1',
      version: 2,
      status: 'claimed',
      assignee: { id: 'u-ben', name: 'Ben Okafor' },
      by: { id: 'u-ben', name: 'Ben Okafor' },
      at: '2026-11-25T09:00:00.000Z',
    };
    server.use(
      http.get(`${API_BASE}/events`, () =>
        sse([
          ': connected\n\n',
          'data: not json\n\n',
          `data: ${JSON.stringify({ ...good, version: 'two' })}\n\n`,
          // A message split across chunks, as a network may deliver it.
          `data: ${JSON.stringify(good).slice(0, 20)}`,
          `${JSON.stringify(good).slice(20)}\n\n`,
          `data: ${JSON.stringify({ type: 'world.reset', at: '2026-11-25T09:00:01.000Z' })}\n\n`,
        ]),
      ),
    );
    const events: unknown[] = [];
    const malformed: string[] = [];
    let opened = false;
    await api.streamChanges((e) => events.push(e), new AbortController().signal, {
      onOpen: () => {
        opened = true;
      },
      onMalformed: (detail) => malformed.push(detail),
    });
    expect(opened).toBe(true);
    expect(events).toEqual([good, { type: 'world.reset', at: '2026-11-25T09:00:01.000Z' }]);
    expect(malformed).toEqual(['not JSON', expect.stringMatching(/^version:/)]);
  });

  it('fails with a typed error when the server refuses the stream', async () => {
    const anonymous = createApiClient({ baseUrl: API_BASE, getActorId: () => 'u-nobody' });
    const error = await failure(anonymous.streamChanges(() => {}, new AbortController().signal));
    expect(error.problem?.code).toBe('unauthenticated');
  });
});

describe('API client when the session ends', () => {
  it('waits for the person to sign in again, then sends the same write once more with its key', async () => {
    const keys: (string | null)[] = [];
    let signedIn = false;
    server.use(
      http.post(`${API_BASE}/handoffs/:id/claim`, ({ request }) => {
        keys.push(request.headers.get('idempotency-key'));
        if (!signedIn) {
          return HttpResponse.json(
            {
              type: 'about:blank',
              title: 'Sign-in required',
              status: 401,
              code: 'unauthenticated',
              detail: 'Sign in to continue.',
            },
            { status: 401, headers: { 'content-type': 'application/problem+json' } },
          );
        }
        return undefined;
      }),
    );
    const onUnauthenticated = vi.fn(async () => {
      signedIn = true;
      return true;
    });
    // An L2 specialist: #4521's legal hard stop keeps it from L1.
    const client = createApiClient({
      baseUrl: API_BASE,
      getActorId: () => 'u-chen',
      onUnauthenticated,
    });
    const item = await client.getHandoff({ params: { id: 'h-4521' } });
    const claimed = await client.claimHandoff({
      params: { id: item.id },
      body: { version: item.version },
      idempotencyKey: 'intent-1',
    });
    expect(claimed.assignee?.id).toBe('u-chen');
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
    expect(keys).toEqual(['intent-1', 'intent-1']);
  });

  it('fails as before when the person does not sign in', async () => {
    server.use(
      http.get(`${API_BASE}/me`, () =>
        HttpResponse.json(
          {
            type: 'about:blank',
            title: 'Sign-in required',
            status: 401,
            code: 'unauthenticated',
            detail: 'Sign in to continue.',
          },
          { status: 401, headers: { 'content-type': 'application/problem+json' } },
        ),
      ),
    );
    const client = createApiClient({
      baseUrl: API_BASE,
      getActorId: () => null,
      onUnauthenticated: async () => false,
    });
    const error = await failure(client.getMe());
    expect(error.status).toBe(401);
    expect(error.human.action).toMatch(/sign in again/i);
  });
});
