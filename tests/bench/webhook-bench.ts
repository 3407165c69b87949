// `npx tsx tests/bench/webhook-bench.ts`: decision → webhook received on loopback, and
// deliveries per second. Prints figures; asserts nothing.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { handoffPageSchema } from '../../src/api/handoff-schemas';
import { operations, pathOf } from '../../src/api/operations';
import { removeDbFile, startServer, tempDbFile } from '../server/harness';

const DECISIONS = Number(process.env.BENCH_DECISIONS ?? 200);
const ENDPOINTS = Number(process.env.BENCH_ENDPOINTS ?? 10);

const arrived = new Map<string, number>();
let count = 0;
const receiver = createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => {
    body += c.toString('utf8');
  });
  req.on('end', () => {
    count++;
    const id = (JSON.parse(body) as { data: { handoff: { id: string } } }).data.handoff.id;
    if (!arrived.has(id)) arrived.set(id, performance.now());
    res.writeHead(204).end();
  });
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

const file = tempDbFile();
const server = await startServer(file, {
  count: DECISIONS * 8,
  http: { rateLimit: { limit: 0 } },
  webhooks: { allowPrivate: true },
});
const headers = (actor: string) => ({
  'X-Actor-Id': actor,
  'Idempotency-Key': crypto.randomUUID(),
  'content-type': 'application/json',
});
const api = (path: string) => `${server.baseUrl}${path}`;

async function items(limit: number) {
  const reply = await fetch(
    api(`${operations.listHandoffs.path}?status=pending&level=l1&assignee=unassigned&limit=500`),
    { headers: { 'X-Actor-Id': 'u-ana' } },
  );
  return handoffPageSchema.parse(await reply.json()).items.slice(0, limit);
}
async function reject(item: { id: string; version: number }) {
  const reply = await fetch(api(pathOf(operations.decideHandoff, { id: item.id })), {
    method: 'POST',
    headers: headers('u-ana'),
    body: JSON.stringify({
      action: 'reject',
      version: item.version,
      timeOnItemMs: 10_000,
      acknowledgedFlags: [],
      reason: 'Benchmark',
    }),
  });
  if (reply.status !== 200) throw new Error(`decision answered ${reply.status}`);
}
async function register() {
  const reply = await fetch(api(operations.createWebhook.path), {
    method: 'POST',
    headers: headers('u-femi'),
    body: JSON.stringify({ url: hook, events: ['handoff.decided'] }),
  });
  if (reply.status !== 201) throw new Error(`register answered ${reply.status}`);
}
const until = async (check: () => boolean) => {
  while (!check()) await new Promise((r) => setTimeout(r, 1));
};
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

// 1. Latency: one endpoint, one decision at a time.
await register();
const latencies: number[] = [];
const decideMs: number[] = [];
const pool = await items(DECISIONS * 2);
for (const item of pool.slice(0, DECISIONS)) {
  const started = performance.now();
  await reject(item);
  decideMs.push(performance.now() - started);
  await until(() => arrived.has(item.id));
  latencies.push(arrived.get(item.id)! - started);
}
latencies.sort((a, b) => a - b);
decideMs.sort((a, b) => a - b);
console.log(
  `decision → webhook received (loopback): p50 ${pct(latencies, 0.5).toFixed(1)} ms, p95 ${pct(latencies, 0.95).toFixed(1)} ms (${DECISIONS} decisions)`,
);
console.log(
  `decision answered: p50 ${pct(decideMs, 0.5).toFixed(1)} ms, p95 ${pct(decideMs, 0.95).toFixed(1)} ms`,
);

// 2. Throughput: more endpoints, decisions in a burst.
for (let i = 1; i < ENDPOINTS; i++) await register();
const burst = pool.slice(DECISIONS, DECISIONS * 2);
count = 0;
const started = performance.now();
for (const item of burst) await reject(item);
const expected = burst.length * ENDPOINTS;
await until(() => count >= expected);
const seconds = (performance.now() - started) / 1000;
console.log(
  `deliveries/s: ${(expected / seconds).toFixed(0)} (${expected} deliveries to ${ENDPOINTS} endpoints in ${seconds.toFixed(2)} s, 8 in flight)`,
);

await server.stop();
removeDbFile(file);
receiver.close();
