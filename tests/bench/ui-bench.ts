// How the queue feels under the reviewer's fingers and on first load, beside the goals. Starts the
// built app on the reference server with a large seed, serves the keynav kit's vanilla baseline,
// and interleaves the kit's keypress benchmark between the two, so the ratio compares runs on the
// same machine at the same moment. Prints figures; asserts nothing.
//
//   npx vite build && npm run bench:ui -- [--items 100000] [--presses 300] [--reps 1] [--throttles 1,4]
//                                          [--app-port N] [--kit-port N] [--dist dist]
//
// BENCH_KIT points at the kit (default ../shared/bench); it is copied to a scratch folder and its
// harness dependencies installed there once. CHROMIUM_PATH as for the kit.
import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { gzipSync } from 'node:zlib';

const { values } = parseArgs({
  options: {
    items: { type: 'string', default: '100000' },
    presses: { type: 'string', default: '300' },
    reps: { type: 'string', default: '1' },
    throttles: { type: 'string', default: '1,4' },
    'first-load-runs': { type: 'string', default: '3' },
    // Fixed ports for a shared machine (0: any free port), and another build to compare against.
    'app-port': { type: 'string', default: '0' },
    'kit-port': { type: 'string', default: '0' },
    dist: { type: 'string', default: 'dist' },
  },
});
const items = Number(values.items);
const throttles = values.throttles.split(',').map(Number);
const kitSource = resolve(process.env.BENCH_KIT ?? '../shared/bench');
const host = '127.0.0.1';
const dist = values.dist;

if (!existsSync(join(dist, 'index.html')))
  throw new Error(`No build in ${dist}/: run \`npx vite build\` first.`);
if (!existsSync(join(kitSource, 'harness/keynav.mjs')))
  throw new Error(`No keynav kit at ${kitSource}: set BENCH_KIT.`);

/** The kit is read-only where it lives: work on a copy with its one dependency installed. */
function prepareKit() {
  const kit = join(tmpdir(), 'handoff-desk-bench-kit');
  if (!existsSync(join(kit, 'harness/node_modules/playwright-core'))) {
    rmSync(kit, { recursive: true, force: true });
    cpSync(kitSource, kit, { recursive: true });
    execFileSync('npm', ['ci', '--silent', '--no-audit', '--no-fund'], {
      cwd: join(kit, 'harness'),
      stdio: 'inherit',
    });
  }
  return kit;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createNetServer();
    s.once('error', fail);
    s.listen(0, host, () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => done(port));
    });
  });
}

const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };
function serveStatic(root: string, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    const path = join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!path.startsWith(root) || !existsSync(path)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
    res.end(readFileSync(path));
  });
  return new Promise((done) => server.listen(port, host, () => done(server)));
}

async function startApp(port: number, dataDir: string): Promise<ChildProcess> {
  const child = spawn(
    'npx',
    [
      'tsx',
      'mocks/server/main.ts',
      ...['--host', host, '--port', String(port)],
      ...['--data', join(dataDir, 'bench.sqlite'), '--seed-count', String(items)],
      ...['--static', dist],
      // The kit opens the queue with no sign-in: the app acts as the demo's reviewer.
      '--insecure-actor-header',
    ],
    { stdio: ['ignore', 'inherit', 'inherit'], detached: true },
  );
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://${host}:${port}/config.json`)).ok) return child;
    } catch {
      // Not listening yet: seeding a large world takes a while.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('The app server did not start within five minutes.');
}

interface KeynavResult {
  probe: { p50: number; p95: number; p99: number; max: number };
  notChanged: number;
  domNodes: number;
  jsHeapUsedAfterGcBytes: number;
}

// Asynchronous: the baseline's static server runs in this process and must keep answering.
const run = promisify(execFile);

