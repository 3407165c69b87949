// Run by `npm run bench`: the real HTTP server over SQLite at scale: seeding, restart, decisions
// per second from concurrent clients, and the server's memory before and after the write run.
// Prints figures; asserts nothing. BENCH_COUNT items, BENCH_SECONDS of writes, BENCH_CLIENTS.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const COUNT = Number(process.env.BENCH_COUNT ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
/** Undecided items read before the run: more than 8 clients decide in its seconds. */
const WORK_ITEMS = Number(process.env.BENCH_WORK ?? 40_000);
const PORT = Number(process.env.BENCH_PORT ?? 4311);
const PROFILE_DIR = process.env.BENCH_PROFILE;
const dir = mkdtempSync(join(tmpdir(), 'handoff-bench-'));
const data = join(dir, 'world.sqlite');
const base = `http://127.0.0.1:${PORT}/api`;

/** Starts the server and resolves once it listens, with how long that took. */
function start(): Promise<{ child: ChildProcess; ms: number }> {
  const began = performance.now();
  const child = spawn(
    process.execPath,
    [
      // BENCH_PROFILE=<dir>: the server writes a CPU profile there when it stops.
      ...(PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []),
      '--import',
      'tsx',
      'mocks/server/main.ts',
      `--port=${PORT}`,
      `--data=${data}`,
      `--seed-count=${COUNT}`,
      '--no-static',
      // The clients act as seeded reviewers by header, as the conformance suite's insecure run does.
      '--insecure-actor-header',
      // Eight clients write as one person; the per-identity write limit would measure itself.
      '--rate-limit=0',
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

/** CPU the process has used so far (user + system), in ms: less noisy than rates on a busy machine. */
const cpuMs = (child: ChildProcess) => {
  const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
  // The fields after the command's closing parenthesis; utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
};
/** Kernel clock ticks per second, as /proc reports CPU times (100 on Linux). */
const CLOCK_TICKS = 100;

const rssMb = (child: ChildProcess) => {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
};

let keys = 0;
/**
 * The clients share this machine with the server: node:http over kept-alive connections costs
 * them about a third of the CPU that fetch does, so the run measures the server more than them.
 */
const agent = new Agent({ keepAlive: true });
function call(
  method: string,
  path: string,
  actor: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const text = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string> = {
    'x-actor-id': actor,
    'content-type': 'application/json',
  };
  if (text !== undefined) headers['content-length'] = String(Buffer.byteLength(text));
  if (method !== 'GET') headers['idempotency-key'] = `bench-${process.pid}-${++keys}`;
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
        }),
      );
    });
    req.on('error', reject);
    req.end(text);
  });
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
  /** The server's CPU per decided item (its claim and its decision), in ms. */
  cpuPerDecisionMs: number;
  dbMb: number;
  seconds: number;
}

export async function runServerBench(): Promise<ServerFigures> {
  const seeded = await start();
  await stop(seeded.child);
  const { child, ms: restartMs } = await start();
  const rssStartMb = rssMb(child);
  const actor = 'u-dana';
  // Enough undecided work for the whole run, read up front by cursor: the run measures
  // claim + decide, and never runs dry or spends its time looking for work.
  const work: { id: string; version: number }[] = [];
  let cursor: string | null = null;
  do {
    const page = await call(
      'GET',
      `/handoffs?status=pending&assignee=unassigned&sort=createdAt&limit=500${
        cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
      }`,
      actor,
    );
    work.push(...(page.body.items as { id: string; version: number }[]));
    cursor = page.body.nextCursor as string | null;
  } while (cursor && work.length < WORK_ITEMS);
  const latencies: number[] = [];
  const outcomes = new Map<number, number>();
  const until = performance.now() + SECONDS * 1000;
  let next = 0;
  let ranDry = false;
  const client = async () => {
    while (performance.now() < until) {
      const item = work[next++];
      if (!item) {
        ranDry = true;
        return;
      }
      const claimed = await call('POST', `/handoffs/${item.id}/claim`, actor, {
        version: item.version,
      });
      if (claimed.status !== 200) continue;
      const began = performance.now();
      const decided = await call('POST', `/handoffs/${item.id}/decisions`, actor, {
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
  const cpuBefore = cpuMs(child);
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const elapsed = (performance.now() - began) / 1000;
  const cpuUsed = cpuMs(child) - cpuBefore;
  const rssEndMb = rssMb(child);
  await stop(child);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const decided = outcomes.get(200) ?? 0;
  console.log(
    `decision replies by status: ${[...outcomes].map(([s, n]) => `${s}×${n}`).join(', ')}` +
      ` (claim + decide per item, ${work.length.toLocaleString('en')} items read up front` +
      `${ranDry ? '; all were used before the time was up' : ''})`,
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
    cpuPerDecisionMs: decided > 0 ? cpuUsed / decided : 0,
    dbMb,
    seconds: elapsed,
  };
}
