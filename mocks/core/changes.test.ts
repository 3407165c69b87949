// @vitest-environment node
import { type ChangeEvent, changeEventSchema } from '../../src/api/handoff-schemas';
import { Backend } from './backend';
import { KEEP_ALIVE_MS, openChangeStream } from './sse';
import { callBackend as call, plainItem } from './test-items';

const NOW = Date.parse('2026-11-25T09:00:00.000Z');

async function setup() {
  const backend = await Backend.create({ count: 120, clock: () => NOW });
  const events: ChangeEvent[] = [];
  const unsubscribe = backend.subscribe((e) => events.push(changeEventSchema.parse(e)));
  return { backend, events, unsubscribe };
}

describe('the change stream of the backend core', () => {
  it('announces a claim once, with the new version, status, holder and who did it', async () => {
    const { backend, events } = await setup();
    const item = plainItem(backend);
    const reply = await call(backend, 'POST', `/handoffs/${item.id}/claim`, {
      actor: 'u-ben',
      body: { version: item.version },
    });
    expect(reply.status).toBe(200);
    expect(events).toEqual([
      {
        type: 'handoff.changed',
        id: item.id,
        version: item.version + 1,
        status: 'claimed',
        assignee: { id: 'u-ben', name: 'Ben Okafor' },
        by: { id: 'u-ben', name: 'Ben Okafor' },
        at: new Date(NOW).toISOString(),
      },
    ]);
  });

  it('sends one event per item a write moves, with its new version and who moved it', async () => {
    const { backend, events } = await setup();
    const item = plainItem(backend);
    // A redirect moves the item once; the agent's new draft is a write of its own, later.
    await call(backend, 'POST', `/handoffs/${item.id}/decisions`, {
      body: {
        action: 'redirect',
        version: item.version,
        timeOnItemMs: 1000,
        acknowledgedFlags: [],
        instructions: 'Offer a refund instead of a voucher.',
      },
    });
    const current = backend.state.handoffs.get(item.id)!;
    expect(current.version).toBe(item.version + 1);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'handoff.changed',
      id: item.id,
      version: current.version,
      status: current.status,
      by: { id: 'u-ana' },
    });
  });

  it('stays silent for replays, refusals and reads', async () => {
    const { backend, events } = await setup();
    const item = plainItem(backend);
    const body = { version: item.version };
    await call(backend, 'POST', `/handoffs/${item.id}/claim`, { body, key: 'same' });
    expect(events).toHaveLength(1);
    const replay = await call(backend, 'POST', `/handoffs/${item.id}/claim`, { body, key: 'same' });
    expect(replay.headers?.['idempotent-replayed']).toBe('true');
    // A stale version is refused: nothing changed, nothing to tell.
    const stale = await call(backend, 'POST', `/handoffs/${item.id}/release`, { body });
    expect(stale.status).toBe(409);
    await call(backend, 'GET', `/handoffs/${item.id}`);
    expect(events).toHaveLength(1);
  });

  it('announces a reset, and an unsubscribed listener hears nothing more', async () => {
    const { backend, events, unsubscribe } = await setup();
    await call(backend, 'POST', '/demo/reset');
    expect(events).toEqual([{ type: 'world.reset', at: new Date(NOW).toISOString() }]);
    expect(backend.listenerCount).toBe(1);
    unsubscribe();
    expect(backend.listenerCount).toBe(0);
    const item = plainItem(backend);
    await call(backend, 'POST', `/handoffs/${item.id}/claim`, { body: { version: item.version } });
    expect(events).toHaveLength(1);
  });

  it('keeps the write when a listener throws', async () => {
    const { backend, events } = await setup();
    backend.subscribe(() => {
      throw new Error('broken stream');
    });
    const item = plainItem(backend);
    const reply = await call(backend, 'POST', `/handoffs/${item.id}/claim`, {
      body: { version: item.version },
    });
    expect(reply.status).toBe(200);
    expect(events).toHaveLength(1);
  });

  it('lets only a known person open the stream', async () => {
    const { backend } = await setup();
    expect(backend.authorizeStream({ headers: new Headers({ 'X-Actor-Id': 'u-ana' }) })).toBeNull();
    expect(
      backend.authorizeStream({ headers: new Headers({ 'X-Actor-Id': 'u-nobody' }) })?.status,
    ).toBe(401);
    expect(backend.authorizeStream({ headers: new Headers() })?.status).toBe(401);
  });
});

describe('the change stream wire format', () => {
  afterEach(() => vi.useRealTimers());

  it('opens with a comment, sends each change as data and a keep-alive every 15 s', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const backend = await Backend.create({ count: 120, clock: () => NOW });
    const chunks: string[] = [];
    const close = openChangeStream(backend, (c) => chunks.push(c));
    expect(chunks).toEqual([': connected\n\n']);

    const item = plainItem(backend);
    await call(backend, 'POST', `/handoffs/${item.id}/claim`, { body: { version: item.version } });
    expect(chunks[1]).toMatch(/^data: \{"type":"handoff\.changed".*\}\n\n$/);

    vi.advanceTimersByTime(KEEP_ALIVE_MS);
    expect(chunks[2]).toBe(': keep-alive\n\n');

    close();
    close();
    expect(backend.listenerCount).toBe(0);
    vi.advanceTimersByTime(KEEP_ALIVE_MS * 2);
    expect(chunks).toHaveLength(3);
  });
});