async function keynav(kit: string, url: string, throttle: number): Promise<KeynavResult> {
  const out = join(kit, `result-${Date.now()}.json`);
  try {
    const { stdout } = await run(
      'node',
      [
        join(kit, 'harness/keynav.mjs'),
        url,
        ...['--presses', values.presses, '--throttle', String(throttle), '--out', out],
      ],
      { maxBuffer: 1 << 24 },
    );
    process.stdout.write(stdout);
  } catch (error) {
    // Exit code 3: some presses were not seen to change the selection; the figures still stand.
    const failed = error as { code?: unknown; stdout?: string };
    if (failed.code !== 3) throw error;
    process.stdout.write(failed.stdout ?? '');
  }
  return JSON.parse(readFileSync(out, 'utf8'));
}

/** Entry script plus everything index.html modulepreloads: what /queue costs before it runs. */
function initialJsKiB() {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
  const bytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dist, f))).length, 0);
  return Math.round((bytes / 1024) * 10) / 10;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const lines: string[] = [];
const report = (what: string, value: string, goal: string) =>
  lines.push(`${what.padEnd(46)} ${value.padEnd(22)} goal ${goal}`);

const kit = prepareKit();
const fixedPort = async (given: string) => Number(given) || (await freePort());
const [appPort, kitPort] = [
  await fixedPort(values['app-port']),
  await fixedPort(values['kit-port']),
];
const dataDir = mkdtempSync(join(tmpdir(), 'handoff-desk-bench-'));
const kitServer = await serveStatic(kit, kitPort);
const app = await startApp(appPort, dataDir);
try {
  const appUrl = `http://${host}:${appPort}/queue`;
  const vanillaUrl = `http://${host}:${kitPort}/vanilla/index.html?n=${items}`;
  for (const throttle of throttles) {
    const runs: { app: KeynavResult; vanilla: KeynavResult }[] = [];
    for (let rep = 0; rep < Number(values.reps); rep++) {
      const app = await keynav(kit, appUrl, throttle);
      runs.push({ app, vanilla: await keynav(kit, vanillaUrl, throttle) });
    }
    const ratio = median(runs.map((r) => r.app.probe.p95 / r.vanilla.probe.p95));
    const app95 = median(runs.map((r) => r.app.probe.p95));
    const van95 = median(runs.map((r) => r.vanilla.probe.p95));
    report(
      `j at ${items} items, ${throttle}x: p95 vs baseline`,
      `${app95} / ${van95} ms = ${ratio.toFixed(2)}x`,
      throttle === 1 ? '<= 1.3x' : '<= 1.5x',
    );
    report(
      `j at ${items} items, ${throttle}x: p99`,
      `${median(runs.map((r) => r.app.probe.p99))} ms`,
      throttle === 1 ? '(reported)' : '<= 80 ms',
    );
    report(
      `j at ${items} items, ${throttle}x: presses not shown`,
      String(Math.max(...runs.map((r) => r.app.notChanged))),
      '0',
    );
    report(
      `j at ${items} items, ${throttle}x: DOM nodes after presses`,
      `${median(runs.map((r) => r.app.domNodes))} (baseline ${median(runs.map((r) => r.vanilla.domNodes))})`,
      'flat',
    );
  }
  const { stdout: firstLoadOut } = await run('node', [
    join(kit, 'harness/firstload.mjs'),
    appUrl,
    ...['--runs', values['first-load-runs']],
  ]);
  const firstLoad = JSON.parse(firstLoadOut.trim().split('\n').at(-1) ?? '{}');
  report('cold first load: long tasks', `${firstLoad.longTasksMs} ms`, '<= 150 ms');
  report('cold first load: first row', `${firstLoad.firstRow} ms`, '(reported)');
  report('initial JS (entry + modulepreloads)', `${initialJsKiB()} KiB gzip`, '<= 120 KiB');
} finally {
  kitServer.close();
  if (app.pid) process.kill(-app.pid, 'SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(`\nHandoff Desk UI figures (${new Date().toISOString()})`);
for (const line of lines) console.log(line);
