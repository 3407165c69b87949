import { expect, test } from './fixtures';

test('a reviewer grades a sampled auto-approved reply from the keyboard and it leaves the queue', async ({
  page,
  desk,
}) => {
  await desk.openQueue();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Post-hoc review' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Post-hoc review' })).toBeVisible();
  const count = page.getByText(/^\d+ waiting/);
  await expect(count).toBeVisible();
  const waiting = Number((await count.textContent())!.match(/^(\d+)/)![1]);
  // A few percent of the AI's own sends plus every flagged one it sent: a realistic sample.
  expect(waiting, 'the seed samples tens of auto-approved replies').toBeGreaterThanOrEqual(20);
  expect(waiting).toBeLessThan(100);

  // The oldest sampled reply is open: what the customer wrote and what was sent.
  const item = page.getByRole('region').filter({ has: page.getByRole('heading', { level: 2 }) });
  const title = (await item.getByRole('heading', { level: 2 }).textContent())!;
  await expect(item.getByRole('heading', { name: 'Customer’s message' })).toBeVisible();
  await expect(item.getByRole('heading', { name: 'Reply sent' })).toBeVisible();
  expect(await desk.seriousViolations()).toEqual([]);

  // Keyboard only: tick the first criterion, choose "Good", submit with Ctrl+Enter.
  const boxes = item.getByRole('checkbox');
  await boxes.first().focus();
  await page.keyboard.press('Space');
  await expect(boxes.first()).toBeChecked();
  await item.getByRole('radio', { name: 'Good' }).focus();
  await page.keyboard.press('Space');
  await expect(item.getByRole('radio', { name: 'Good' })).toBeChecked();
  await page.keyboard.press('Control+Enter');

  await expect(page.getByRole('heading', { level: 2, name: title })).toHaveCount(0);
  if (waiting === 1) await expect(page.getByText('Nothing sampled is waiting')).toBeVisible();
  else await expect(page.getByText(`${waiting - 1} waiting`)).toBeVisible();
  await expect(page.getByText('1 reviewed this session')).toBeVisible();
  expect(await desk.seriousViolations()).toEqual([]);
});
