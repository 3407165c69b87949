// @vitest-environment node
import { createApiClient } from '../../src/api/client';
import { type ChangeEvent, type Handoff, problemSchema } from '../../src/api/handoff-schemas';
import { operations, pathOf } from '../../src/api/operations';
import {
  allowLoopback,
  call,
  type RunningServer,
  removeDbFile,
  startServer,
  tempDbFile,
} from './harness';

/*
 * The change stream over real HTTP: a text/event-stream response held open, one `data:` line
 * per change, closed on the server when the client goes away.
 */

let server: RunningServer;
const aborts: AbortController[] = [];

beforeEach(async () => {
  allowLoopback();
  server = await startServer(tempDbFile(), { count: 120 });
});

afterEach(async () => {
  for (const a of aborts.splice(0)) a.abort();
  await server.stop();
  removeDbFile(server.file);
});

function openStream(actor = 'u-ana') {
  const controller = new AbortController();
  aborts.push(controller);
  return {
    controller,
    response: fetch(`${server.baseUrl}${operations.streamChanges.path}`, {
      headers: { 'X-Actor-Id': actor, accept: 'text/event-stream' },
      signal: controller.signal,
    }),
  };
}

/** Reads the stream until `until` holds for the text so far (or 3 s pass). */
async function readUntil(response: Response, until: (text: string) => boolean): Promise<string> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + 3000;
  while (!until(text) && Date.now() < deadline) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  reader.releaseLock();
  return text;
}

function unclaimed(): Handoff {
  const h = [...server.backend.state.handoffs.values()].find(
    (x) => x.status === 'pending' && x.level === 'l1' && !x.assignee,
  );
  if (!h) throw new Error('seed has no unclaimed L1 item');
  return h;
}

describe('GET /events over HTTP', () => {
  it('streams a handoff.changed event when someone claims an item', async () => {
    const { response } = openStream();
    const res = await response;
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(await readUntil(res, (t) => t.includes(': connected'))).toContain(': connected\n\n');

    const h = unclaimed();
    const claim = await call(
      server.baseUrl,
      'POST',
      pathOf(operations.claimHandoff, { id: h.id }),
      {
        actor: 'u-femi',
        json: { version: h.version },
      },
    );
    expect(claim.status).toBe(200);

    const text = await readUntil(res, (t) => t.includes('\n\n') && t.includes('data:'));
    const line = text.split('\n').find((l) => l.startsWith('data: '));
    expect(JSON.parse(line!.slice('data: '.length))).toEqual({
      type: 'handoff.changed',
      id: h.id,
      version: h.version + 1,
      status: 'claimed',
      assignee: { id: 'u-femi', name: 'Femi Adeyemi' },
      by: { id: 'u-femi', name: 'Femi Adeyemi' },
      at: expect.any(String),
    });
  });

  it('is read by the typed client, and closes on the server when the client aborts', async () => {
    const api = createApiClient({ baseUrl: server.baseUrl, getActorId: () => 'u-ana' });
    const controller = new AbortController();
    aborts.push(controller);
    const events: ChangeEvent[] = [];
    let opened!: () => void;
    const open = new Promise<void>((resolve) => {
      opened = resolve;
    });
    const done = api.streamChanges((e) => events.push(e), controller.signal, { onOpen: opened });
    await open;
    await vi.waitFor(() => expect(server.backend.listenerCount).toBe(1));

    const h = unclaimed();
    await call(server.baseUrl, 'POST', pathOf(operations.claimHandoff, { id: h.id }), {
      actor: 'u-femi',
      json: { version: h.version },
    });
    await vi.waitFor(() => expect(events).toHaveLength(1));
    expect(events[0]).toMatchObject({ type: 'handoff.changed', id: h.id, status: 'claimed' });

    controller.abort();
    await done;
    await vi.waitFor(() => expect(server.backend.listenerCount).toBe(0));
  });

  it('refuses a stream without a known identity', async () => {
    const res = await fetch(`${server.baseUrl}${operations.streamChanges.path}`);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    expect(problemSchema.parse(await res.json()).code).toBe('unauthenticated');
  });
});
