import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SCREENS } from './screens';

/** How far the page scrolls sideways: 0 when everything fits the window's width. */
const sidewaysScroll = (page: Page) =>
  page.evaluate(() => {
    const root = document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 720 };

for (const name of ['dashboard', 'queue', 'policy']) {
  const screen = SCREENS.find((s) => s.name === name)!;
  test(`a lead reads the ${name} on a phone (390 px) without scrolling sideways`, async ({
    page,
  }) => {
    await page.setViewportSize(PHONE);
    await page.goto(screen.path);
    await screen.ready(page);
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    // The header's navigation stays reachable.
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queue' }),
    ).toBeVisible();
  });
}

for (const screen of SCREENS) {
  test(`the ${screen.name} screen fits a 1280×720 laptop`, async ({ page, backend }) => {
    test.skip(screen.demoOnly === true && backend !== 'demo', 'demo mode only');
    await page.setViewportSize(LAPTOP);
    await page.goto(screen.path);
    await screen.ready(page);
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
  });
}

test('on the checkpoint at 1280×720 the decision bar is in view without scrolling', async ({
  page,
  desk,
}) => {
  await page.setViewportSize(LAPTOP);
  await desk.openHandoff('h-4521');
  await expect(
    page.getByRole('region', { name: 'Decide' }).getByRole('button', { name: /^Approve/ }),
  ).toBeInViewport();
});

test('the policy screen is laid out in sections a lead can scan by heading', async ({ page }) => {
  await page.setViewportSize(LAPTOP);
  await page.goto('/policy');
  await expect(page.getByRole('heading', { level: 1, name: 'Routing policy' })).toBeVisible();
  const form = page.getByRole('form', { name: 'Routing policy' });
  for (const name of ['Routing per category', 'Escalation rules']) {
    const section = form.getByRole('region', { name });
    await expect(section).toBeVisible();
    await expect(section.getByRole('heading', { level: 2, name })).toBeVisible();
  }
  for (const name of ['History', 'Escalation ladder'])
    await expect(page.getByRole('region', { name })).toBeVisible();
  // Each category's dials sit together under its section, labelled by the category.
  const routing = form.getByRole('region', { name: 'Routing per category' });
  await expect(routing.getByLabel(/^Shipping: confidence threshold/)).toBeVisible();
});

test('the audit log’s WHEN column shows each time whole, not cut off', async ({ page }) => {
  await page.setViewportSize(LAPTOP);
  await page.goto('/audit');
  const grid = page.getByRole('grid', { name: 'Audit log, newest first' });
  await expect(grid.getByRole('row').nth(1)).toBeVisible();
  const cells = await grid
    .locator('[role="row"] [role="gridcell"]:first-child time')
    .evaluateAll((times) =>
      times.slice(0, 20).map((t) => {
        const cell = t.closest('[role="gridcell"]') as HTMLElement;
        const range = document.createRange();
        range.selectNodeContents(t);
        return {
          text: t.textContent ?? '',
          cellFits: cell.scrollWidth <= cell.clientWidth,
          textRight: range.getBoundingClientRect().right,
          cellRight: cell.getBoundingClientRect().right,
        };
      }),
    );
  expect(cells.length).toBeGreaterThan(5);
  for (const c of cells) {
    expect(c.text, 'a full date and time').toMatch(/\d{1,2}:\d{2}/);
    expect(c.cellFits, `"${c.text}" fits its cell`).toBe(true);
    expect(c.textRight, `"${c.text}" ends inside its cell`).toBeLessThanOrEqual(c.cellRight + 0.5);
  }
});

test('the sticky decision bar never covers the bottom of the conflict panel', async ({
  page,
  desk,
  backend,
  api,
  request,
}) => {
  test.skip(backend !== 'server', 'another reviewer changes the item through the shared server');
  await page.setViewportSize(LAPTOP);
  const item = await api.plainPendingItem();
  // Live updates are down, so only the version check tells this page of the other change.
  await page.route('**/api/events', (route) => route.abort());
  await desk.openHandoff(item.id);
  await expect(desk.editor).toBeEditable();

  // Ben claims and approves the item meanwhile.
  const as = (key: string) => ({
    'X-Actor-Id': 'u-ben',
    'Idempotency-Key': `layout-${item.id}-${key}`,
    'X-Handoff-Desk-Client': 'e2e',
  });
  const claimed = await request.post(`/api/handoffs/${item.id}/claim`, {
    headers: as('claim'),
    data: { version: item.version },
  });
  expect(claimed.status()).toBe(200);
  const current = await api.get<{ version: number }>(`/handoffs/${item.id}`);
  const approved = await request.post(`/api/handoffs/${item.id}/decisions`, {
    headers: as('approve'),
    data: {
      action: 'approve',
      version: current.version,
      timeOnItemMs: 30_000,
      acknowledgedFlags: [],
      finalText: item.drafts.at(-1)?.text,
      selectedOptionId: null,
    },
  });
  expect(approved.status()).toBe(200);

  // This reviewer's own approve on the old version is refused and opens the conflict panel.
  await desk.editor.fill('Hello, your parcel is at the local depot and arrives tomorrow.');
  await page.getByRole('button', { name: /^Approve with edits/ }).click();
  const conflict = page.getByRole('region', { name: 'This item changed while you were working' });
  await expect(conflict).toBeVisible();

  const last = conflict.getByRole('button').last();
  await last.focus();
  await last.evaluate((el) => el.scrollIntoView({ block: 'end' }));
  const bar = page.getByRole('region', { name: 'Decide' });
  await expect(bar).toBeVisible();
  const covered = await last.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return { onControl: hit !== null && el.contains(hit), bottom: box.bottom };
  });
  expect(covered.onControl, 'the middle of the panel’s last control is not under the bar').toBe(
    true,
  );
  const barTop = (await bar.boundingBox())?.y ?? Number.POSITIVE_INFINITY;
  expect(covered.bottom).toBeLessThanOrEqual(barTop);
});
