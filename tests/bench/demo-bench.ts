// Demo mode at scale: the in-browser backend runs in a worker, so the page's main thread should
// stay free while the world is written. Serves the demo build, seeds a world of --items, then
// claims and releases items through the app's own API (each write re-sorts the world) while a
// frame monitor on the page records the longest gap between frames. Prints figures; asserts nothing.
//
//   npm run bench:demo -- [--items 10000] [--writes 40] [--timeout 300]
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    items: { type: 'string', default: '10000' },
    writes: { type: 'string', default: '40' },
    timeout: { type: 'string', default: '300' },
  },
});
const root = resolve('dist-demo');
if (!existsSync(join(root, 'index.html')))
  throw new Error('No demo build in dist-demo/: run `npx vite build --mode demo` first.');

const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};
const server = createServer((req, res) => {
  const path = join(root, new URL(req.url ?? '/', 'http://x').pathname);
  const file = path.startsWith(`${root}/`) && existsSync(path) && extname(path) ? path : null;
  res.writeHead(200, { 'content-type': types[file ? extname(file) : '.html'] ?? 'text/plain' });
  res.end(readFileSync(file ?? join(root, 'index.html')));
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const address = server.address();
const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'],
});
const lines: string[] = [];
const report = (what: string, value: string, goal: string) =>
  lines.push(`${what.padEnd(48)} ${value.padEnd(18)} goal ${goal}`);
try {
  const page = await browser.newPage();
  // A world that never shows is explained by what the page said.
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') console.error(`[page] ${m.text()}`);
  });
  // tsx names functions with a helper the page lacks; evaluate() ships them as written.
  await page.addInitScript('globalThis.__name = (fn) => fn');
  page.on('pageerror', (e) => console.error(`[page] ${e.message}`));
  const seeded = Date.now();
  await page.goto(`${origin}/queue?demo-items=${values.items}`);
  await page
    .getByRole('row')
    .nth(3)
    .waitFor({ timeout: Number(values.timeout) * 1000 })
    .catch(async (error) => {
      await page.screenshot({ path: 'test-results/demo-bench-failure.png' });
      throw error;
    });
  report(
    `first rows of a fresh ${values.items}-item world`,
    `${Date.now() - seeded} ms`,
    '(reported)',
  );

  const figures = await page.evaluate(async (writes) => {
    const gaps: number[] = [];
    let last = performance.now();
    let watching = true;
    const frame = (now: number) => {
      gaps.push(now - last);
      last = now;
      if (watching) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    const headers = (extra: Record<string, string> = {}) => ({
      'content-type': 'application/json',
      'X-Actor-Id': 'u-chen',
      'X-Handoff-Desk-Client': '1',
      'Idempotency-Key': crypto.randomUUID(),
      ...extra,
    });
    const trips: number[] = [];
    for (let i = 0; i < writes; i++) {
      const started = performance.now();
      const claimed = await fetch('/api/handoffs/claim-next', {
        method: 'POST',
        headers: headers(),
      });
      const item = (await claimed.json()) as { id: string; version: number };
      await fetch(`/api/handoffs/${item.id}/release`, {
        method: 'POST',
        headers: headers(),
        body: JSON.stringify({ version: item.version }),
      });
      trips.push((performance.now() - started) / 2);
    }
    // Let the queue's own refetches after the last write settle inside the watch.
    await new Promise((r) => setTimeout(r, 1000));
    watching = false;
    const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
    const at = (xs: number[], q: number) =>
      sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? NaN;
    return {
      tripP50: at(trips, 0.5),
      tripP95: at(trips, 0.95),
      gapMax: Math.max(...gaps),
      gapP99: at(gaps, 0.99),
      frames: gaps.length,
    };
  }, Number(values.writes));
  const ms = (n: number) => `${Math.round(n * 10) / 10} ms`;
  report(
    'write round trip in the worker, p50 / p95',
    `${ms(figures.tripP50)} / ${ms(figures.tripP95)}`,
    '(off the main thread)',
  );
  report('main thread: longest gap between frames', ms(figures.gapMax), '<= 16 ms of backend work');
  report('main thread: p99 gap between frames', ms(figures.gapP99), '(reported)');
  report('frames watched during the writes', String(figures.frames), '(reported)');
} finally {
  await browser.close();
  server.close();
}
console.log(`\nHandoff Desk demo-mode figures (${new Date().toISOString()})`);
for (const line of lines) console.log(line);
