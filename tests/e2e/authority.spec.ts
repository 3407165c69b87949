import { expect, test } from './fixtures';

/*
 * The escalation ladder, enforced: an L2 specialist (the level the worked example's legal hard
 * stop is routed to) meets the limit of his authority on its $649 refund, sees why before and
 * after trying, and hands it to a manager with one key; the manager finds it in her queue,
 * reads the note and decides.
 */

const reason = 'Refunds over $500 need Manager or above; this draft promises $649.00.';

test('an L2 specialist hits his refund limit and escalates with one key; a manager decides it with the note in view', async ({
  page,
  desk,
}) => {
  // Two people, two accessibility checks: longer than one reviewer's journey.
  test.setTimeout(150_000);
  // Chen Wei, L2: the policy-keyword rule keeps #4521 from L1.
  await desk.openQueue();
  await desk.actAs(/Chen Wei/);
  await desk.openHandoff('h-4521');
  const authority = page.getByRole('region', { name: 'Your authority' });
  await expect(authority).toContainText(
    'This draft promises a $649.00 refund: Manager or above approves.',
  );
  await expect(authority).toContainText(
    'L2 Specialist approves refunds and credits up to $500 and exceptions to policy',
  );

  await page.getByRole('radio', { name: /Full refund/ }).check();
  await page
    .getByRole('checkbox', { name: /I have reviewed the policy keyword hard stop/ })
    .check();
  await page.keyboard.press('a');

  // The server refuses, in place, saying why and who can.
  const refusal = page.locator('.cp-refusal');
  await expect(refusal.getByText('Not within your authority')).toBeVisible();
  await expect(refusal).toContainText(`${reason} You are L2 Specialist.`);
  await expect(refusal.getByRole('button', { name: 'Escalate to Manager' })).toBeVisible();
  expect(await desk.seriousViolations()).toEqual([]);

  // One key opens the escalation at Manager, with the reason as the start of the note.
  await page.keyboard.press('x');
  const form = page.getByRole('form', { name: 'Escalate' });
  await expect(form.getByLabel('Escalate to')).toHaveValue('manager');
  const note = form.getByLabel('Note for the next level');
  await expect(note).toBeFocused();
  await page.keyboard.type(' Sarah asked for a full refund; 3 prior complaints.');
  await page.keyboard.press('Control+Enter');
  await expect(page).not.toHaveURL(/h-4521$/);
  await expect(page.getByText(/Escalated ticket #4521 to Manager/)).toBeVisible();

  // Dana Levi, manager: the escalation is in her queue.
  await desk.actAs(/Dana Levi/);
  await desk.openQueue('?level=manager&status=escalated');
  const row = page.getByRole('link', { name: /#4521/ });
  await expect(row).toBeVisible();
  await row.click();
  await expect(page).toHaveURL(/\/handoffs\/h-4521$/);

  const escalation = page.getByRole('region', { name: 'Escalated from L2 Specialist by Chen Wei' });
  await expect(escalation.getByLabel('Escalation note')).toHaveText(
    `${reason} You are L2 Specialist. Sarah asked for a full refund; 3 prior complaints.`,
  );
  await expect(authority).toContainText(
    'This draft promises a $649.00 refund: within your authority.',
  );
  expect(await desk.seriousViolations()).toEqual([]);

  await page.getByRole('radio', { name: /Full refund/ }).check();
  await page
    .getByRole('checkbox', { name: /I have reviewed the policy keyword hard stop/ })
    .check();
  await page.getByRole('button', { name: /^Approve/ }).click();
  await expect(page.getByText(/Approved ticket #4521/)).toBeVisible();

  await desk.openHandoff('h-4521');
  const trail = page.getByRole('list', { name: 'Audit events, newest first' });
  await expect(trail.getByText('Escalated to Manager')).toBeVisible();
  await expect(trail.getByText('Sent to the customer as drafted')).toBeVisible();
});
