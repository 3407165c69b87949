import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, reviewerBrowser, test } from './fixtures';

/*
 * A lead sets up a webhook on the Webhooks screen: adds an endpoint (shown its secret once),
 * sees the delivery a reviewer's decision causes, and sends it again, all by keyboard. The
 * server journeys' server allows loopback endpoints (--allow-private-webhooks).
 */

let receiver: Server;
let received: { id: string; type: string }[] = [];
let receiverUrl = '';

test.beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      received.push({
        id: String(req.headers['webhook-id']),
        type: (JSON.parse(body) as { type: string }).type,
      });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

test.beforeEach(({ backend }) => {
  test.skip(backend !== 'server', 'webhooks are delivered by the server');
  received = [];
});

test('a lead adds an endpoint, sees the decision delivered, and sends it again', async ({
  browser,
  baseURL,
  api,
  request,
}) => {
  const { context, page, desk } = await reviewerBrowser(browser, baseURL!, 'u-femi');
  await page.goto('/queue');
  await page.getByRole('link', { name: 'Webhooks' }).click();
  await expect(page.getByRole('heading', { name: 'Webhooks', level: 1 })).toBeVisible();
  expect(await desk.seriousViolations()).toEqual([]);

  await page.keyboard.press('Alt+N');
  await expect(page.getByRole('textbox', { name: /URL/ })).toBeFocused();
  await page.keyboard.type(receiverUrl);
  await page.keyboard.press('Enter');
  const secret = page.getByRole('status').filter({ hasText: 'Signing secret' });
  await expect(secret).toContainText(/whsec_/);
  await expect(page.getByRole('button', { name: receiverUrl, exact: true })).toBeVisible();
  expect(await desk.seriousViolations()).toEqual([]);

  // A reviewer rejects an item: the endpoint hears of it.
  const item = await api.plainPendingItem();
  const decided = await request.post(`/api/handoffs/${item.id}/decisions`, {
    headers: { 'X-Actor-Id': 'u-ana', 'Idempotency-Key': `webhook-e2e-${Date.now()}` },
    data: {
      action: 'reject',
      version: item.version,
      timeOnItemMs: 30_000,
      acknowledgedFlags: [],
      reason: 'Wrong carrier named.',
    },
  });
  expect(decided.status()).toBe(200);
  await expect.poll(() => received.length).toBe(1);
  expect(received[0]!.type).toBe('handoff.decided');

  const deliveries = page.getByRole('table', { name: 'Deliveries, newest first' });
  await expect(deliveries.getByRole('row', { name: /handoff\.decided/ })).toContainText(
    'Delivered',
  );
  await page.keyboard.press('s');
  await expect.poll(() => received.length).toBe(2);
  expect(received[1]!.id).toBe(received[0]!.id);
  expect(await desk.seriousViolations()).toEqual([]);

  // Removing asks once more: x, then x again.
  await page.keyboard.press('x');
  await expect(page.getByRole('button', { name: `Confirm: remove ${receiverUrl}` })).toBeVisible();
  await page.keyboard.press('x');
  await expect(page.getByText('No endpoints yet.')).toBeVisible();
  await context.close();
});
