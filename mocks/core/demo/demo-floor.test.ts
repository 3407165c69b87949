// @vitest-environment node
// The floor's arrivals are the built-in agent's: see mocks/demo-agent.test.ts.
import { defaultDemoSettings, demoSettingsSchema } from '../../../src/api/demo-schemas';
import { problemSchema } from '../../../src/api/handoff-schemas';
import { Backend } from '../backend';
import { callBackend as call } from '../test-items';
import { demoChaos } from './chaos';

const NOW = Date.parse('2026-11-25T09:00:00.000Z');
const make = (allowReset = true) => Backend.create({ count: 60, clock: () => NOW, allowReset });
const chaotic = { ...defaultDemoSettings, errorRate: 0.5, latencyMs: 0 };

describe('demo floor settings', () => {
  it('start at the seeded AI with no arrivals and no chaos', async () => {
    const reply = await call(await make(), 'GET', '/demo/settings');
    expect(demoSettingsSchema.parse(reply.body)).toEqual(defaultDemoSettings);
  });

  it('are saved, read back, and restored to the defaults by a reset', async () => {
    const backend = await make();
    const body = { ...defaultDemoSettings, arrivalsPerMinute: 12, aiQuality: 0.4 };
    expect((await call(backend, 'PUT', '/demo/settings', { body })).status).toBe(200);
    expect((await call(backend, 'GET', '/demo/settings')).body).toEqual(body);
    await backend.reset();
    expect((await call(backend, 'GET', '/demo/settings')).body).toEqual(defaultDemoSettings);
  });

  it('reject values out of range with a pointer to the field', async () => {
    const reply = await call(await make(), 'PUT', '/demo/settings', {
      body: { ...defaultDemoSettings, errorRate: 0.9, arrivalsPerMinute: -1 },
    });
    const problem = problemSchema.parse(reply.body);
    expect(reply.status).toBe(422);
    expect(problem.errors?.map((e) => e.pointer).sort()).toEqual([
      '/arrivalsPerMinute',
      '/errorRate',
    ]);
  });

  it('cannot be changed on a server that does not allow demo controls', async () => {
    const reply = await call(await make(false), 'PUT', '/demo/settings', {
      body: chaotic,
    });
    expect(reply.status).toBe(403);
    expect((await call(await make(false), 'GET', '/demo/settings')).body).toEqual(
      defaultDemoSettings,
    );
  });
});

describe('demo chaos', () => {
  it('fails a request with a 503 that says it was simulated, before anything changes', async () => {
    const backend = await make();
    await call(backend, 'PUT', '/demo/settings', { body: chaotic });
    const item = [...backend.state.handoffs.values()].find((h) => h.status === 'pending')!;
    const req = {
      method: 'POST',
      path: `/handoffs/${item.id}/claim`,
      query: new URLSearchParams(),
      headers: new Headers({ 'X-Actor-Id': 'u-ana', 'Idempotency-Key': 'chaos-1' }),
      body: JSON.stringify({ version: item.version }),
    };
    const failed = await demoChaos(backend.services, req, () => 0.1);
    expect(failed?.status).toBe(503);
    expect(problemSchema.parse(failed?.body).detail).toMatch(/simulated/i);
    expect(await demoChaos(backend.services, req, () => 0.6)).toBeNull();
    expect(backend.state.handoffs.get(item.id)?.status).toBe('pending');
  });

  it('never blocks the demo controls themselves, so chaos can be switched off', async () => {
    const backend = await make();
    await call(backend, 'PUT', '/demo/settings', { body: { ...chaotic, errorRate: 0.5 } });
    const req = {
      method: 'PUT',
      path: '/demo/settings',
      query: new URLSearchParams(),
      headers: new Headers({ 'X-Actor-Id': 'u-ana' }),
      body: null,
    };
    expect(await demoChaos(backend.services, req, () => 0)).toBeNull();
  });

  it('delays answers by the configured latency', async () => {
    const backend = await make();
    await call(backend, 'PUT', '/demo/settings', {
      body: { ...defaultDemoSettings, latencyMs: 120 },
    });
    const started = performance.now();
    expect((await call(backend, 'GET', '/me')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });
});
