// How the queue answers a reviewer who walks it with j: presses `j` repeatedly in the built demo
// and prints the time from key press to the next painted frame (p50/p95) and the DOM node count.
// Prints figures; asserts nothing.
//
//   npx vite build --mode demo
//   npx vite preview --mode demo --outDir dist-demo --port 4205 &
//   npx tsx tests/bench/queue-keys-bench.ts http://127.0.0.1:4205 [presses] [cpu-throttle]
import { chromium } from '@playwright/test';

const base = process.argv[2] ?? 'http://127.0.0.1:4173';
const presses = Number(process.argv[3] ?? 200);
const throttle = Number(process.argv[4] ?? 1);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');

await page.goto(`${base}/queue`);
const grid = page.getByRole('grid', { name: 'Handoffs' });
await grid.waitFor();
await page.getByRole('row').nth(2).waitFor();
await grid.focus();
if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });

async function nodes() {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const all = metrics.find((m) => m.name === 'Nodes')?.value ?? 0;
  const attached = await page.evaluate(() => document.getElementsByTagName('*').length);
  return { all, attached };
}

const busy = async () => {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
};
const before = await nodes();
const busyBefore = await busy();
const samples: number[] = [];
for (let i = 0; i < presses; i++) {
  // From the key press until the next row shows as highlighted and that frame is painted.
  // A string, so the bundler's helpers (tsx names functions) stay out of the page.
  const ms = await page.evaluate<number>(`new Promise((resolve) => {
    const grid = document.querySelector('[role="grid"]');
    const current = () => grid?.querySelector('[aria-selected="true"]')?.id ?? null;
    const was = current();
    const target = document.activeElement ?? document.body;
    const start = performance.now();
    target.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }));
    target.dispatchEvent(new KeyboardEvent('keyup', { key: 'j', bubbles: true }));
    const check = () => {
      if (current() !== was || performance.now() - start > 2000)
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
      else setTimeout(check, 0);
    };
    check();
  })`);
  samples.push(ms);
  await page.waitForTimeout(20);
}
const busyPerPress = ((await busy()) - busyBefore) / presses;
// Let a debounced URL update land before counting again.
await page.waitForTimeout(600);
const after = await nodes();
const url = new URL(page.url());

samples.sort((a, b) => a - b);
const at = (q: number) =>
  samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
console.log(`${presses} × j at CPU throttle ${throttle}x (${base})`);
console.log(
  `  p50 ${at(0.5).toFixed(1)} ms · p95 ${at(0.95).toFixed(1)} ms · max ${at(1).toFixed(1)} ms`,
);
console.log(
  `  DOM nodes (after GC) ${before.all} → ${after.all}; in the document ${before.attached} → ${after.attached}`,
);
console.log(`  main-thread busy per press ${busyPerPress.toFixed(1)} ms`);
console.log(`  selected in the URL: ${url.searchParams.get('selected')}`);
await browser.close();
