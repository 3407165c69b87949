import type { Page, Route } from '@playwright/test';
import { expect, test } from './fixtures';

/*
 * What a reviewer reads when the backend fails, per cause, in the built app. The demo's backend
 * answers inside the browser where `page.route` cannot see it, so these journeys point the
 * demo build at a backend address that `page.route` answers: a session and a person, and the
 * failure under test for the queue.
 */

const BASE = '/broken-api';
const ana = { id: 'u-ana', name: 'Ana Lima', role: 'reviewer', level: 'l1' };
const session = {
  mode: 'insecure-actor-header',
  user: null,
  expiresAt: null,
  methods: { password: false, oidc: null },
};

/** The app against a backend whose queue answers with `fail`; everything else it lacks is a 404. */
async function brokenQueue(page: Page, fail: (route: Route) => Promise<void>) {
  await page.route('**/config.json', (route) =>
    route.fulfill({ json: { apiBaseUrl: BASE, demo: false } }),
  );
  await page.route(`**${BASE}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname.slice(BASE.length);
    if (path === '/session') return route.fulfill({ json: session });
    if (path === '/me') return route.fulfill({ json: ana });
    if (path === '/users') return route.fulfill({ json: { items: [ana] } });
    if (path === '/handoffs') return fail(route);
    return route.fulfill({
      status: 404,
      contentType: 'application/problem+json',
      json: { type: 'about:blank', title: 'Not found', status: 404, code: 'not_found' },
    });
  });
}

/** What the app wrote to the console; the browser's own log of each failed request aside. */
function consoleOf(page: Page): string[] {
  const written: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    if (message.text().startsWith('Failed to load resource')) return;
    written.push(message.text());
  });
  page.on('pageerror', (error) => written.push(error.message));
  return written;
}

const html502 = (route: Route) =>
  route.fulfill({
    status: 502,
    contentType: 'text/html',
    body: '<!doctype html><html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>',
  });

const causes: {
  name: string;
  fail: (route: Route) => Promise<void>;
  title: string;
  details?: RegExp;
}[] = [
  {
    name: 'a gateway’s HTML 502',
    fail: html502,
    title: 'The server is unavailable (502 Bad Gateway)',
    details: /502 Bad Gateway with an HTML page/,
  },
  {
    name: 'a plain-text 500',
    fail: (route) =>
      route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' }),
    title: 'The server failed (500 Internal Server Error)',
    details: /500 Internal Server Error with plain text/,
  },
  {
    name: 'a refused connection',
    fail: (route) => route.abort('connectionrefused'),
    title: 'Could not reach the server',
  },
  {
    name: 'a reply of the wrong shape',
    fail: (route) => route.fulfill({ json: { items: 'not a list' } }),
    title: 'The server and this app do not match',
    details: /items: /,
  },
];

test.describe('error states', () => {
  test.beforeEach(({ backend }) => {
    test.skip(backend !== 'demo', 'the demo build, pointed at a backend that page.route answers');
  });

  for (const cause of causes) {
    test(`the queue explains ${cause.name} in words, the particulars behind Details`, async ({
      page,
    }) => {
      test.slow();
      const written = consoleOf(page);
      await brokenQueue(page, cause.fail);
      await page.goto('/queue');

      const alert = page.getByRole('alert').filter({ hasText: cause.title });
      await expect(alert).toBeVisible({ timeout: 20_000 });
      await expect(alert).not.toContainText('not JSON');
      if (cause.title !== 'The server and this app do not match')
        await expect(alert).not.toContainText(/do not match|does not match/);
      await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
      if (cause.details) {
        const details = alert.locator('details');
        await expect(details.locator('code')).toBeHidden();
        await alert.getByText('Details', { exact: true }).click();
        await expect(details.locator('code')).toHaveText(cause.details);
      }
      // The page around the list keeps working.
      await expect(page.getByRole('searchbox', { name: 'Search' })).toBeVisible();
      expect(written).toEqual([]);
    });
  }

  test('the queue says it is retrying while the server is down, not a blank area', async ({
    page,
  }) => {
    const written = consoleOf(page);
    await brokenQueue(page, html502);
    await page.goto('/queue');

    const retrying = page.getByRole('status').filter({ hasText: /Trying again \(attempt \d\)/ });
    await expect(retrying).toBeVisible();
    await expect(retrying).toContainText('The server is unavailable (502 Bad Gateway)');
    // Once the retries are spent, the notice says what to do.
    const alert = page.getByRole('alert').filter({ hasText: '502 Bad Gateway' });
    await expect(alert).toBeVisible({ timeout: 20_000 });
    await expect(alert).toContainText(/tell whoever runs the server/);
    await expect(retrying).toBeHidden();
    expect(written).toEqual([]);
  });
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the dashboard's charts fill their cards, scroll nowhere and pass axe (${scheme})`, async ({
    page,
    desk,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/dashboard');
    await expect(page.getByRole('region', { name: 'Decisions by category' })).toBeVisible();
    await expect(page.locator('.dash-chart svg').first()).toBeVisible();

    const charts = await page.locator('.dash-chart').evaluateAll((nodes) =>
      nodes.map((node) => {
        const card = node.closest('.dash-card') as HTMLElement;
        const chart = node.querySelector('.recharts-wrapper') as HTMLElement;
        const padding = Number.parseFloat(getComputedStyle(card).paddingLeft) * 2;
        return {
          fill: chart.getBoundingClientRect().width / (card.clientWidth - padding),
          scrolls: node.scrollWidth > node.clientWidth + 1,
        };
      }),
    );
    expect(charts.length).toBeGreaterThan(3);
    for (const chart of charts) {
      expect(chart.fill).toBeGreaterThan(0.95);
      expect(chart.scrolls).toBe(false);
    }
    expect(await desk.seriousViolations()).toEqual([]);
    await page.screenshot({ path: `test-results/dashboard-${scheme}.png`, fullPage: true });
  });
}
