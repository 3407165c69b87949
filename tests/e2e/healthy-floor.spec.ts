import type { Page } from '@playwright/test';
import { expect, reviewerBrowser, test } from './fixtures';

/*
 * A fresh demo world looks like a healthy floor: nothing falls due while a newcomer finds
 * their way around, and the worked example's legal hard stop is kept from L1 by the server
 * itself, not only by the screen.
 */

/** One request from the page, so the demo's in-browser backend answers it. */
async function send(page: Page, method: string, path: string, actor: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, actor, body }) => {
      const res = await fetch(`/api${path}`, {
        method,
        headers: {
          'content-type': 'application/json',
          'X-Actor-Id': actor,
          ...(method === 'GET' ? {} : { 'Idempotency-Key': `floor-${path}-${Date.now()}` }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    },
    { method, path, actor, body },
  );
}

test('the server refuses the legal hard stop #4521 to an L1 reviewer', async ({ page, desk }) => {
  await desk.openQueue();
  const item = await send(page, 'GET', '/handoffs/h-4521', 'u-ana');
  expect(item.body.level).toBe('l2');
  const claim = await send(page, 'POST', '/handoffs/h-4521/claim', 'u-ana', {
    version: item.body.version,
  });
  expect(claim.status).toBe(403);
  expect(claim.body).toMatchObject({ code: 'forbidden', requiredLevel: 'l2' });
  const decide = await send(page, 'POST', '/handoffs/h-4521/decisions', 'u-ana', {
    action: 'reject',
    version: item.body.version,
    timeOnItemMs: 20_000,
    acknowledgedFlags: [],
    reason: 'Not mine to settle.',
  });
  expect(decide.status).toBe(403);
  const after = await send(page, 'GET', '/handoffs/h-4521', 'u-ana');
  expect(after.body).toMatchObject({ status: 'pending', version: item.body.version });
});

test('nothing unclaimed is due in a fresh world’s first minutes, so the SLA job escalates nothing', async ({
  page,
  desk,
}) => {
  await desk.openQueue();
  const open = await send(
    page,
    'GET',
    '/handoffs?status=pending,escalated,failed&assignee=unassigned&sort=dueAt&order=asc&limit=1',
    'u-femi',
  );
  const soonest = Date.parse(open.body.items[0].dueAt);
  expect(soonest - Date.now()).toBeGreaterThan(10 * 60_000);
  // The clock-driven jobs run every second; by the time the dashboard is up they have run.
  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { level: 1, name: 'Lead dashboard' })).toBeVisible();
  const audit = await send(page, 'GET', '/audit?action=escalated&actorType=system&q=SLA', 'u-femi');
  expect(audit.body.items).toEqual([]);
});

/** The human review rate the lead dashboard at `url` states: its sentence, the rate and of how many. */
async function dashboardReviewRate(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: 'Lead dashboard' })).toBeVisible();
  const summary = page.getByText(/of [\d,]+ routed items went to a person; the target is/);
  await expect(summary).toBeVisible();
  const text = (await summary.textContent()) ?? '';
  return {
    text,
    shown: Number(/^([\d.]+)%/.exec(text)?.[1]),
    routed: Number(/of ([\d,]+) routed items/.exec(text)?.[1]?.replace(/,/g, '')),
  };
}

test('the seeded review rate is inside the 10–15% band on the lead dashboard', async ({
  page,
  desk,
}) => {
  await desk.openQueue();
  const { text, shown } = await dashboardReviewRate(page, '/dashboard');
  expect(shown).toBeGreaterThanOrEqual(10);
  expect(shown).toBeLessThanOrEqual(15);
  expect(text).toMatch(/the target is 10%–15%, so the rate is within the band\.$/);
});

test('the policy preview starts from the dashboard’s review rate over the same week', async ({
  browser,
  baseURL,
}) => {
  if (!baseURL) throw new Error('The project sets baseURL.');
  test.slow();
  const { context, page } = await reviewerBrowser(browser, baseURL, 'u-femi');
  try {
    const { shown, routed } = await dashboardReviewRate(page, '/dashboard?window=7d');

    await page.goto('/policy');
    await expect(page.getByRole('heading', { level: 1, name: 'Routing policy' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Shipping: confidence threshold (%)' }).fill('95');
    await page.getByRole('button', { name: /^Preview/ }).click();
    const preview = page.getByRole('region', { name: /Preview: the last week/ });
    const line = preview.getByText(/Human review rate/);
    await expect(line).toBeVisible();
    const replay = /\(now ([\d.]+)%\) of ([\d,]+) items/.exec((await line.textContent()) ?? '');
    // The same items and the same figure: a lead comparing the two screens sees one number.
    expect(Number(replay?.[2]?.replace(/,/g, ''))).toBe(routed);
    expect(Number(replay?.[1])).toBe(shown);
    expect(shown).toBeGreaterThanOrEqual(10);
    expect(shown).toBeLessThanOrEqual(15);
  } finally {
    await context.close();
  }
});
