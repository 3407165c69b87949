import { expect, test } from './fixtures';

/* The tour shows the demo to a first visitor; a team's server has none. */
test.beforeEach(({ backend }) => {
  test.skip(backend !== 'demo', 'demo mode only');
});

test('a first visit to the demo gets a short tour that walks the screens, stays clear of the decision bar, and is remembered once closed', async ({
  browser,
  baseURL,
}) => {
  // A browser of its own, without the journeys' dismissed tour: a true first visit.
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  try {
    await page.goto('/queue');
    const tour = page.getByRole('region', { name: 'The queue' });
    await expect(tour).toBeVisible();
    await expect(tour).toContainText('step 1 of 5');
    await tour.getByRole('button', { name: 'Start the tour' }).click();

    // Step 2 opens the checkpoint; the card sits above it, not over the decision bar.
    await expect(page).toHaveURL(/\/handoffs\/h-4521$/);
    const step2 = page.getByRole('region', { name: 'The checkpoint' });
    await expect(step2).toBeVisible();
    const decide = page.getByRole('region', { name: 'Decide' });
    const approve = decide.getByRole('button', { name: /^Approve/ });
    await expect(approve).toBeInViewport();
    const card = (await step2.boundingBox())!;
    const bar = (await decide.boundingBox())!;
    expect(card.y + card.height).toBeLessThanOrEqual(bar.y);

    // Alt+N goes on, as the button does.
    await page.keyboard.press('Alt+n');
    await expect(page).toHaveURL(/\/dashboard/);
    await expect(page.getByRole('region', { name: 'The lead dashboard' })).toBeVisible();

    await page.getByRole('button', { name: 'Close the tour' }).click();
    await expect(page.getByRole('region', { name: 'The lead dashboard' })).toBeHidden();

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Lead dashboard' })).toBeVisible();
    await expect(page.getByText(/Guided tour · step/)).toHaveCount(0);

    // The palette brings it back on request.
    await page.keyboard.press('Control+k');
    await page.getByRole('option', { name: 'Show the guided tour' }).click();
    await expect(page.getByText(/Guided tour · step 1 of 5/)).toBeVisible();
  } finally {
    await context.close();
  }
});

test('the journeys start with the tour closed', async ({ page, desk }) => {
  await desk.openQueue();
  await expect(page.getByText(/Guided tour · step/)).toHaveCount(0);
});
