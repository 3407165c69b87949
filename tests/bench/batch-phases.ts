// `npx tsx tests/bench/batch-phases.ts`: where the time of grouping the queue and of a 500-item
// batch goes, phase by phase, at BENCH_COUNT items. Prints figures; asserts nothing.
import { performance } from 'node:perf_hooks';
import { Backend } from '../../mocks/core/backend';
import { toSummary } from '../../mocks/core/list';
import { MAX_BATCH_ITEMS } from '../../src/api/batch-schemas';
import { groupableOf, groupSimilar } from '../../src/domain/similarity';

const count = Number(process.env.BENCH_COUNT ?? 100_000);
const now = Date.parse('2026-11-25T09:00:00Z');
const backend = await Backend.create({ count, clock: () => now });
const world = backend.state;

function phase<T>(label: string, run: () => T): T {
  const began = performance.now();
  const result = run();
  console.log(`${label.padEnd(52)} ${(performance.now() - began).toFixed(1).padStart(9)} ms`);
  return result;
}
async function phaseAsync<T>(label: string, run: () => Promise<T>): Promise<T> {
  const began = performance.now();
  const result = await run();
  console.log(`${label.padEnd(52)} ${(performance.now() - began).toFixed(1).padStart(9)} ms`);
  return result;
}

let keys = 0;
const request = (path: string, method = 'GET', body?: unknown) => ({
  method,
  path,
  query: new URLSearchParams(),
  headers: new Headers({ 'X-Actor-Id': 'u-elif', 'Idempotency-Key': `phase-${++keys}` }),
  body: body === undefined ? null : JSON.stringify(body),
});

console.log(`Batch review phases at ${count.toLocaleString('en')} items\n`);
const all = [...world.handoffs.values()];
const decidable = phase('select the decidable items', () =>
  all.filter((h) => ['pending', 'claimed', 'escalated'].includes(h.status)),
);
phase('summaries of the decidable items', () => decidable.map(toSummary));
const features = phase('similarity features of the decidable (cold)', () =>
  decidable.map(groupableOf),
);
const groups = phase('groupSimilar over them', () => groupSimilar(features));
console.log(`  ${decidable.length} decidable, ${groups.length} groups\n`);
await phaseAsync('GET /handoff-groups (cold)', () => backend.handle(request('/handoff-groups')));
await phaseAsync('GET /handoff-groups (warm)', () => backend.handle(request('/handoff-groups')));

const waiting = decidable.filter((h) => h.status === 'pending').slice(0, MAX_BATCH_ITEMS);
await phaseAsync('POST a 500-item batch (approve)', () =>
  backend.handle(
    request('/handoffs/batch-decisions', 'POST', {
      batchId: 'phase-1',
      decision: { action: 'approve' },
      items: waiting.map((h) => ({ id: h.id, version: h.version })),
      timeOnBatchMs: 600_000,
    }),
  ),
);
await phaseAsync('GET /handoff-groups (after the batch)', () =>
  backend.handle(request('/handoff-groups')),
);
