import { expect, test } from './fixtures';

/*
 * Batch review with the keyboard only: a reviewer groups the queue, selects the first group
 * (x, a shift-extended range, the whole group), approves it, undoes within the window, sends
 * it for real, and reads the per-item result: the item above her level is refused for
 * authority, the rest are applied, each with its own audit event carrying the batch id.
 */

test.skip(
  ({ backend }) => backend !== 'server',
  'The journey arranges an item above the reviewer through the HTTP API',
);

interface Group {
  key: string;
  count: number;
  items: {
    id: string;
    ticketNumber: number;
    level: string;
    status: string;
    version: number;
    assignee: unknown;
  }[];
}

test('a reviewer batch-approves a group by keyboard; the item above her is refused, each applied item is audited with the batch id', async ({
  page,
  desk,
  api,
  request,
}) => {
  test.setTimeout(120_000);
  // Arrange: one waiting L1 member of the first group is escalated to L2, above Ana (L1).
  const before = await api.get<{ groups: Group[] }>('/handoff-groups');
  const first = before.groups[0]!;
  const target = first.items.find((i) => i.level === 'l1' && i.status === 'pending' && !i.assignee);
  expect(target, 'the first group has a waiting L1 item').toBeDefined();
  const escalated = await request.post(`/api/handoffs/${target!.id}/decisions`, {
    headers: { 'X-Actor-Id': 'u-ana', 'Idempotency-Key': `e2e-batch-${Date.now()}` },
    data: {
      action: 'escalate',
      targetLevel: 'l2',
      note: 'Needs a specialist before anyone sends it.',
      version: target!.version,
      timeOnItemMs: 30_000,
      acknowledgedFlags: [],
    },
  });
  expect(escalated.status(), 'the arranged escalation').toBe(200);
  const after = await api.get<{ groups: Group[] }>('/handoff-groups');
  const group = after.groups.find((g) => g.key === first.key)!;
  expect(group.items.find((i) => i.id === target!.id)?.level).toBe('l2');
  const count = group.count;

  await desk.openQueue();
  await page.keyboard.press('g');
  const region = page.getByRole('region', { name: new RegExp(`^${count} similar items`) }).first();
  await expect(region).toBeVisible();
  const boxes = region.getByRole('checkbox');
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await expect(boxes.first()).toBeFocused();

  const bar = page.getByRole('region', { name: 'Decide the selected items' });
  await page.keyboard.press('x');
  await expect(bar).toContainText('1 item selected');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(bar).toContainText('3 items selected');
  await expect(boxes.nth(2)).toBeFocused();
  await page.keyboard.press('Shift+X');
  await expect(bar).toContainText(`${count} items selected`);
  // x toggles the row in focus off and on again.
  await page.keyboard.press('x');
  await expect(bar).toContainText(`${count - 1} items selected`);
  await expect(boxes.nth(2)).not.toBeChecked();
  await page.keyboard.press('x');
  await expect(bar).toContainText(`${count} items selected`);

  // Approve, then undo inside the window: nothing is sent.
  await page.keyboard.press('Shift+A');
  const undo = page.getByRole('region', { name: 'Undo the batch' });
  await expect(undo).toContainText(`Approving ${count} items in`);
  await page.keyboard.press('z');
  await expect(undo).toBeHidden();
  await expect(bar).toContainText(`${count} items selected`);
  const untouched = await api.get<{ status: string; version: number }>(
    `/handoffs/${group.items.find((i) => i.id !== target!.id && i.status === 'pending' && !i.assignee)!.id}`,
  );
  expect(untouched.status).toBe('pending');

  // Approve for real: the window closes and the server decides each item on its own.
  await page.keyboard.press('Shift+A');
  await expect(undo).toBeVisible();
  const result = page.getByRole('region', { name: 'Batch result' });
  await expect(result).toBeVisible({ timeout: 20_000 });
  const summary = result.getByRole('status');
  await expect(summary).toContainText(/Batch [0-9a-f]{8}: [1-9]\d* applied, [1-9]\d* refused/);
  const refused = result.getByRole('listitem').filter({ hasText: `#${target!.ticketNumber}` });
  await expect(refused).toContainText('Refused');
  await expect(refused).toContainText(/outside the authority/);
  const batch = /Batch ([0-9a-f]{8})/.exec((await summary.textContent()) ?? '')![1]!;

  // Each applied item has its own audit event with the batch id; the refused one has none.
  const applied = result.getByRole('listitem').filter({ hasText: /^Applied/ });
  const appliedCount = await applied.count();
  expect(appliedCount).toBeGreaterThan(0);
  const tickets = (await applied.allTextContents()).map((t) => /#(\d+)/.exec(t)![1]!);
  for (const ticket of tickets.slice(0, 2)) {
    await page.goto(`/audit?item=%23${ticket}`);
    const row = page.getByRole('row').filter({ hasText: `Batch ${batch}` });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Approved');
  }
  await page.goto(`/audit?item=%23${target!.ticketNumber}`);
  await expect(page.getByRole('row').filter({ hasText: 'Escalated' }).first()).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: `Batch ${batch}` })).toHaveCount(0);
});
