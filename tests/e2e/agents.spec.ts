import { robinTicket } from './arrivals';
import { expect, reviewerBrowser, test } from './fixtures';

/*
 * The agent side from the desk: an agent (called over the API with a key a lead issued) hands
 * off a reply with a refund; the reviewer edits the refund's amount and approves; the item's
 * trail shows the change. And the agents screen passes an accessibility check in both themes.
 */

const ticket = robinTicket({
  customerId: 'c-e2e-agent',
  subject: 'Lamp arrived with a cracked shade',
  body: 'Hello, the lamp I ordered arrived with a cracked shade. Can you help? Thanks, Robin',
  category: 'shipping',
});

test('a reviewer edits the refund an agent proposed, approves, and the trail shows the change', async ({
  backend,
  browser,
  baseURL,
  request,
}) => {
  test.skip(backend !== 'server', 'agents call the server with their keys');
  const key = await request.post('/api/agent-keys', {
    headers: { 'X-Actor-Id': 'u-femi', 'Idempotency-Key': `agent-key-${Date.now()}` },
    data: { name: `Refund bot ${Date.now()}` },
  });
  expect(key.status()).toBe(201);
  const { secret } = (await key.json()) as { secret: string };
  const handed = await request.post('/api/agent/handoffs', {
    headers: { Authorization: `Bearer ${secret}`, 'Idempotency-Key': `agent-ho-${Date.now()}` },
    data: {
      ticket,
      draft:
        "Hi Robin,\n\nSorry about the shade. I've issued a refund of $40.00.\n\nBest,\nSupport",
      confidence: 0.4,
      actions: [{ type: 'refund', amount: 40, currency: 'USD' }],
    },
  });
  expect(handed.status()).toBe(201);
  const { handoff } = (await handed.json()) as { handoff: { id: string; status: string } };
  expect(handoff.status).toBe('pending');

  const { context, page, desk } = await reviewerBrowser(browser, baseURL!, 'u-ana');
  await desk.openHandoff(handoff.id);
  const actions = page.getByRole('region', { name: 'Proposed actions' });
  const amount = actions.getByRole('textbox', { name: 'Refund amount' });
  await expect(amount).toHaveValue('40.00');
  await amount.fill('abc');
  await expect(amount).toHaveAccessibleDescription('Enter an amount like 649.00.');
  await amount.fill('60');
  await expect(actions.getByText('Refund $40.00 → Refund $60.00')).toBeVisible();
  await expect(
    page
      .getByRole('region', { name: 'Your authority' })
      .getByText('This draft promises a $60.00 refund: within your authority.'),
  ).toBeVisible();
  await expect(page.getByText(/Saved to server/)).toBeVisible({ timeout: 10_000 });

  // The edit survives a reload: it is kept on this device and on the server.
  await page.reload();
  await expect(amount).toHaveValue('60.00');

  await page.getByRole('button', { name: /^Approve/ }).click();
  await expect(page.getByText(/Approved ticket #/)).toBeVisible();

  await desk.openHandoff(handoff.id);
  const trail = page.getByRole('list', { name: 'Audit events, newest first' });
  await expect(trail.getByText('Sent to the customer with edited actions')).toBeVisible();
  await trail.getByText('Edits against the AI draft').first().click();
  await expect(trail.getByText(/Refund \$40\.00 → Refund \$60\.00/).first()).toBeVisible();
  await context.close();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the agents screen passes an accessibility check in the ${scheme} theme`, async ({
    browser,
    baseURL,
  }) => {
    const { context, page, desk } = await reviewerBrowser(browser, baseURL!, 'u-femi');
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/queue');
    await page.getByRole('link', { name: 'Agents', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Agents', level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Agent keys' })).toBeVisible();
    expect(await desk.seriousViolations()).toEqual([]);

    // Issue a key by keyboard: the secret is shown once, and the screen stays accessible.
    await page.keyboard.press('Alt+N');
    await expect(page.getByRole('textbox', { name: /Agent name/ })).toBeFocused();
    await page.keyboard.type(`Axe bot ${scheme}`);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'The key for' })).toContainText(/hd_/);
    expect(await desk.seriousViolations()).toEqual([]);
    await context.close();
  });
}
