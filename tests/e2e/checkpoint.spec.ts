import { expect, test } from './fixtures';

test('a reviewer finds #4521, edits the draft, survives a reload, approves and sees it audited', async ({
  page,
  desk,
}) => {
  await desk.openQueue();
  // Changes stream in from the backend, in the browser's demo backend as from the server.
  await expect(page.getByText('Live', { exact: true })).toBeVisible();
  // An L2 specialist: the 20% credit ($129.80) is beyond an L1 reviewer's $100.
  await desk.actAs(/Chen Wei/);
  await page.getByLabel('Search').fill('4521');
  const row = page.getByRole('link', { name: /#4521/ });
  await expect(row).toBeVisible();
  await row.click();
  await expect(page).toHaveURL(/\/handoffs\/h-4521$/);

  // Understand: the legal threat is highlighted in the customer's words.
  const request = page.getByRole('region', { name: 'Request' });
  await expect(request.getByTitle(/^Flagged: /).filter({ hasText: 'legal action' })).toBeVisible();

  // Decide on the compensation offer, then make the reply our own.
  await page.getByRole('radio', { name: /20% credit/ }).check();
  // No new promise: the text guard would refuse a refund the actions do not carry.
  const addition = ' Thank you for your patience while we put this right.';
  await desk.editor.press('End');
  await desk.editor.pressSequentially(addition);
  await expect(page.getByText(/Saved to server/)).toBeVisible({ timeout: 10_000 });

  // A reload keeps the edit.
  await page.reload();
  await expect(desk.editor).toHaveValue(new RegExp(`${addition.trim()}$`));

  // Approve stays locked until the hard stop is acknowledged.
  const approve = page.getByRole('button', { name: /^Approve with edits/ });
  await expect(approve).toBeDisabled();
  await page
    .getByRole('checkbox', { name: /I have reviewed the policy keyword hard stop/ })
    .check();
  await expect(approve).toBeEnabled();
  await approve.click();

  // The next item opens.
  await expect(page).not.toHaveURL(/h-4521$/);
  await expect(page.getByText(/Approved ticket #4521/)).toBeVisible();

  // The decision is in #4521's audit trail, with the edit recorded.
  await desk.openHandoff('h-4521');
  const trail = page.getByRole('list', { name: 'Audit events, newest first' });
  await expect(trail.getByText('Sent to the customer with edits')).toBeVisible();
  await expect(page.getByText(/^Approved$/).first()).toBeVisible();
});

test('reject without a reason is refused at the field; with one it is recorded', async ({
  page,
  desk,
}) => {
  await desk.openQueue();
  await page.getByRole('button', { name: /Claim next/ }).click();
  await expect(page).toHaveURL(/\/handoffs\/h-\d+$/);
  const url = page.url();

  await page.getByRole('button', { name: /^Reject/ }).click();
  const form = page.getByRole('form', { name: 'Reject the draft' });
  await form.getByRole('button', { name: 'Reject' }).click();
  await expect(form.getByText(/reason is required/i)).toBeVisible();
  await expect(page).toHaveURL(url);

  await form.getByLabel('Reason').fill('Quotes the wrong order number');
  await form.getByRole('button', { name: 'Reject' }).click();
  await expect(page).not.toHaveURL(url);

  await page.goto(url);
  await expect(page.getByText('Quotes the wrong order number').first()).toBeVisible();
});

test('escalation reaches the next level with the note, and that level can decide', async ({
  page,
  desk,
}) => {
  // #4521's legal hard stop asks for an L2 Specialist, so the specialist hands it up.
  await desk.openHandoff('h-4521');
  await desk.actAs(/Chen Wei/);
  await page.reload();
  await page.getByRole('button', { name: 'Escalate', exact: true }).click();
  const form = page.getByRole('form', { name: 'Escalate' });
  await form.getByLabel('Escalate to').selectOption({ label: 'Manager' });
  await form
    .getByLabel('Note for the next level')
    .fill('Customer threatens legal action; needs a manager.');
  await form.getByRole('button', { name: 'Escalate' }).click();
  await expect(page).not.toHaveURL(/h-4521$/);

  // The specialist may no longer act on it.
  await desk.openHandoff('h-4521');
  await expect(
    page.getByText(/Customer threatens legal action; needs a manager\./).first(),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /^Approve/ })).toBeDisabled();

  // The manager can.
  await desk.actAs(/Dana Levi/);
  await page.reload();
  await expect(desk.editor).toBeEditable();
  await page.getByRole('button', { name: /^Reject/ }).click();
  const reject = page.getByRole('form', { name: 'Reject the draft' });
  await reject.getByLabel('Reason').fill('Handled by phone with the customer');
  await reject.getByRole('button', { name: 'Reject' }).click();
  await expect(page).not.toHaveURL(/h-4521$/);
  await desk.openHandoff('h-4521');
  await expect(page.getByText('Handled by phone with the customer').first()).toBeVisible();
});

test('redirect sends the AI back with instructions and a new draft version returns', async ({
  page,
  desk,
}) => {
  await desk.openQueue();
  await page.getByRole('button', { name: /Claim next/ }).click();
  await expect(page).toHaveURL(/\/handoffs\/h-\d+$/);
  const url = page.url();
  const before = await desk.editor.inputValue();

  await page.getByRole('button', { name: /^Redirect/ }).click();
  const form = page.getByRole('form', { name: 'Redirect to the AI' });
  await form
    .getByLabel('Instructions for the AI')
    .fill('Be more formal and include the tracking status');
  await form.getByRole('button', { name: 'Send to the AI' }).click();

  await expect(page).toHaveURL(url);
  await expect(page.getByRole('tab', { name: 'Draft versions (2)' })).toBeVisible();
  await expect(desk.editor).not.toHaveValue(before);
  // Visibly follows the instructions: a formal register and the parcel's or the case's status.
  await expect(desk.editor).toHaveValue(/sincere/i);
  await expect(desk.editor).toHaveValue(/tracking number|status of case/i);
});

test('the queue and the checkpoint pass an automated accessibility check', async ({
  page,
  desk,
}) => {
  await desk.openQueue();
  expect(await desk.seriousViolations()).toEqual([]);
  await desk.openHandoff('h-4521');
  await expect(page.getByRole('region', { name: 'Flags' })).toBeVisible();
  expect(await desk.seriousViolations()).toEqual([]);
});
