import type { Page } from '@playwright/test';
import { expect, reviewerBrowser, test } from './fixtures';

/** The lead's figures that a decision moves: decisions on shipping, and items waiting now. */
async function shippingDecisions(page: Page): Promise<number> {
  const card = page.getByRole('region', { name: 'Decisions by category' });
  const details = card.locator('details');
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open)))
    await card.getByText('Figures as a table').click();
  const cell = card
    .getByRole('row', { name: /^Shipping / })
    .getByRole('cell')
    .first();
  return Number(await cell.textContent());
}

const waitingNow = async (page: Page) => {
  const text = await page
    .getByRole('region', { name: 'Queue depth over time' })
    .locator('.dash-summary')
    .textContent();
  return Number(/^([\d,]+) items wait/.exec(text ?? '')?.[1]?.replace(/,/g, ''));
};

test('a lead watches the dashboard change live while another reviewer decides', async ({
  backend,
  browser,
  baseURL,
  api,
}) => {
  test.skip(backend !== 'server', 'each demo browser has a world of its own; nothing is shared');
  if (!baseURL) throw new Error('The project sets baseURL.');

  const item = await api.plainPendingItem();
  const femi = await reviewerBrowser(browser, baseURL, 'u-femi');
  const ben = await reviewerBrowser(browser, baseURL, 'u-ben');
  try {
    await femi.page.goto('/dashboard');
    await expect(
      femi.page.getByRole('heading', { level: 1, name: 'Lead dashboard' }),
    ).toBeVisible();
    await expect(femi.page.getByText('Live', { exact: true })).toBeVisible();
    const decisionsBefore = await shippingDecisions(femi.page);
    const waitingBefore = await waitingNow(femi.page);

    // Ben, in his own browser, approves a shipping item as drafted.
    await ben.desk.openHandoff(item.id);
    await ben.page.getByRole('button', { name: /^Approve/ }).click();
    await expect(ben.page.getByText(`Approved ticket #${item.ticket.number}`)).toBeVisible();

    // The lead's figures move without a reload.
    await expect
      .poll(() => shippingDecisions(femi.page), { timeout: 8_000 })
      .toBe(decisionsBefore + 1);
    await expect.poll(() => waitingNow(femi.page), { timeout: 8_000 }).toBe(waitingBefore - 1);

    // A chart leads to the queue behind it.
    await femi.page
      .getByRole('region', { name: 'Decisions by category' })
      .getByRole('link', { name: /^Shipping decisions/ })
      .click();
    await expect(femi.page).toHaveURL(/\/queue\?.*category=shipping/);
    await expect(femi.page.getByRole('grid', { name: 'Handoffs' })).toBeVisible();
  } finally {
    await femi.context.close();
    await ben.context.close();
  }
});

test('the dashboard passes an accessibility check', async ({ desk, page }) => {
  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { level: 1, name: 'Lead dashboard' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Decisions by category' })).toBeVisible();
  // With the tables open too: they are what a screen reader reads.
  for (const summary of await page.getByText('Figures as a table').all()) await summary.click();
  expect(await desk.seriousViolations()).toEqual([]);
});
