// Batch review figures: grouping the queue and deciding a 500-item batch on the server.
import { performance } from 'node:perf_hooks';
import { Backend } from '../../mocks/core/backend';
import { MAX_BATCH_ITEMS } from '../../src/api/batch-schemas';

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;

export interface BatchFigures {
  items: number;
  featuresMs: number;
  groupP50: number;
  groupP95: number;
  /** The process's CPU time for the same requests: what the wall figure is on an idle machine. */
  groupCpuP95: number;
  /** Groups in the first answer. */
  groups: number;
  endpointP95: number;
  batchP50: number;
  batchP95: number;
  batchCpuP95: number;
  /** GET /handoff-groups right after a batch: regrouping what the batch touched. */
  groupAfterBatchP95: number;
  applied: number;
}

let keys = 0;
const request = (path: string, method = 'GET', body?: unknown, actor = 'u-elif') => ({
  method,
  path,
  query: new URLSearchParams(),
  headers: new Headers({ 'X-Actor-Id': actor, 'Idempotency-Key': `bench-${++keys}` }),
  body: body === undefined ? null : JSON.stringify(body),
});

/**
 * One write as a reviewer makes it, to a member of the largest group, whose class is the most
 * to regroup: the item is decided, so it leaves its group.
 */
async function aWrite(backend: Backend, id: string) {
  await backend.handle(
    request(`/handoffs/${id}/decisions`, 'POST', {
      action: 'reject',
      reason: 'Benchmark rejection',
      version: backend.state.handoffs.get(id)!.version,
      timeOnItemMs: 60_000,
    }),
  );
}

/**
 * Groups the backend's queue as a reviewer asks for it (GET /handoff-groups, each time after a
 * write) and decides batches of 500 on it.
 */
export async function runBatchBench(backend: Backend, runs = 20): Promise<BatchFigures> {
  const world = [...backend.state.handoffs.values()];
  // The first answer reads every waiting item's likeness once; later ones keep it.
  let began = performance.now();
  const cold = await backend.handle(request('/handoff-groups'));
  const featuresMs = performance.now() - began;
  const answer = cold.body as { groups: { items: { id: string; assignee: unknown }[] }[] };
  const groups = answer.groups.length;
  const touched = answer.groups[0]!.items.map((i) => i.id).reverse();

  const grouping: number[] = [];
  const groupingCpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    await aWrite(backend, touched[i % touched.length]!);
    began = performance.now();
    const cpu = process.cpuUsage();
    await backend.handle(request('/handoff-groups'));
    grouping.push(performance.now() - began);
    const used = process.cpuUsage(cpu);
    groupingCpu.push((used.user + used.system) / 1000);
  }
  grouping.sort((a, b) => a - b);
  groupingCpu.sort((a, b) => a - b);

  const endpoint: number[] = [];
  for (let i = 0; i < runs; i++) {
    began = performance.now();
    await backend.handle(request('/handoff-groups'));
    endpoint.push(performance.now() - began);
  }
  endpoint.sort((a, b) => a - b);

  const waiting = world.filter((h) => h.status === 'pending').map((h) => h.id);
  const batches: number[] = [];
  const afterBatch: number[] = [];
  const batchesCpu: number[] = [];
  let applied = 0;
  const batchRuns = Math.min(10, Math.floor(waiting.length / MAX_BATCH_ITEMS));
  for (let b = 0; b < batchRuns; b++) {
    const items = waiting.slice(b * MAX_BATCH_ITEMS, (b + 1) * MAX_BATCH_ITEMS).map((id) => ({
      id,
      version: backend.state.handoffs.get(id)!.version,
    }));
    began = performance.now();
    const cpu = process.cpuUsage();
    const reply = await backend.handle(
      request('/handoffs/batch-decisions', 'POST', {
        batchId: `bench-batch-${b}`,
        decision: {
          action: b % 2 ? 'reject' : 'approve',
          ...(b % 2 ? { reason: 'Bench batch' } : {}),
        },
        items,
        timeOnBatchMs: 600_000,
      }),
    );
    batches.push(performance.now() - began);
    const used = process.cpuUsage(cpu);
    batchesCpu.push((used.user + used.system) / 1000);
    applied += (reply.body as { applied: number }).applied;
    began = performance.now();
    await backend.handle(request('/handoff-groups'));
    afterBatch.push(performance.now() - began);
  }
  afterBatch.sort((a, b) => a - b);
  batchesCpu.sort((a, b) => a - b);
  batches.sort((a, b) => a - b);
  return {
    items: world.length,
    featuresMs,
    groupP50: pct(grouping, 50),
    groupP95: pct(grouping, 95),
    groupCpuP95: pct(groupingCpu, 95),
    groups,
    endpointP95: pct(endpoint, 95),
    batchP50: pct(batches, 50),
    batchP95: pct(batches, 95),
    batchCpuP95: pct(batchesCpu, 95),
    groupAfterBatchP95: pct(afterBatch, 95),
    applied,
  };
}

// `npx tsx tests/bench/batch-bench.ts` runs these figures alone (BENCH_COUNT items).
if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.env.BENCH_COUNT ?? 100_000);
  const now = Date.parse('2026-11-25T09:00:00Z');
  const backend = await Backend.create({ count, clock: () => now });
  const f = await runBatchBench(backend);
  console.log(JSON.stringify(f, null, 2));
}
