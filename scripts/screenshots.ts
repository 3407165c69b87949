/*
 * README screenshots of every screen, taken from the built demo so they stay current:
 *   npm run screenshots            (builds the demo first)
 *   npm run screenshots -- --no-build
 * Writes docs/screenshots/*.png. Drives the system Chromium (or CHROMIUM_PATH), like the e2e
 * journeys; serves dist-demo with vite preview on SCREENSHOT_PORT (4183).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';

const port = Number(process.env.SCREENSHOT_PORT ?? 4183);
const host = '127.0.0.1';
const origin = `http://${host}:${port}`;
const outDir = join(process.cwd(), 'docs', 'screenshots');

interface Shot {
  file: string;
  path: string;
  ready: (page: Page) => Promise<void>;
  theme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  /** After the screen is ready: open what the picture is about. */
  open?: (page: Page) => Promise<void>;
}

const h1 = (name: string) => (page: Page) =>
  page.getByRole('heading', { level: 1, name }).waitFor();
const firstRow = (grid: string) => (page: Page) =>
  page.getByRole('grid', { name: grid }).getByRole('row').nth(1).waitFor();
const dashboardReady = async (page: Page) => {
  await h1('Lead dashboard')(page);
  await page.locator('.dash-chart svg').first().waitFor();
};

const SHOTS: Shot[] = [
  { file: 'queue', path: '/queue', ready: firstRow('Handoffs') },
  {
    file: 'checkpoint',
    path: '/handoffs/h-4521',
    ready: (page) => page.getByRole('textbox', { name: 'Reply to customer' }).waitFor(),
  },
  { file: 'dashboard', path: '/dashboard', ready: dashboardReady },
  { file: 'post-hoc-review', path: '/review', ready: h1('Post-hoc review') },
  { file: 'audit-log', path: '/audit', ready: firstRow('Audit log, newest first') },
  { file: 'routing-policy', path: '/policy', ready: h1('Routing policy') },
  { file: 'demo-floor', path: '/demo', ready: h1('Demo floor') },
  { file: 'dashboard-dark', path: '/dashboard', ready: dashboardReady, theme: 'dark' },
  {
    file: 'dashboard-phone',
    path: '/dashboard',
    ready: dashboardReady,
    viewport: { width: 390, height: 844 },
  },
  {
    file: 'command-palette',
    path: '/handoffs/h-4521',
    ready: (page) => page.getByRole('textbox', { name: 'Reply to customer' }).waitFor(),
    open: async (page) => {
      await page.keyboard.press('Control+k');
      await page.getByRole('dialog', { name: 'Command palette' }).waitFor();
    },
  },
];

async function waitForServer(url: string, ms = 60_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s`);
}

async function main() {
  if (!process.argv.includes('--no-build')) {
    const build = spawnSync('npx', ['vite', 'build', '--mode', 'demo'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('The demo build failed.');
  }
  mkdirSync(outDir, { recursive: true });
  const preview: ChildProcess = spawn(
    'npx',
    [
      'vite',
      'preview',
      '--mode',
      'demo',
      '--outDir',
      'dist-demo',
      '--host',
      host,
      '--port',
      String(port),
      '--strictPort',
    ],
    { stdio: 'ignore', detached: true },
  );
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    await waitForServer(`${origin}/config.json`);
    for (const shot of SHOTS) {
      // A fresh world per picture, the tour already seen, the theme as asked.
      const context = await browser.newContext({
        baseURL: origin,
        viewport: shot.viewport ?? { width: 1280, height: 800 },
        colorScheme: shot.theme ?? 'light',
        reducedMotion: 'reduce',
      });
      await context.addInitScript(() => {
        window.localStorage.setItem(
          'handoff-desk.preferences',
          JSON.stringify({ state: { tourDone: true }, version: 0 }),
        );
      });
      const page = await context.newPage();
      await page.goto(shot.path);
      await shot.ready(page);
      await shot.open?.(page);
      // Let charts and live status settle.
      await page.waitForTimeout(500);
      const file = join(outDir, `${shot.file}.png`);
      await page.screenshot({ path: file });
      console.log(`wrote ${file}`);
      await context.close();
    }
  } finally {
    await browser.close();
    if (preview.pid) process.kill(-preview.pid, 'SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
