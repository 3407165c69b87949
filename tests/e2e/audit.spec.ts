import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';

test('a lead finds a decision in the audit log by its item, with the reason, and exports it as CSV', async ({
  page,
  desk,
}) => {
  // Decide an item: the next one by priority, rejected with a reason.
  await desk.openQueue();
  await page.getByRole('button', { name: /Claim next/ }).click();
  await expect(page).toHaveURL(/\/handoffs\/h-\d+$/);
  const itemId = new URL(page.url()).pathname.split('/').at(-1)!;
  await page.getByRole('button', { name: /^Reject/ }).click();
  const form = page.getByRole('form', { name: 'Reject the draft' });
  const reason = 'Quotes the wrong order number, twice';
  await form.getByLabel('Reason').fill(reason);
  await form.getByRole('button', { name: 'Reject' }).click();
  await expect(page).not.toHaveURL(new RegExp(`${itemId}$`));

  // Open the audit log from the navigation and filter to that item.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Audit log' })
    .click();
  const log = page.getByRole('grid', { name: 'Audit log, newest first' });
  await expect(log).toBeVisible();
  await page.getByLabel('Item').fill(itemId);
  await expect(page).toHaveURL(new RegExp(`item=${itemId}`));
  const newest = log.getByRole('row').nth(1);
  await expect(newest.getByText('Rejected', { exact: true })).toBeVisible();
  await expect(newest.getByText(reason)).toBeVisible();

  // The filtered view is a link: a reload shows the same thing.
  await page.reload();
  await expect(log.getByRole('row').nth(1).getByText(reason)).toBeVisible();

  expect(await desk.seriousViolations()).toEqual([]);

  // Export the filtered log as CSV.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^audit-log-\d{8}-\d{4}\.csv$/);
  const csv = await readFile((await download.path())!, 'utf8');
  const lines = csv.split('\r\n').filter(Boolean);
  expect(lines[0]).toMatch(/^at,kind,actor_type,actor_id,actor_name,action,outcome,reason,/);
  expect(lines[1]).toContain(`,rejected,Draft rejected; nothing sent,"${reason}",`);
  expect(lines[1]).toContain(`,${itemId},`);
  expect(lines.slice(1).every((line) => line.includes(`,${itemId},`))).toBe(true);
  await expect(page.getByText(/Exported \d+ events to audit-log-.*\.csv/)).toBeVisible();
});
