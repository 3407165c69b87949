import { expect, test } from './fixtures';

const palette = (page: import('@playwright/test').Page) =>
  page.getByRole('dialog', { name: 'Command palette' });

test('the command palette runs the screen’s action, by its label, with its shortcut shown', async ({
  page,
  desk,
}) => {
  // #4521 asks for an L2 Specialist, who may reject it.
  await desk.openHandoff('h-4521');
  await desk.actAs(/Chen Wei/);
  await page.reload();
  await expect(desk.editor).toBeEditable();
  await page.keyboard.press('Control+k');
  const dialog = palette(page);
  await expect(dialog).toBeVisible();
  const search = dialog.getByRole('combobox', { name: 'Search commands, screens and tickets' });
  await expect(search).toBeFocused();
  // The screen's actions, each with its key.
  const reject = dialog.getByRole('option', { name: /^Reject/ });
  await expect(reject).toContainText('r');
  await expect(dialog.getByRole('option', { name: /^Escalate/ })).toBeVisible();
  expect(await desk.seriousViolations()).toEqual([]);

  await search.fill('reject');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  // The same as pressing r: the reject form, ready for a reason.
  const form = page.getByRole('form', { name: 'Reject the draft' });
  await expect(form).toBeVisible();
});

test('the palette goes to any screen, finds a ticket by its number and offers it again as recent', async ({
  page,
  desk,
}) => {
  await desk.openQueue();
  await page.getByRole('button', { name: /^Commands/ }).click();
  const dialog = palette(page);
  const search = dialog.getByRole('combobox');
  for (const screen of ['Queue', 'Dashboard', 'Post-hoc review', 'Audit log', 'Routing policy'])
    await expect(dialog.getByRole('option', { name: screen, exact: true })).toBeVisible();
  await search.fill('dashb');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByRole('heading', { level: 1, name: 'Lead dashboard' })).toBeVisible();

  // The dashboard's own action is there now, and the checkpoint's are gone.
  await page.keyboard.press('Control+k');
  await expect(dialog.getByRole('option', { name: /Show the next time window/ })).toBeVisible();
  await expect(dialog.getByRole('option', { name: /^Approve/ })).toHaveCount(0);

  await search.fill('#4521');
  const ticket = dialog.getByRole('option', { name: /Open #4521/ });
  await expect(ticket).toBeVisible();
  await ticket.click();
  await expect(page).toHaveURL(/\/handoffs\/h-4521$/);
  await expect(desk.editor).toBeVisible();

  await desk.openQueue();
  await page.keyboard.press('Control+k');
  await expect(
    dialog.getByRole('group', { name: 'Recent' }).getByRole('option', { name: /#4521/ }),
  ).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
