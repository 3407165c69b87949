import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import type { Backend } from './tests/e2e/fixtures';
import { E2E_DATA_DIR_ENV } from './tests/e2e/global-teardown';

/*
 * End-to-end journeys in Chromium, in two projects:
 *   demo:   vite preview of dist-demo; the backend runs in the browser (MSW + IndexedDB), so a
 *           fresh browser context per test is a fresh world.
 *   server: the reference backend as a real HTTP server (SQLite) serving the production build
 *           from dist/ on the same origin; every test starts with POST /api/demo/reset.
 * Build both first: `vite build && vite build --mode demo`.
 * Playwright cannot download browsers here: it drives the system Chromium, or CHROMIUM_PATH.
 *
 * Ports: E2E_PORT (demo preview, 4173) and E2E_SERVER_PORT (HTTP server, 4174).
 * The server's SQLite file is new for every run, in its own folder under the system temp
 * folder, removed again by the global teardown.
 */
const demoPort = Number(process.env.E2E_PORT ?? 4173);
const serverPort = Number(process.env.E2E_SERVER_PORT ?? 4174);

// Chosen once in the runner process; its workers inherit it, so all agree on the path.
process.env[E2E_DATA_DIR_ENV] ??= join(tmpdir(), `handoff-desk-e2e-${process.pid}-${Date.now()}`);
const dataFile = join(process.env[E2E_DATA_DIR_ENV], 'e2e.sqlite');

const host = '127.0.0.1';

export default defineConfig<{ backend: Backend }>({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Both projects share one runner; the server's world is one per run, so tests go one by one.
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  // Playwright empties its output folder on start; a subfolder keeps the other suites' reports.
  outputDir: 'test-results/playwright',
  globalTeardown: './tests/e2e/global-teardown.ts',
  use: {
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    {
      name: 'demo',
      use: { backend: 'demo', baseURL: `http://${host}:${demoPort}` },
    },
    {
      name: 'server',
      use: { backend: 'server', baseURL: `http://${host}:${serverPort}` },
    },
  ],
  webServer: [
    {
      name: 'demo',
      command: `npx vite preview --mode demo --outDir dist-demo --host ${host} --port ${demoPort} --strictPort`,
      url: `http://${host}:${demoPort}/config.json`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      name: 'server',
      command: [
        'npx tsx mocks/server/main.ts',
        `--host ${host} --port ${serverPort}`,
        `--data ${JSON.stringify(dataFile)}`,
        '--allow-reset --seed-count 1200 --static dist',
        // These journeys switch people with Acting as; the sign-in journeys start their own
        // server without this flag.
        '--insecure-actor-header',
        // The webhook journeys' receiver listens on loopback; its retries come quickly.
        '--allow-private-webhooks --webhook-retry-scale 0.01',
      ].join(' '),
      url: `http://${host}:${serverPort}/config.json`,
      // Never someone else's server: ours has a fresh data file and allows resets.
      reuseExistingServer: false,
      timeout: 60_000,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
  ],
});
