import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** The queue row the grid points at with aria-activedescendant. */
async function highlightedRowId(page: Page) {
  const id = await page
    .getByRole('grid', { name: 'Handoffs' })
    .getAttribute('aria-activedescendant');
  expect(id, 'the grid points at a highlighted row').toBeTruthy();
  return id ?? '';
}

test('focus lands somewhere visible on every move, and the queue remembers its row', async ({
  page,
  desk,
}) => {
  // Items the L1 reviewer may take on, so the editor opens for them.
  await desk.openQueue('?level=l1&assignee=unassigned&status=pending');
  const grid = page.getByRole('grid', { name: 'Handoffs' });
  await grid.focus();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  const rowId = await highlightedRowId(page);
  await expect(page.locator(`[id="${rowId}"]`)).toHaveAttribute('aria-selected', 'true');

  // Enter opens the item at its title.
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/handoffs\/h-\d+$/);
  const title = page.getByRole('heading', { level: 1 });
  await expect(title).toBeVisible();
  await expect(title).toBeFocused();
  const firstUrl = page.url();

  // Esc from the editor hands focus to the Draft heading, not to the page.
  await page.keyboard.press('e');
  await expect(desk.editor).toBeFocused();
  await page.keyboard.press('Escape');
  const draftHeading = page.getByRole('heading', { level: 2, name: 'Draft', exact: true });
  await expect(draftHeading).toBeFocused();
  expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
  await expect(page).toHaveURL(firstUrl);

  // Back in the queue: the same row is highlighted, the grid has focus, and j goes on from it.
  await page.keyboard.press('Escape');
  await expect(grid).toBeVisible();
  await expect(grid).toBeFocused();
  expect(await highlightedRowId(page)).toBe(rowId);
  await page.keyboard.press('j');
  const nextRowId = await highlightedRowId(page);
  expect(nextRowId).not.toBe(rowId);
  const rows = await grid.getByRole('row').evaluateAll((els) => els.map((el) => el.id));
  expect(rows.indexOf(nextRowId)).toBe(rows.indexOf(rowId) + 1);
});

test('approving opens the next item with focus on its title', async ({ page, desk }) => {
  // An item with two AI options: choosing one is the only thing between the reviewer and Approve.
  await desk.openQueue();
  await desk.actAs(/Chen Wei/);
  await desk.openHandoff('h-4521');
  await page.getByRole('radio', { name: /20% credit/ }).check();
  await page
    .getByRole('checkbox', { name: /I have reviewed the policy keyword hard stop/ })
    .check();
  await page.getByRole('button', { name: /^Approve/ }).click();
  await expect(page.getByText(/Approved ticket #4521/)).toBeVisible();
  await expect(page).toHaveURL(/\/handoffs\/h-\d+$/);
  await expect(page).not.toHaveURL(/h-4521$/);
  const title = page.getByRole('heading', { level: 1 });
  await expect(title).toBeVisible();
  await expect(title).toBeFocused();
});

test('after a redirect the new draft stands: no option to choose, and loading an old one asks and can be undone', async ({
  page,
  desk,
}) => {
  await desk.openQueue();
  // An L2 specialist: the compensation options are beyond an L1 reviewer.
  await desk.actAs(/Chen Wei/);
  await desk.openHandoff('h-4521');
  const why = page.getByText(/choose one of the AI’s 2 options/);
  await expect(why).toBeVisible();

  await page.getByRole('button', { name: /^Redirect/ }).click();
  const form = page.getByRole('form', { name: 'Redirect to the AI' });
  await form.getByLabel('Instructions for the AI').fill('Apologise for the delay first.');
  await form.getByRole('button', { name: 'Send to the AI' }).click();
  await expect(page.getByText(/The AI wrote draft 2 from your instructions/)).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Draft versions (2)' })).toBeVisible();
  const redirected = await desk.editor.inputValue();

  // The options belong to draft 1 now: nothing to choose before approving.
  await expect(page.getByText(/Offered with AI draft 1\. Draft 2 replaced them/)).toBeVisible();
  await expect(page.getByRole('radio', { name: /20% credit/ })).toHaveCount(0);
  await expect(why).toHaveCount(0);
  await page
    .getByRole('checkbox', { name: /I have reviewed the policy keyword hard stop/ })
    .check();
  await expect(page.getByRole('button', { name: /^Approve/ })).toBeEnabled();

  // Key 1 would replace draft 2: it asks first.
  await page.getByRole('heading', { level: 1 }).focus();
  await page.keyboard.press('1');
  const dialog = page.getByRole('alertdialog', { name: 'Replace AI draft 2?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Load its text' }).click();
  await expect(dialog).toBeHidden();
  await expect(desk.editor).not.toHaveValue(redirected);
  await expect(desk.editor).toHaveValue(/refund/i);
  await expect(page.getByText(/Loaded the text of “Full refund/)).toBeVisible();

  // Undo brings the redirected draft back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(desk.editor).toHaveValue(redirected);
});

test('j and k past the edge of the window keep the highlighted row in full view, below the header', async ({
  page,
  desk,
}) => {
  await desk.openQueue();
  const grid = page.getByRole('grid', { name: 'Handoffs' });
  await grid.focus();
  /** Where the highlighted row sits inside the grid's visible area, below its sticky header. */
  const placeOfHighlight = async () => {
    const id = await highlightedRowId(page);
    return page.evaluate((rowId) => {
      const row = document.getElementById(rowId)!.getBoundingClientRect();
      const view = document.querySelector('[role=grid]')!.getBoundingClientRect();
      const header = document
        .querySelector('[role=grid] [role=columnheader]')!
        .getBoundingClientRect();
      return { below: row.top >= header.bottom - 1, within: row.bottom <= view.bottom + 1 };
    }, id);
  };
  for (let i = 0; i < 40; i++) await page.keyboard.press('j');
  await expect.poll(placeOfHighlight).toEqual({ below: true, within: true });
  const far = await highlightedRowId(page);
  for (let i = 0; i < 40; i++) await page.keyboard.press('k');
  await expect.poll(placeOfHighlight).toEqual({ below: true, within: true });
  expect(await highlightedRowId(page)).not.toBe(far);
  // Back at the top: the grid is scrolled to its start.
  expect(await grid.evaluate((el) => el.scrollTop)).toBe(0);
});
