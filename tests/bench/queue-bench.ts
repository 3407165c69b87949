// `npm run bench`: how the reference backend's queue behaves at scale. Prints figures; asserts nothing.
import { performance } from 'node:perf_hooks';
import { Backend } from '../../mocks/core/backend';
import { generateWorld } from '../../mocks/seed/generate';
import { runBatchBench } from './batch-bench';
import { runServerBench } from './server-bench';

const COUNT = Number(process.env.BENCH_COUNT ?? 100_000);
const now = Date.parse('2026-11-25T09:00:00Z');

function time<T>(label: string, run: () => T): T {
  const start = performance.now();
  const result = run();
  console.log(`${label.padEnd(44)} ${(performance.now() - start).toFixed(1).padStart(9)} ms`);
  return result;
}

async function timeAsync<T>(label: string, run: () => Promise<T>, repeat = 1): Promise<T> {
  let result: T | undefined;
  const samples: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    result = await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)] ?? 0;
  const suffix = repeat > 1 ? ` (median of ${repeat}, max ${samples.at(-1)?.toFixed(1)} ms)` : '';
  console.log(`${label.padEnd(44)} ${median.toFixed(1).padStart(9)} ms${suffix}`);
  return result as T;
}

const request = (
  path: string,
  query: Record<string, string> = {},
  method = 'GET',
  body?: unknown,
) =>
  ({
    method,
    path,
    query: new URLSearchParams(query),
    headers: new Headers({ 'X-Actor-Id': 'u-chen', 'Idempotency-Key': crypto.randomUUID() }),
    body: body === undefined ? null : JSON.stringify(body),
  }) as const;

console.log(
  `Queue benchmark with ${COUNT.toLocaleString('en')} handoffs (Node ${process.version})\n`,
);
time('generate the seeded world', () => generateWorld({ count: COUNT, now: new Date(now) }));
const backend = await timeAsync('start the backend (seed + index)', () =>
  Backend.create({ count: COUNT, clock: () => now }),
);

type Page = { items: { id: string; version: number }[]; nextCursor: string | null; total: number };
const first = (
  await timeAsync('first page, priority order (cold)', () =>
    backend.handle(request('/handoffs', { limit: '100' })),
  )
).body as Page;
await timeAsync(
  'first page again (cached order)',
  () => backend.handle(request('/handoffs', { limit: '100' })),
  20,
);

let cursor = first.nextCursor;
await timeAsync(
  'next page by cursor',
  async () => {
    const page = (
      await backend.handle(request('/handoffs', { limit: '100', cursor: cursor ?? '' }))
    ).body as Page;
    cursor = page.nextCursor;
    return page;
  },
  50,
);
await timeAsync('filter: legal + policy keyword (cold)', () =>
  backend.handle(request('/handoffs', { category: 'legal', flag: 'policy_keyword', limit: '100' })),
);
await timeAsync('search "refund" (cold)', () =>
  backend.handle(request('/handoffs', { q: 'refund', limit: '100' })),
);
await timeAsync('sort by confidence (cold)', () =>
  backend.handle(request('/handoffs', { sort: 'confidence', limit: '100' })),
);
const claimed = (
  await timeAsync('claim next by priority', () =>
    backend.handle(request('/handoffs/claim-next', {}, 'POST', {})),
  )
).body as { id: string; version: number };
await timeAsync('reject it (write + audit)', () =>
  backend.handle(
    request(`/handoffs/${claimed.id}/decisions`, {}, 'POST', {
      action: 'reject',
      version: claimed.version,
      timeOnItemMs: 1000,
      reason: 'Benchmark rejection',
    }),
  ),
);
await timeAsync('first page after a write (re-sort)', () =>
  backend.handle(request('/handoffs', { limit: '100' })),
);
await timeAsync('dashboard, 24 h (cold: every item read once)', () =>
  backend.handle(request('/dashboard', { window: '24h' })),
);
const next = (await backend.handle(request('/handoffs/claim-next', {}, 'POST', {}))).body as {
  id: string;
  version: number;
};
await backend.handle(
  request(`/handoffs/${next.id}/release`, {}, 'POST', { version: next.version }),
);
await timeAsync('dashboard, 24 h (after a write)', () =>
  backend.handle(request('/dashboard', { window: '24h' })),
);
await timeAsync(
  'dashboard again (cached by revision)',
  () => backend.handle(request('/dashboard', { window: '24h' })),
  20,
);
await timeAsync('dashboard, 7 days (cold)', () =>
  backend.handle(request('/dashboard', { window: '7d' })),
);
console.log(`\n${first.total.toLocaleString('en')} open items in the default view; pages of 100.`);

/* ---------- percentiles beside the goals ---------- */

async function sample(
  runs: number,
  before: () => Promise<unknown>,
  measure: () => Promise<unknown>,
) {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    await before();
    const began = performance.now();
    await measure();
    out.push(performance.now() - began);
  }
  return out.sort((a, b) => a - b);
}
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
const fmt = (sorted: number[]) =>
  `${pct(sorted, 50).toFixed(1)} / ${pct(sorted, 95).toFixed(1)} / ${pct(sorted, 99).toFixed(1)}`;

