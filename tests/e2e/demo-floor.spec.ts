import { expect, test } from './fixtures';

/* The demo floor is the in-browser demo's control panel; a real server has none. */
test.beforeEach(({ backend }) => {
  test.skip(backend !== 'demo', 'demo mode only');
});

test('an evaluator becomes a manager, sets the floor, and finds it as they left it after a reload', async ({
  page,
  desk,
}) => {
  await desk.openQueue();
  await page.getByRole('link', { name: 'Demo floor' }).click();
  await expect(page.getByRole('heading', { name: 'Demo floor', level: 1 })).toBeVisible();
  expect(await desk.seriousViolations()).toEqual([]);

  await page.getByRole('radio', { name: /Dana/ }).click();
  await expect(desk.actingAs).toHaveValue('u-dana');

  await page.getByRole('spinbutton', { name: /latency/i }).fill('300');
  await page.getByRole('spinbutton', { name: /ai quality/i }).fill('40');
  await page.getByRole('spinbutton', { name: /ai quality/i }).press('Control+Enter');
  await expect(page.getByText('Applied.')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('spinbutton', { name: /latency/i })).toHaveValue('300');
  await expect(page.getByRole('spinbutton', { name: /ai quality/i })).toHaveValue('40');
  await expect(desk.actingAs).toHaveValue('u-dana');

  await page.getByRole('button', { name: 'Stop arrivals and chaos' }).click();
  await expect(page.getByText('Applied.')).toBeVisible();
  await expect(page.getByRole('spinbutton', { name: /latency/i })).toHaveValue('0');
  await expect(page.getByRole('spinbutton', { name: /ai quality/i })).toHaveValue('40');
});
