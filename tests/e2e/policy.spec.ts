import type { Page } from '@playwright/test';
import { arriveFromPage, robinTicket } from './arrivals';
import { expect, reviewerBrowser, test } from './fixtures';

/** One new shipping ticket at 90% confidence, from Robin number `n`. */
function arrive(page: Page, n: number) {
  return arriveFromPage<{ id: string; status: string; ticket: { number: number } }>(
    page,
    `policy-e2e-${n}`,
    {
      ticket: robinTicket({
        customerId: `c-e2e-${n}`,
        name: `Robin Example ${n}`,
        email: `robin${n}@example.com`,
        subject: `Parcel ${n} still in transit`,
        body: 'Hello, my parcel has not moved for two days. Could you check it? Thanks, Robin',
        category: 'shipping',
      }),
      ai: {
        draft: 'Hi Robin, your parcel is with the carrier and arrives tomorrow. Best, Support',
        confidence: 0.9,
      },
    },
  );
}

test('a lead raises the shipping threshold, previews, saves with a reason, and new arrivals go to the queue', async ({
  browser,
  baseURL,
}) => {
  if (!baseURL) throw new Error('The project sets baseURL.');
  // Two accessibility scans and a what-if over the week's traffic on a shared machine.
  test.slow();
  const lead = await reviewerBrowser(browser, baseURL, 'u-femi');
  const { page, desk } = lead;
  try {
    await page.goto('/policy');
    await expect(page.getByRole('heading', { level: 1, name: 'Routing policy' })).toBeVisible();
    const threshold = page.getByRole('textbox', { name: 'Shipping: confidence threshold (%)' });
    await expect(threshold).toHaveValue('85');
    expect(await desk.seriousViolations()).toEqual([]);

    // Under the policy in force, a confident shipping draft is sent without a person.
    const before = await arrive(page, 1);
    expect(before.status).toBe('auto_approved');

    // Raise the bar and look at the effect before saving.
    await threshold.fill('95');
    await page.getByRole('button', { name: /^Preview/ }).click();
    const preview = page.getByRole('region', { name: /Preview: the last week/ });
    await expect(preview.getByText(/Human review rate/)).toBeVisible();
    await expect(preview.getByRole('table', { name: 'Review rate per category' })).toBeVisible();
    expect(await desk.seriousViolations()).toEqual([]);

    await page
      .getByLabel(/Reason for the change/)
      .fill('Carrier delays: confident shipping replies need a person this month.');
    await page.getByLabel(/Reason for the change/).press('Control+Enter');
    await expect(page.getByText('Saved: policy version 2 is now in force.')).toBeVisible();
    const history = page.getByRole('list', { name: 'Policy changes, newest first' });
    await expect(history.getByText('Shipping: confidence threshold 85% → 95%')).toBeVisible();
    await expect(history.getByText(/Femi Adeyemi/)).toBeVisible();

    // The same kind of ticket now waits for a person.
    const after = await arrive(page, 2);
    expect(after.status).toBe('pending');

    // In the app, not by reloading: the demo's backend would have to start again.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Queue' })
      .click();
    await expect(page.getByRole('grid', { name: 'Handoffs' })).toBeVisible();
    await page.getByLabel('Search').fill(String(after.ticket.number));
    const row = page.getByRole('link', { name: new RegExp(`#${after.ticket.number}`) });
    await expect(row).toBeVisible();
    await row.click();
    await expect(page).toHaveURL(new RegExp(`/handoffs/${after.id}$`));
    const trail = page.getByRole('list', { name: 'Audit events, newest first' });
    await expect(trail.getByText(/routed to L1 Support(?: in .+)? under policy v2/)).toBeVisible();
  } finally {
    await lead.context.close();
  }
});
