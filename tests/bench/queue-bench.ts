// `npm run bench`: how the reference backend's queue behaves at scale. Prints figures; asserts nothing.
import { performance } from 'node:perf_hooks';
import { Backend } from '../../mocks/core/backend';
import { generateWorld } from '../../mocks/seed/generate';

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
