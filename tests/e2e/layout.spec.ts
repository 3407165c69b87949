import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SCREENS } from './screens';

/** How far the page scrolls sideways: 0 when everything fits the window's width. */
const sidewaysScroll = (page: Page) =>
  page.evaluate(() => {
    const root = document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 720 };

for (const name of ['dashboard', 'queue', 'policy']) {
  const screen = SCREENS.find((s) => s.name === name)!;
  test(`a lead reads the ${name} on a phone (390 px) without scrolling sideways`, async ({
    page,
  }) => {
    await page.setViewportSize(PHONE);
    await page.goto(screen.path);
    await screen.ready(page);
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    // The header's navigation stays reachable.
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queue' }),
    ).toBeVisible();
  });
}

for (const screen of SCREENS) {
  test(`the ${screen.name} screen fits a 1280×720 laptop`, async ({ page, backend }) => {
    test.skip(screen.demoOnly === true && backend !== 'demo', 'demo mode only');
    await page.setViewportSize(LAPTOP);
    await page.goto(screen.path);
    await screen.ready(page);
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
  });
}

test('on the checkpoint at 1280×720 the decision bar is in view without scrolling', async ({
  page,
  desk,
}) => {
  await page.setViewportSize(LAPTOP);
  await desk.openHandoff('h-4521');
  await expect(
    page.getByRole('region', { name: 'Decide' }).getByRole('button', { name: /^Approve/ }),
  ).toBeInViewport();
});