/** One write as a reviewer makes it: claim the next item and release it again. */
async function aWrite() {
  const item = (await backend.handle(request('/handoffs/claim-next', {}, 'POST', {}))).body as {
    id: string;
    version: number;
  };
  await backend.handle(
    request(`/handoffs/${item.id}/release`, {}, 'POST', { version: item.version }),
  );
}
const page = () => backend.handle(request('/handoffs', { limit: '100' }));
const warm = await sample(100, async () => {}, page);
const afterWrite = await sample(100, aWrite, page);
const categories = ['billing', 'legal', 'shipping', 'technical', 'account'];
const flags = ['policy_keyword', 'low_confidence', 'high_value', 'anomaly'];
const words = ['refund', 'order', 'invoice', 'password', 'delivery', 'charge', 'late', 'broken'];
const coldQueries: Record<string, string>[] = [
  ...categories.flatMap((category) => flags.map((flag) => ({ category, flag }))),
  ...words.map((q) => ({ q })),
  ...categories.map((category) => ({ category, sort: 'dueAt' })),
  { sort: 'confidence', order: 'desc' },
  { slaAtRisk: 'true' },
  { assignee: 'unassigned', level: 'l1' },
];
let qi = 0;
const filtered = await sample(
  coldQueries.length,
  async () => {},
  () => backend.handle(request('/handoffs', { ...coldQueries[qi++]!, limit: '100' })),
);
const dashboardAfterWrite = await sample(30, aWrite, () =>
  backend.handle(request('/dashboard', { window: '24h' })),
);

const batch = await runBatchBench(backend);

console.log(`\nServer over HTTP and SQLite (${process.env.BENCH_SECONDS ?? 20} s write run)…`);
const server = await runServerBench();

const rows: [string, string, string, boolean][] = [
  ['queue page warm p50/p95/p99 ms', fmt(warm), 'p95 ≤ 10', pct(warm, 95) <= 10],
  [
    'queue page after a write p50/p95/p99 ms',
    fmt(afterWrite),
    'p95 ≤ 10',
    pct(afterWrite, 95) <= 10,
  ],
  [
    `filter or search, cold (${coldQueries.length} queries) ms`,
    fmt(filtered),
    'p95 ≤ 30',
    pct(filtered, 95) <= 30,
  ],
  [
    'dashboard 24 h after a write ms',
    fmt(dashboardAfterWrite),
    'p95 ≤ 20',
    pct(dashboardAfterWrite, 95) <= 20,
  ],
  [
    `queue grouping after a write, ${batch.items.toLocaleString('en')} items p50/p95 ms`,
    `${batch.groupP50.toFixed(1)} / ${batch.groupP95.toFixed(1)} (cpu ${batch.groupCpuP95.toFixed(1)})`,
    'p95 ≤ 50',
    batch.groupP95 <= 50,
  ],
  ['queue grouping, first answer (cold) ms', batch.featuresMs.toFixed(0), 'reported', true],
  ['queue grouping, no write between p95 ms', batch.endpointP95.toFixed(1), 'reported', true],
  [
    'queue grouping right after a batch p95 ms',
    batch.groupAfterBatchP95.toFixed(1),
    'reported',
    true,
  ],
  [
    '500-item batch decided on the server p50/p95 ms',
    `${batch.batchP50.toFixed(0)} / ${batch.batchP95.toFixed(0)} (cpu ${batch.batchCpuP95.toFixed(0)})`,
    'p95 ≤ 2000',
    batch.batchP95 <= 2000,
  ],
  [
    `decisions/s, ${process.env.BENCH_CLIENTS ?? 8} clients over HTTP`,
    server.decisionsPerSecond.toFixed(0),
    '≥ 1500',
    server.decisionsPerSecond >= 1500,
  ],
  [
    'decision p50 / p99 ms',
    `${server.decisionP50.toFixed(1)} / ${server.decisionP99.toFixed(1)}`,
    'p99 ≤ 20',
    server.decisionP99 <= 20,
  ],
  [
    'server CPU per decision (claim + decide) ms',
    server.cpuPerDecisionMs.toFixed(2),
    'reported',
    true,
  ],
  [
    'start on an existing database s',
    (server.restartMs / 1000).toFixed(2),
    '≤ 2',
    server.restartMs <= 2000,
  ],
  [
    'server RSS at start → after the run MB',
    `${server.rssStartMb.toFixed(0)} → ${server.rssEndMb.toFixed(0)}`,
    '≤ 400, flat',
    server.rssEndMb <= 400,
  ],
  ['seeding a new database s', (server.seedMs / 1000).toFixed(2), 'reported', true],
  ['database file MB', server.dbMb.toFixed(0), 'reported', true],
];
console.log(`\n${'figure'.padEnd(48)} ${'measured'.padEnd(22)} ${'goal'.padEnd(12)} ok`);
for (const [figure, measured, goal, ok] of rows)
  console.log(
    `${figure.padEnd(48)} ${measured.padEnd(22)} ${goal.padEnd(12)} ${ok ? 'yes' : 'NO'}`,
  );
