import { expect, reviewerBrowser, test } from './fixtures';

test('two reviewers on one item: the later decision is refused with both versions, and the text is kept', async ({
  backend,
  browser,
  baseURL,
  api,
}) => {
  test.skip(backend !== 'server', 'each demo browser has a world of its own; nothing is shared');
  if (!baseURL) throw new Error('The project sets baseURL.');

  const item = await api.plainPendingItem();
  const ana = await reviewerBrowser(browser, baseURL, 'u-ana');
  const ben = await reviewerBrowser(browser, baseURL, 'u-ben');
  // Ben's live updates are down, so nothing tells him of Ana's work: the version check alone
  // must protect both of them.
  await ben.page.route('**/api/events', (route) => route.abort());
  try {
    // Both open the same unclaimed item, as themselves.
    for (const r of [ana, ben]) await r.desk.openHandoff(item.id);
    await expect(ana.desk.actingAs).toHaveValue('u-ana');
    await expect(ben.desk.actingAs).toHaveValue('u-ben');
    for (const r of [ana, ben]) await expect(r.desk.editor).toBeEditable();

    // Ana edits (which claims the item), the edit reaches the server, and she approves.
    const anaAddition = ' Ana checked the carrier scan: the parcel is at your local depot.';
    await ana.desk.editor.press('End');
    await ana.desk.editor.pressSequentially(anaAddition);
    await expect(ana.page.getByText(/Saved to server/)).toBeVisible();
    await ana.page.getByRole('button', { name: /^Approve with edits/ }).click();
    // …and her desk moves on to the next item.
    await expect(ana.page).not.toHaveURL(new RegExp(`/handoffs/${item.id}$`));
    await expect(ana.page.getByText(`Approved ticket #${item.ticket.number}`)).toBeVisible();

    // Ben still sees the item as he opened it; he rewrites the reply and approves.
    const benText = 'Hello, this is Ben. Your replacement ships today by express courier.';
    await ben.desk.editor.fill(benText);
    const decision = ben.page.waitForResponse(
      (res) =>
        res.request().method() === 'POST' &&
        res.url().endsWith(`/api/handoffs/${item.id}/decisions`),
    );
    await ben.page.getByRole('button', { name: /^Approve with edits/ }).click();
    expect((await decision).status(), 'the stale decision is refused').toBe(409);

    // A conflict view with both versions: his text and the item as it is now.
    const conflict = ben.page.getByRole('region', {
      name: 'This item changed while you were working',
    });
    await expect(conflict).toBeVisible();
    await expect(conflict.getByRole('alert')).toContainText(
      `You were working on version ${item.version}`,
    );
    const mine = conflict.getByRole('article', { name: 'Your version' });
    await expect(mine).toContainText(`Written on version ${item.version}`);
    await expect(mine).toContainText(benText);
    const now = conflict.getByRole('article', { name: /^The item now \(version \d+\)$/ });
    await expect(now).toContainText('Approved');
    await expect(now).toContainText('Ana Ortiz');
    await expect(now).toContainText('Sent reply');
    await expect(now).toContainText(anaAddition.trim());
    await expect(now).not.toContainText(benText);
    await expect(conflict).toContainText(/This item is closed now/);
    // The conflict view, with its scrollable texts, is accessible too.
    expect(await ben.desk.seriousViolations()).toEqual([]);

    // His edited text is still in the editor, and stays there when he keeps it.
    await expect(ben.desk.editor).toHaveValue(benText);
    await conflict
      .getByRole('button', { name: 'Keep my text and continue on the current version' })
      .click();
    await expect(conflict).toBeHidden();
    await expect(ben.desk.editor).toHaveValue(benText);

    // The server kept Ana's decision, once, with her text.
    const stored = await api.get<{
      status: string;
      outcome: { by: { id: string }; finalText: string | null } | null;
    }>(`/handoffs/${item.id}`);
    expect(stored.status).toBe('approved');
    expect(stored.outcome?.by.id).toBe('u-ana');
    expect(stored.outcome?.finalText).toContain(anaAddition.trim());
  } finally {
    await ana.context.close();
    await ben.context.close();
  }
});

test('a reviewer looking at an item is told at once when someone else takes it', async ({
  backend,
  browser,
  baseURL,
  api,
}) => {
  test.skip(backend !== 'server', 'each demo browser has a world of its own; nothing is shared');
  if (!baseURL) throw new Error('The project sets baseURL.');

  const item = await api.plainPendingItem();
  const ana = await reviewerBrowser(browser, baseURL, 'u-ana');
  const ben = await reviewerBrowser(browser, baseURL, 'u-ben');
  try {
    for (const r of [ana, ben]) await r.desk.openHandoff(item.id);
    await expect(ben.page.getByText('Live', { exact: true })).toBeVisible();

    // Ana starts editing, which claims the item for her.
    await ana.desk.editor.press('End');
    await ana.desk.editor.pressSequentially(' Ana here.');
    await expect(ana.page.getByText(/Saved to server/)).toBeVisible();

    // Ben learns of it without reloading, and can no longer edit what Ana holds.
    await expect(ben.page.getByText('Ana Ortiz just claimed this item')).toBeVisible();
    await expect(ben.desk.editor).not.toBeEditable();
  } finally {
    await ana.context.close();
    await ben.context.close();
  }
});
