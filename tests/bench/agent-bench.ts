import { Backend } from '../../mocks/core/backend';

/*
 * `npx tsx tests/bench/agent-bench.ts`: heartbeats per second the backend core holds with
 * 1,000 concurrent runs, and the outcome long-poll's wake-up latency (decision committed →
 * long-poll answered), in process with memory persistence.
 */

const backend = await Backend.create({ count: 100 });
let n = 0;
const call = (method: string, path: string, body: unknown, key?: string, actor?: string) => {
  const headers = new Headers({ 'Idempotency-Key': `bench-${++n}` });
  if (key) headers.set('Authorization', `Bearer ${key}`);
  if (actor) headers.set('X-Actor-Id', actor);
  return backend.handle({
    method,
    path,
    query: new URLSearchParams(method === 'GET' ? (body as Record<string, string>) : {}),
    headers,
    body: method === 'GET' ? null : JSON.stringify(body),
  });
};
const secret = 'hd_bench_0123456789abcdef';
await backend.registerAgentKey('Bench', secret);
const ticket = {
  customer: {
    id: 'c-b',
    name: 'B',
    email: 'b@example.com',
    tier: 'standard',
    lifetimeValue: 1,
    priorComplaints: 0,
  },
  channel: 'email',
  subject: 'Bench',
  body: 'Where is my parcel?',
  category: 'shipping',
  urgency: 'normal',
  language: 'en',
  attachments: 0,
};
const runs: string[] = [];
for (let i = 0; i < 1000; i++) {
  const r = await call('POST', '/agent/runs', { ticket, leaseSeconds: 600 }, secret);
  runs.push((r.body as { id: string }).id);
}
const started = performance.now();
let beats = 0;
while (performance.now() - started < 5000) {
  await Promise.all(
    runs.slice(0, 200).map((id) => call('POST', `/agent/runs/${id}/heartbeat`, {}, secret)),
  );
  runs.push(...runs.splice(0, 200));
  beats += 200;
}
console.log(
  `heartbeats/s with 1,000 runs: ${Math.round(beats / ((performance.now() - started) / 1000))}`,
);

const latencies: number[] = [];
for (let i = 0; i < 50; i++) {
  const created = await call(
    'POST',
    '/agent/handoffs',
    {
      ticket,
      draft: 'Your parcel is on its way.',
      confidence: 0.2,
      actions: [{ type: 'reply' }],
    },
    secret,
  );
  const h = (created.body as { handoff: { id: string; version: number } }).handoff;
  let decidedAt = 0;
  const poll = call('GET', `/handoffs/${h.id}/outcome`, { wait: '10' }, secret).then(
    () => performance.now() - decidedAt,
  );
  await new Promise((r) => setTimeout(r, 5));
  decidedAt = performance.now();
  await call(
    'POST',
    `/handoffs/${h.id}/decisions`,
    { action: 'reject', version: h.version, timeOnItemMs: 1000, reason: 'Bench rejection' },
    undefined,
    'u-elif',
  );
  latencies.push(await poll);
}
latencies.sort((a, b) => a - b);
const p = (q: number) => latencies[Math.floor(q * (latencies.length - 1))]!.toFixed(2);
console.log(`decision sent → waiting long-poll answered: p50 ${p(0.5)} ms, p95 ${p(0.95)} ms`);
process.exit(0);
