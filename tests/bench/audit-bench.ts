// `npm run bench:audit`: the global audit log and the feedback export at scale. Prints figures.
import { performance } from 'node:perf_hooks';
import { Backend } from '../../mocks/core/backend';
import { EventLog } from '../../mocks/core/event-log';

const COUNT = Number(process.env.BENCH_COUNT ?? 100_000);
const now = Date.parse('2026-11-25T09:00:00Z');

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
  console.log(`${label.padEnd(48)} ${median.toFixed(1).padStart(9)} ms${suffix}`);
  return result as T;
}

const get = (path: string, query: Record<string, string> = {}) =>
  backend.handle({
    method: 'GET',
    path,
    query: new URLSearchParams(query),
    headers: new Headers({ 'X-Actor-Id': 'u-femi' }),
    body: null,
  });

type Page = { items: { id: string }[]; nextCursor: string | null; total: number };

console.log(
  `Audit log benchmark with ${COUNT.toLocaleString('en')} handoffs (Node ${process.version})\n`,
);
const backend = await timeAsync('start the backend (seed + event index)', () =>
  Backend.create({ count: COUNT, clock: () => now }),
);
console.log(`${backend.state.log.size.toLocaleString('en')} events in the log`);
await timeAsync('  of which building the event index', async () =>
  EventLog.from(backend.state.log.events),
);
console.log('');

const first = (
  await timeAsync('first page of 100, no filter (cold)', () => get('/audit', { limit: '100' }))
).body as Page;
await timeAsync('first page again', () => get('/audit', { limit: '100' }), 20);
let cursor = first.nextCursor;
await timeAsync(
  'next page by cursor',
  async () => {
    const page = (await get('/audit', { limit: '100', cursor: cursor ?? '' })).body as Page;
    cursor = page.nextCursor;
  },
  50,
);
const cases: [string, Record<string, string>][] = [
  ['filter: actor = Ana (cold: count + page)', { actorId: 'u-ana' }],
  ['filter: action = rejected', { action: 'rejected' }],
  ['filter: rule = policy_keyword', { rule: 'policy_keyword' }],
  ['filter: item #4521', { item: '4521' }],
  ['filter: last 24 hours', { from: new Date(now - 86_400_000).toISOString() }],
  ['search "refund" (cold)', { q: 'refund' }],
  ['search "zzz-nothing" (scans everything)', { q: 'zzz-nothing' }],
];
for (const [label, query] of cases) {
  const page = (await timeAsync(label, () => get('/audit', { ...query, limit: '100' })))
    .body as Page;
  await timeAsync(`  same, next page (total cached)`, () =>
    get('/audit', {
      ...query,
      limit: '100',
      ...(page.nextCursor ? { cursor: page.nextCursor } : {}),
    }),
  );
  console.log(`  ${page.total.toLocaleString('en')} matching`);
}
await timeAsync('export walk: 500 per page, action = approved', async () => {
  let c: string | null = null;
  let pages = 0;
  do {
    const page = (
      await get('/audit', { action: 'approved', limit: '500', ...(c ? { cursor: c } : {}) })
    ).body as Page;
    c = page.nextCursor;
    pages++;
  } while (c && pages < 40);
  console.log(`  (${pages} pages)`);
});
const feedback = (
  await timeAsync('feedback: first page of 100 (cold)', () => get('/feedback', { limit: '100' }))
).body as Page;
console.log(`  ${feedback.total.toLocaleString('en')} corrections`);
await timeAsync(
  'feedback: next page',
  () => get('/feedback', { limit: '100', cursor: feedback.nextCursor ?? '' }),
  10,
);
