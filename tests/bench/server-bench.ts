// `npm run bench:server`: the real HTTP server over SQLite at scale: seeding, restart, decisions
// per second from concurrent clients, and the server's memory before and after the write run.
// Prints figures; asserts nothing. BENCH_COUNT items, BENCH_SECONDS of writes, BENCH_CLIENTS.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const COUNT = Number(process.env.BENCH_COUNT ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
const PORT = Number(process.env.BENCH_PORT ?? 4311);
const dir = mkdtempSync(join(tmpdir(), 'handoff-bench-'));
const data = join(dir, 'world.sqlite');
const base = `http://127.0.0.1:${PORT}/api`;

/** Starts the server and resolves once it listens, with how long that took. */
function start(): Promise<{ child: ChildProcess; ms: number }> {
  const began = performance.now();
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'mocks/server/main.ts',
      `--port=${PORT}`,
      `--data=${data}`,
      `--seed-count=${COUNT}`,
      '--no-static',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('server on')) resolve({ child, ms: performance.now() - began });
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

const rssMb = (child: ChildProcess) => {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
};

let keys = 0;
async function call(method: string, path: string, actor: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      'x-actor-id': actor,
      'content-type': 'application/json',
      ...(method === 'GET' ? {} : { 'idempotency-key': `bench-${process.pid}-${++keys}` }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;

export interface ServerFigures {
  seedMs: number;
  restartMs: number;
  rssStartMb: number;
  rssEndMb: number;
  decisionsPerSecond: number;
  decisionP50: number;
  decisionP99: number;
  dbMb: number;
  seconds: number;
}

export async function runServerBench(): Promise<ServerFigures> {
  const seeded = await start();
  await stop(seeded.child);
  const { child, ms: restartMs } = await start();
  const rssStartMb = rssMb(child);
  const actor = 'u-dana';
  const pages = await call(
    'GET',
    '/handoffs?status=pending&assignee=unassigned&sort=createdAt&limit=500',
    actor,
  );
  const ids = (pages.body.items as { id: string; version: number }[]).map((i) => i.id);
  const latencies: number[] = [];
  const outcomes = new Map<number, number>();
  const until = performance.now() + SECONDS * 1000;
  let next = 0;
  const client = async () => {
    while (performance.now() < until) {
      const id = ids[next++ % ids.length]!;
      const item = await call('GET', `/handoffs/${id}`, actor);
      if (item.body.status !== 'pending' || item.body.assignee) {
        // Decided already: send a new arrival so the run never runs dry.
        const arrival = await call('POST', '/handoffs/arrivals', 'u-femi', {});
        const made = (arrival.body.item ?? arrival.body.handoff) as { id?: string } | undefined;
        if (made?.id) ids.push(made.id);
        continue;
      }
      const claimed = await call('POST', `/handoffs/${id}/claim`, actor, {
        version: item.body.version,
      });
      if (claimed.status !== 200) continue;
      const began = performance.now();
      const decided = await call('POST', `/handoffs/${id}/decisions`, actor, {
        action: 'reject',
        reason: 'Benchmark rejection',
        version: claimed.body.version,
        timeOnItemMs: 1000,
      });
      latencies.push(performance.now() - began);
      outcomes.set(decided.status, (outcomes.get(decided.status) ?? 0) + 1);
    }
  };
  const began = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const elapsed = (performance.now() - began) / 1000;
  const rssEndMb = rssMb(child);
  await stop(child);
  latencies.sort((a, b) => a - b);
  const decided = outcomes.get(200) ?? 0;
  console.log(
    `decision replies by status: ${[...outcomes].map(([s, n]) => `${s}×${n}`).join(', ')}`,
  );
  const dbMb =
    (statSync(data).size + (statSync(`${data}-wal`, { throwIfNoEntry: false })?.size ?? 0)) /
    2 ** 20;
  rmSync(dir, { recursive: true, force: true });
  return {
    seedMs: seeded.ms,
    restartMs,
    rssStartMb,
    rssEndMb,
    decisionsPerSecond: decided / elapsed,
    decisionP50: percentile(latencies, 50),
    decisionP99: percentile(latencies, 99),
    dbMb,
    seconds: elapsed,
  };
}
