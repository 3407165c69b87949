import { expect, test } from './fixtures';

// Three screens and several accessibility scans per journey: give each the slow allowance.
test.beforeEach(() => test.slow());

/*
 * Approval gates and the handoff kinds beyond the checkpoint, end to end. The seeded world
 * carries fixed showcase items: #4522 (the soonest gate), #4523 (a calm gate), #4524
 * and #4525 (AI failures, the first one a retry fixes), #4526 (the AI still at work).
 */

test('gate countdowns show in the queue and on the item; the soonest is not yet warning in a fresh world', async ({
  page,
  desk,
}) => {
  await desk.openQueue('?sort=createdAt&order=desc');
  const soon = page.getByRole('row').filter({ has: page.getByRole('link', { name: /^#4522 / }) });
  // 18 minutes at the start: it warns five minutes before closing, after the first quarter hour.
  await expect(soon.getByText(/^Gate 1[5-8]:\d\d$/)).toBeVisible();
  const calm = page.getByRole('row').filter({ has: page.getByRole('link', { name: /^#4523 / }) });
  const calmBadge = calm.getByText(/^Gate \d+:\d\d$/);
  await expect(calmBadge).toBeVisible();
  const before = await calmBadge.textContent();
  // The countdown moves on its own.
  await expect(calmBadge).not.toHaveText(before ?? '', { timeout: 5_000 });
  expect(await desk.seriousViolations()).toEqual([]);

  await soon.getByRole('link', { name: /^#4522 / }).click();
  await expect(page).toHaveURL(/\/handoffs\/h-4522$/);
  await expect(page.locator('.gate')).toContainText(/^Gate 1[5-8]:\d\d left/);
  await expect(
    page.getByText('· then the system will send a holding reply and escalate one level'),
  ).toBeVisible();
  expect(await desk.seriousViolations()).toEqual([]);
});

test('the failure notice leads a reviewer to a failed task; a retry fails again, so they take it over', async ({
  page,
  desk,
}) => {
  await desk.openQueue();
  await page.getByRole('link', { name: /AI failures? needs? L1 Support/ }).click();
  await expect(page).toHaveURL(/status=failed/);
  await expect(page).toHaveURL(/level=l1/);
  await page.getByRole('link', { name: /^#4525 / }).click();

  const panel = page.getByRole('region', { name: 'The AI could not finish this task' });
  await expect(panel.getByText('Ledger returned two conflicting refund records')).toBeVisible();
  await expect(panel.getByText('retrieved the refund policy')).toBeVisible();
  expect(await desk.seriousViolations()).toEqual([]);

  await panel.getByRole('button', { name: /^Retry/ }).click();
  await expect(page.getByText(/The AI failed again the same way/)).toBeVisible();

  await page.keyboard.press('t');
  await expect(page.getByText('You hold this item now. Edit the draft and decide.')).toBeVisible();
  await expect(panel).toBeHidden();
  await expect(desk.editor).toBeEditable();
  const trail = page.getByRole('list', { name: 'Audit events, newest first' });
  await expect(trail.getByText(/took over the failed task/)).toBeVisible();
});

test('a retry that works, a pause of the AI mid-task, and a task handed to the AI', async ({
  page,
  desk,
}) => {
  await page.goto('/handoffs/h-4524');
  await page.getByRole('button', { name: /^Retry/ }).click();
  await expect(page.getByText(/^The AI finished on retry\. The new draft/)).toBeVisible();
  await expect(desk.editor).toHaveValue(/Our systems were briefly unavailable/);

  await page.goto('/handoffs/h-4526');
  const working = page.getByRole('region', { name: 'The AI is working on this item' });
  await expect(working).toBeVisible();
  expect(await desk.seriousViolations()).toEqual([]);
  await working.getByRole('button', { name: /^Pause the AI/ }).click();
  await expect(page.getByText(/^Ana Ortiz paused the AI mid-task/)).toBeVisible();

  await desk.openHandoff('h-4521');
  await page.keyboard.press('i');
  await page
    .getByLabel('Instructions for the AI')
    .fill('Draft a short follow-up confirming the refund went through.');
  expect(await desk.seriousViolations()).toEqual([]);
  await page.getByRole('button', { name: 'Send to the AI' }).click();
  await expect(page).toHaveURL(/\/handoffs\/h-4521-t1$/);
  await expect(page.getByText(/The AI drafted a reply about ticket #4521/)).toBeVisible();
  await expect(page.getByText('Initiation', { exact: true })).toBeVisible();
});
