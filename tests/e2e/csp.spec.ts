import { expect, reviewerBrowser, test } from './fixtures';

/*
 * The server answers every page with a strict Content-Security-Policy. The app must work
 * under it: every screen renders with no violation reported by the browser.
 */

const screens = ['/queue', '/dashboard', '/audit', '/policy', '/review', '/demo'];

test('every screen renders under the Content-Security-Policy with no violation', async ({
  backend,
  browser,
  baseURL,
  api,
}) => {
  test.skip(backend !== 'server', 'the policy is the HTTP server’s; vite preview sends none');
  if (!baseURL) throw new Error('The project sets baseURL.');
  const item = await api.plainPendingItem();
  const lead = await reviewerBrowser(browser, baseURL, 'u-femi');
  try {
    const { page } = lead;
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) => {
        seen.push(
          `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`,
        );
      });
    });
    for (const path of [...screens, `/handoffs/${item.id}`]) {
      const response = await page.goto(path);
      expect(response?.headers()['content-security-policy'], path).toContain("script-src 'self'");
      await expect(page.getByRole('heading', { level: 1 }).first(), path).toBeVisible();
      // The change stream stays open, so "network idle" never comes; load is the last event.
      await page.waitForLoadState('load');
      const violations = await page.evaluate(
        () => (window as unknown as { cspViolations: string[] }).cspViolations,
      );
      expect(violations, path).toEqual([]);
    }
  } finally {
    await lead.context.close();
  }
});
