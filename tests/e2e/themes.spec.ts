import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SCREENS } from './screens';

/** The page's own background, as painted: dark or light. */
async function backgroundIsDark(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const [r, g, b] = (
      getComputedStyle(document.documentElement).backgroundColor.match(/\d+/g) ?? []
    )
      .slice(0, 3)
      .map(Number) as [number, number, number];
    return (r + g + b) / 3 < 80;
  });
}

for (const scheme of ['light', 'dark'] as const) {
  for (const screen of SCREENS) {
    test(`the ${screen.name} screen passes an accessibility check in the ${scheme} theme`, async ({
      page,
      desk,
      backend,
    }) => {
      test.skip(screen.demoOnly === true && backend !== 'demo', 'demo mode only');
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(screen.path);
      await screen.ready(page);
      expect(await backgroundIsDark(page)).toBe(scheme === 'dark');
      // The dashboard's tables too: they are what a screen reader reads.
      if (screen.name === 'dashboard')
        for (const summary of await page.getByText('Figures as a table').all())
          await summary.click();
      expect(await desk.seriousViolations()).toEqual([]);
    });
  }
}

test('the theme follows the system until the person picks one, and the pick is remembered', async ({
  page,
  desk,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await desk.openQueue();
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(await backgroundIsDark(page)).toBe(true);

  // Alt+T flips it, even while typing in the search field.
  await page.getByRole('searchbox').first().focus();
  await page.keyboard.press('Alt+t');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  expect(await backgroundIsDark(page)).toBe(false);

  await page.reload();
  await expect(page.getByRole('grid', { name: 'Handoffs' })).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  expect(await backgroundIsDark(page)).toBe(false);

  // The button too, back to dark; the system turning light no longer changes it.
  await toggle.click();
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(await backgroundIsDark(page)).toBe(true);
});
