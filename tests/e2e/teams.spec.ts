import type { Page } from '@playwright/test';
import { expect, reviewerBrowser, test } from './fixtures';

/** One new billing ticket that says "chargeback", sent from the page itself (demo or server). */
async function arrive(page: Page) {
  return page.evaluate(async () => {
    const res = await fetch('/api/handoffs/arrivals', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'X-Actor-Id': 'u-femi',
        'Idempotency-Key': `teams-e2e-${Date.now()}`,
      },
      body: JSON.stringify({
        ticket: {
          customer: {
            id: 'c-e2e-teams',
            name: 'Robin Example',
            email: 'robin@example.com',
            tier: 'standard',
            lifetimeValue: 240,
            priorComplaints: 0,
          },
          channel: 'email',
          subject: 'Double charge',
          body: 'You charged me twice. I have opened a chargeback with my bank. Robin',
          category: 'billing',
          urgency: 'normal',
          language: 'en',
          attachments: 0,
        },
        ai: {
          draft: 'Hi Robin, I am sorry about the double charge; we are looking into it. Support',
          confidence: 0.6,
        },
      }),
    });
    if (res.status !== 201) throw new Error(`arrival answered ${res.status}: ${await res.text()}`);
    const body = (await res.json()) as {
      handoff: { id: string; team: { teamId: string } | null; ticket: { number: number } };
    };
    return body.handoff;
  });
}

test('a lead adds a team and a rule, sees the load per team, saves, and a new arrival goes to that team', async ({
  browser,
  baseURL,
}) => {
  if (!baseURL) throw new Error('The project sets baseURL.');
  test.slow();
  const lead = await reviewerBrowser(browser, baseURL, 'u-femi');
  const { page, desk } = lead;
  try {
    await page.goto('/queue');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Teams' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Teams' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Teams and what each handles' })).toBeVisible();
    expect(await desk.seriousViolations()).toEqual([]);

    await page.keyboard.press('n');
    const addTeam = page.getByRole('form', { name: 'Add a team' });
    await expect(addTeam.getByLabel('Team name')).toBeFocused();
    await addTeam.getByLabel('Team name').fill('VIP desk');
    await addTeam.getByRole('checkbox', { name: 'Chen Wei' }).check();
    await addTeam.getByRole('button', { name: 'Add team' }).click();

    const addRule = page.getByRole('form', { name: 'Add a rule' });
    await addRule.getByLabel('Keyword the ticket says').fill('chargeback');
    await addRule.getByLabel('Send to team').selectOption({ label: 'VIP desk' });
    await addRule.getByRole('button', { name: 'Add rule' }).click();
    await expect(page.getByText('Policy keyword “chargeback” → VIP desk')).toBeVisible();

    await page.getByRole('button', { name: /Preview load/ }).click();
    const load = page.getByRole('table', { name: /items: the open queue/ });
    await expect(load.getByRole('rowheader', { name: 'VIP desk' })).toBeVisible();
    expect(await desk.seriousViolations()).toEqual([]);

    await page.getByLabel('Why the teams change').fill('Chargebacks go to the VIP desk.');
    await page.getByLabel('Why the teams change').press('Control+s');
    await expect(page.getByText(/Version 2, by Femi Adeyemi/)).toBeVisible();

    const item = await arrive(page);
    expect(item.team?.teamId).toBe('vip-desk');
    await page.goto(`/handoffs/${item.id}`);
    await expect(
      page.getByText(/VIP desk \(Policy keyword: Policy keyword “chargeback” → VIP desk\)/),
    ).toBeVisible();
  } finally {
    await lead.context.close();
  }
});

test('a lead re-routes an item from the checkpoint with m, giving a reason, and the escalation stays in the new team', async ({
  browser,
  baseURL,
}) => {
  if (!baseURL) throw new Error('The project sets baseURL.');
  test.slow();
  const lead = await reviewerBrowser(browser, baseURL, 'u-femi');
  const { page, desk } = lead;
  try {
    await page.goto('/queue');
    // In the demo the page's own backend answers once the queue has loaded from it.
    await expect(page.getByRole('heading', { level: 1, name: /^Queue/ })).toBeVisible();
    const item = await arrive(page);
    const target = item.team?.teamId === 'retention' ? 'Legal' : 'Retention';
    await page.goto(`/handoffs/${item.id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Double charge' })).toBeVisible();

    await page.keyboard.press('m');
    const dialog = page.getByRole('dialog', { name: 'Re-route to another team' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Team').selectOption({ label: target });
    await dialog.getByRole('button', { name: 'Re-route' }).click();
    const reason = dialog.getByLabel('Reason');
    await expect(reason).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByText('Say why the item goes to another team.')).toBeVisible();
    expect(await desk.seriousViolations()).toEqual([]);

    await reason.fill('The customer is about to leave us over this.');
    await dialog.getByRole('button', { name: 'Re-route' }).click();
    await expect(page.getByText(`Re-routed to ${target}.`)).toBeVisible();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(new RegExp(`${target} \\(Re-routed by a person`))).toBeVisible();

    await page.keyboard.press('x');
    const form = page.getByRole('form', { name: 'Escalate' });
    await expect(form.getByText(new RegExp(`^Next in the team: .+ · ${target}`))).toBeVisible();
    await form.getByRole('button', { name: 'Cancel' }).click();

    await page.goto(`/audit?item=${item.id}&action=rerouted`);
    const grid = page.getByRole('grid', { name: 'Audit log, newest first' });
    await expect(
      grid.getByText(new RegExp(`Re-routed from .+ to ${target} by Femi Adeyemi`)),
    ).toBeVisible();
  } finally {
    await lead.context.close();
  }
});

test('a lead scans the load per team on the dashboard on a phone', async ({ page, desk }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/dashboard');
  const card = page.getByRole('region', { name: 'Teams' });
  await expect(card.getByRole('table')).toBeVisible();
  await expect(card.getByRole('rowheader', { name: 'Legal' })).toBeVisible();
  await expect(card.getByRole('columnheader', { name: 'SLA at risk' })).toBeVisible();
  // What a lead scans first (team, open, at risk) is on screen without scrolling the card.
  for (const name of ['Team', 'Open', 'SLA at risk']) {
    const box = await card.getByRole('columnheader', { name }).boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? Number.POSITIVE_INFINITY)).toBeLessThanOrEqual(390);
  }
  // The page itself never scrolls sideways; a wider table scrolls inside its card.
  expect(
    await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    ),
  ).toBeLessThanOrEqual(0);
  expect(await desk.seriousViolations()).toEqual([]);
});
