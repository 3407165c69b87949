import { readdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, reviewerBrowser, test } from './fixtures';
import { type SignInServer, startSignInServer } from './sign-in-servers';

/*
 * The server answers every page with a strict Content-Security-Policy. The app must work
 * under it: every screen renders with no violation reported by the browser. The screens are
 * read from the route files, so a new screen is checked without being listed here.
 */

const screens = readdirSync('src/routes')
  .filter((file) => file.endsWith('.tsx') && !file.startsWith('__'))
  .map((file) => file.replace(/\.tsx$/, ''));

/** Collects every violation the page reports, from before its first script runs. */
async function watchViolations(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(
        `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
}

async function expectNoViolation(page: Page, where: string) {
  // The change stream stays open, so "network idle" never comes; load is the last event.
  await page.waitForLoadState('load');
  const violations = await page.evaluate(
    () => (window as unknown as { cspViolations: string[] }).cspViolations,
  );
  expect(violations, where).toEqual([]);
}

test('every screen renders under the Content-Security-Policy with no violation', async ({
  backend,
  browser,
  baseURL,
  api,
}) => {
  test.skip(backend !== 'server', 'the policy is the HTTP server’s; vite preview sends none');
  if (!baseURL) throw new Error('The project sets baseURL.');
  expect(screens).toEqual(expect.arrayContaining(['queue', 'people', 'teams', 'webhooks']));
  const item = await api.plainPendingItem();
  const lead = await reviewerBrowser(browser, baseURL, 'u-femi');
  try {
    const { page } = lead;
    await watchViolations(page);
    for (const screen of screens) {
      const path =
        screen === 'index'
          ? '/'
          : `/${screen.replace(/\.\$\w+$/, `/${item.id}`).replace(/\./g, '/')}`;
      const response = await page.goto(path);
      expect(response?.headers()['content-security-policy'], path).toContain("script-src 'self'");
      await expect(page.getByRole('heading', { level: 1 }).first(), path).toBeVisible();
      await expectNoViolation(page, path);
    }
  } finally {
    await lead.context.close();
  }
});

test.describe('signing in', () => {
  let desk: SignInServer;
  test.beforeAll(async ({ backend }) => {
    if (backend !== 'server') return;
    desk = await startSignInServer([
      { id: 'u-lee', name: 'Lee Park', role: 'lead', level: 'l2', password: 'a lead passphrase' },
    ]);
  });
  test.afterAll(async () => {
    await desk?.stop();
  });

  test('the sign-in screen, a refused attempt and the first screens after it, with no violation', async ({
    backend,
    browser,
  }) => {
    test.skip(backend !== 'server', 'people sign in to a server; the demo has its switcher');
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await watchViolations(page);
      await page.goto(`${desk.origin}/queue`);
      await expect(page.getByRole('heading', { name: 'Sign in to Handoff Desk' })).toBeVisible();
      await expectNoViolation(page, 'the sign-in screen');
      await page.getByLabel('User id').fill('u-lee');
      await page.getByLabel('Password').fill('not the passphrase');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect(page.getByRole('alert')).toBeVisible();
      await page.getByLabel('Password').fill('a lead passphrase');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect(page.getByText('Signed in as')).toContainText('Lee Park');
      await expectNoViolation(page, 'after signing in');
      await page.goto(`${desk.origin}/people`);
      await expect(page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
      await expectNoViolation(page, '/people, signed in');
    } finally {
      await context.close();
    }
  });
});
