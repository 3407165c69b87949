// @vitest-environment node
import { copyFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { auditLogPageSchema } from '../../src/api/audit-schemas';
import { handoffPageSchema } from '../../src/api/handoff-schemas';
import { operations, pathOf } from '../../src/api/operations';
import {
  webhookDeliveriesSchema,
  webhookEndpointsSchema,
  webhookMessageSchema,
  webhookWithSecretSchema,
} from '../../src/api/webhook-schemas';
import { serverFixture } from '../fixtures/storage/fixtures';
import { allowLoopback, call, type RunningServer, serverPool, type startServer } from './harness';

/*
 * Webhooks as a receiver sees them: signed to the Standard Webhooks specification (checked
 * with the `standardwebhooks` package, not with our own code), retried until the receiver is
 * back, each event received once per webhook-id, also across a restart of the server.
 */

const pool = serverPool();
const LEAD = 'u-femi';
// 5 s → 5 ms, 5 min → 300 ms, 30 min → 1.8 s.
const fast = { allowPrivate: true, retryScale: 0.001, timeoutMs: 2_000 };
const start = (file: string, options: Parameters<typeof startServer>[1] = {}) =>
  pool.start(file, { count: 120, webhooks: fast, ...options });

interface Received {
  headers: Record<string, string>;
  body: string;
}

/** A webhook receiver on a fixed loopback port that can go down and come back. */
function receiver(answer: (req: IncomingMessage, res: ServerResponse) => void = okAnswer) {
  const received: Received[] = [];
  let server: Server | null = null;
  let port = 0;
  const self = {
    received,
    get url() {
      return `http://127.0.0.1:${port}/hook`;
    },
    answer,
    async up() {
      const s = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(req.headers))
            if (typeof v === 'string') headers[k] = v;
          const entry = { headers, body: Buffer.concat(chunks).toString('utf8') };
          self.answer(req, res);
          // A request left hanging is not a receipt: only a 2xx answer counts.
          if (res.writableEnded && res.statusCode < 300) received.push(entry);
        });
      });
      await new Promise<void>((resolve) => s.listen(port, '127.0.0.1', resolve));
      port = (s.address() as AddressInfo).port;
      server = s;
    },
    async down() {
      const s = server;
      server = null;
      if (!s) return;
      await new Promise<void>((resolve) => {
        s.close(() => resolve());
        s.closeAllConnections();
      });
    },
  };
  return self;
}

function okAnswer(_req: IncomingMessage, res: ServerResponse) {
  res.writeHead(204).end();
}

const receivers: ReturnType<typeof receiver>[] = [];
async function openReceiver(answer?: (req: IncomingMessage, res: ServerResponse) => void) {
  const r = receiver(answer);
  receivers.push(r);
  await r.up();
  return r;
}

beforeEach(() => allowLoopback());
afterEach(async () => {
  for (const r of receivers.splice(0)) await r.down();
  await pool.clear();
});

async function register(server: RunningServer, url: string, events = ['handoff.decided']) {
  const reply = await call(server.baseUrl, 'POST', operations.createWebhook.path, {
    actor: LEAD,
    json: { url, events },
  });
  expect(reply.status).toBe(201);
  return webhookWithSecretSchema.parse(reply.body);
}

async function openItems(server: RunningServer, count: number) {
  const reply = await call(server.baseUrl, 'GET', operations.listHandoffs.path, {
    query: { status: 'pending', assignee: 'unassigned', level: 'l1', sort: 'createdAt' },
  });
  const items = handoffPageSchema.parse(reply.body).items.slice(0, count);
  expect(items).toHaveLength(count);
  return items;
}

async function reject(server: RunningServer, item: { id: string; version: number }) {
  const reply = await call(
    server.baseUrl,
    'POST',
    pathOf(operations.decideHandoff, { id: item.id }),
    {
      json: {
        action: 'reject',
        version: item.version,
        timeOnItemMs: 20_000,
        acknowledgedFlags: [],
        reason: 'The draft names the wrong order.',
      },
    },
  );
  expect(reply.status).toBe(200);
}

/** A request by the lead, with no body. */
const asLead = (server: RunningServer, method: string, path: string) =>
  call(server.baseUrl, method, path, { actor: LEAD });

async function deliveries(server: RunningServer, id: string) {
  const reply = await asLead(server, 'GET', pathOf(operations.listWebhookDeliveries, { id }));
  expect(reply.status).toBe(200);
  return webhookDeliveriesSchema.parse(reply.body).items;
}

async function until(check: () => boolean | Promise<boolean>, ms = 10_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('Timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** How many times each webhook-id was received. */
const countsById = (list: Received[]) => {
  const counts = new Map<string, number>();
  for (const r of list)
    counts.set(r.headers['webhook-id']!, (counts.get(r.headers['webhook-id']!) ?? 0) + 1);
  return counts;
};

describe('webhook endpoints', () => {
  it('are registered by a lead with a whsec_ secret shown once, and listed without it', async () => {
    const server = await start(pool.file());
    const hook = await openReceiver();
    const created = await register(server, hook.url, ['handoff.decided', 'handoff.created']);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
    expect(created.endpoint).toMatchObject({ url: hook.url, disabledAt: null });

    const listed = await call(server.baseUrl, 'GET', operations.listWebhooks.path, { actor: LEAD });
    expect(webhookEndpointsSchema.parse(listed.body).items).toEqual([created.endpoint]);
    expect(JSON.stringify(listed.body)).not.toContain(created.secret);

    const reviewer = await call(server.baseUrl, 'POST', operations.createWebhook.path, {
      actor: 'u-ana',
      json: { url: hook.url, events: ['handoff.decided'] },
    });
    expect(reviewer.status).toBe(403);

    const removed = await call(
      server.baseUrl,
      'DELETE',
      pathOf(operations.deleteWebhook, { id: created.endpoint.id }),
      { actor: LEAD },
    );
    expect(removed.status).toBe(204);
    const after = await call(server.baseUrl, 'GET', operations.listWebhooks.path, { actor: LEAD });
    expect(webhookEndpointsSchema.parse(after.body).items).toEqual([]);
  });

  it('appear in the audit log when added, rotated and deleted: who, the URL and events, never the secret', async () => {
    const server = await start(pool.file());
    const hook = await openReceiver();
    const url = `${hook.url}?token=receiver-password`;
    const created = await register(server, url, ['handoff.decided', 'run.lost']);
    const id = created.endpoint.id;
    const rotated = await asLead(server, 'POST', pathOf(operations.rotateWebhookSecret, { id }));
    expect(rotated.status).toBe(200);
    const newSecret = webhookWithSecretSchema.parse(rotated.body).secret;
    // An agent's own endpoint, deleted by the lead: the entry names both.
    const key = await call(server.baseUrl, 'POST', operations.createAgentKey.path, {
      actor: LEAD,
      json: { name: 'Billing helper' },
    });
    const bearer = (key.body as { secret: string }).secret;
    const agents = await call(server.baseUrl, 'POST', operations.createWebhook.path, {
      actor: null,
      headers: { authorization: `Bearer ${bearer}` },
      json: { url: hook.url, events: ['handoff.created'] },
    });
    expect(agents.status).toBe(201);
    const agentHook = webhookWithSecretSchema.parse(agents.body);
    for (const gone of [id, agentHook.endpoint.id]) {
      const removed = await asLead(
        server,
        'DELETE',
        pathOf(operations.deleteWebhook, { id: gone }),
      );
      expect(removed.status).toBe(204);
    }

    const log = await call(server.baseUrl, 'GET', operations.listAudit.path, {
      actor: LEAD,
      query: { action: 'webhook_created,webhook_secret_rotated,webhook_deleted' },
    });
    expect(log.status).toBe(200);
    const entries = auditLogPageSchema.parse(log.body).items;
    const shown = `${hook.url}?…`;
    expect(entries.map((e) => [e.action, e.actor.name, e.outcome])).toEqual([
      ['webhook_deleted', 'Femi Adeyemi', `Deleted the webhook endpoint ${hook.url}`],
      ['webhook_deleted', 'Femi Adeyemi', `Deleted the webhook endpoint ${shown}`],
      ['webhook_created', 'Billing helper', `Added the webhook endpoint ${hook.url}`],
      [
        'webhook_secret_rotated',
        'Femi Adeyemi',
        `Rotated the signing secret of the webhook endpoint ${shown}`,
      ],
      ['webhook_created', 'Femi Adeyemi', `Added the webhook endpoint ${shown}`],
    ]);
    expect(entries.at(-1)).toMatchObject({
      kind: 'access',
      actor: { type: 'person', id: LEAD },
      changes: [`Endpoint ${id}`, 'Events: handoff.decided, run.lost'],
      agentName: null,
    });
    expect(entries[0]).toMatchObject({ agentName: 'Billing helper' });
    expect(entries[2]).toMatchObject({ actor: { type: 'ai', name: 'Billing helper' } });
    const text = JSON.stringify(log.body);
    for (const secret of [created.secret, newSecret, agentHook.secret, 'receiver-password'])
      expect(text).not.toContain(secret);
  });

  it('refuses URLs that are not http(s), and private or loopback addresses without the flag', async () => {
    const server = await start(pool.file(), { webhooks: { ...fast, allowPrivate: false } });
    const refused = async (url: string, events: string[] = ['handoff.decided']) => {
      const reply = await call(server.baseUrl, 'POST', operations.createWebhook.path, {
        actor: LEAD,
        json: { url, events },
      });
      expect(reply.status, url).toBe(422);
      return (reply.body as { errors: { pointer: string; message: string }[] }).errors;
    };
    expect(await refused('ftp://example.com/hook')).toEqual([
      { pointer: '/url', message: 'Webhook URLs must use http or https.' },
    ]);
    for (const url of [
      'http://127.0.0.1:9/hook',
      'http://localhost/hook',
      'http://10.1.2.3/hook',
      'http://192.168.0.10/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]/hook',
      'http://[::ffff:127.0.0.1]/hook',
      'http://[fd00::1]/hook',
    ]) {
      expect((await refused(url))[0]!.message).toMatch(/Private, loopback and link-local/);
    }
    expect((await refused('https://example.com/hook', ['handoff.sneezed']))[0]!.pointer).toBe(
      '/events/0',
    );
  });
});

describe('webhook deliveries', () => {
  it('are signed to the Standard Webhooks specification with the handoff and the decision', async () => {
    const server = await start(pool.file());
    const hook = await openReceiver();
    const { endpoint, secret } = await register(server, hook.url);
    const [item] = await openItems(server, 1);
    await reject(server, item!);
    await until(() => hook.received.length === 1);

    const [got] = hook.received;
    const verified = new Webhook(secret).verify(got!.body, got!.headers);
    const message = webhookMessageSchema.parse(verified);
    expect(message.type).toBe('handoff.decided');
    expect(message.data).toMatchObject({
      handoff: { id: item!.id, status: 'rejected' },
      outcome: {
        type: 'rejected',
        reason: 'The draft names the wrong order.',
        by: { id: 'u-ana' },
      },
    });
    expect(got!.headers['webhook-id']).toMatch(/^msg_/);
    expect(() => new Webhook(secret).verify(`${got!.body} `, got!.headers)).toThrow();

    const [delivery] = await deliveries(server, endpoint.id);
    expect(delivery).toMatchObject({
      id: got!.headers['webhook-id'],
      status: 'delivered',
      attempts: 1,
      lastResponseStatus: 204,
      subject: item!.id,
    });
  });

  it('carry both signatures after a rotation, while the old secret is still valid', async () => {
    const server = await start(pool.file());
    const hook = await openReceiver();
    const { endpoint, secret: oldSecret } = await register(server, hook.url);
    const rotated = await call(
      server.baseUrl,
      'POST',
      pathOf(operations.rotateWebhookSecret, { id: endpoint.id }),
      { actor: LEAD },
    );
    expect(rotated.status).toBe(200);
    const { secret: newSecret, endpoint: after } = webhookWithSecretSchema.parse(rotated.body);
    expect(newSecret).not.toBe(oldSecret);
    expect(after.previousSecretValidUntil).not.toBeNull();

    const [item] = await openItems(server, 1);
    await reject(server, item!);
    await until(() => hook.received.length === 1);
    const [got] = hook.received;
    expect(got!.headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(new Webhook(newSecret).verify(got!.body, got!.headers)).toBeTruthy();
    expect(new Webhook(oldSecret).verify(got!.body, got!.headers)).toBeTruthy();
  });

  it('stop when the receiver answers 410 Gone: the endpoint is disabled', async () => {
    const server = await start(pool.file());
    const hook = await openReceiver((_req, res) => res.writeHead(410).end('gone'));
    const { endpoint } = await register(server, hook.url);
    const [a, b] = await openItems(server, 2);
    await reject(server, a!);
    await until(async () => (await deliveries(server, endpoint.id))[0]?.status === 'failed');
    const listed = webhookEndpointsSchema.parse(
      (await call(server.baseUrl, 'GET', operations.listWebhooks.path, { actor: LEAD })).body,
    ).items;
    expect(listed[0]!.disabledReason).toMatch(/410/);
    expect(listed[0]!.disabledAt).not.toBeNull();

    await reject(server, b!);
    await new Promise((r) => setTimeout(r, 200));
    const after = await deliveries(server, endpoint.id);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ attempts: 1, lastResponseStatus: 410 });
  });

  it('reach a receiver that was down for a while, every event exactly once per webhook-id', async () => {
    const server = await start(pool.file());
    let failing = 2;
    // First it fails with 500s, then it is gone altogether, then it comes back.
    const hook = await openReceiver((_req, res) => {
      if (failing-- > 0) res.writeHead(500).end('busy');
      else res.writeHead(200).end('ok');
    });
    const { endpoint, secret } = await register(server, hook.url);
    const items = await openItems(server, 6);
    await reject(server, items[0]!);
    await reject(server, items[1]!);
    // Both 500s were answered (a retry may follow at once: the receiver's side is what counts).
    await until(() => failing <= 0);
    await hook.down();
    for (const item of items.slice(2)) await reject(server, item);
    await until(async () => (await deliveries(server, endpoint.id)).every((d) => d.attempts >= 1));
    const meanwhile = await deliveries(server, endpoint.id);
    expect(
      meanwhile.filter((d) => d.lastResponse?.includes('ECONNREFUSED')).length,
    ).toBeGreaterThan(0);
    await hook.up();

    await until(async () =>
      (await deliveries(server, endpoint.id)).every((d) => d.status === 'delivered'),
    );
    const counts = countsById(hook.received);
    expect([...counts.values()]).toEqual([1, 1, 1, 1, 1, 1]);
    const subjects = hook.received.map(
      (r) =>
        webhookMessageSchema.parse(new Webhook(secret).verify(r.body, r.headers)).data.handoff?.id,
    );
    expect(new Set(subjects)).toEqual(new Set(items.map((i) => i.id)));
  });

  it('still pending when the server stops are sent after it starts again, once each', async () => {
    const file = pool.file();
    const first = await start(file);
    const hook = await openReceiver();
    const { endpoint, secret } = await register(first, hook.url);
    await hook.down();
    const items = await openItems(first, 4);
    for (const item of items) await reject(first, item);
    await until(
      async () =>
        (await deliveries(first, endpoint.id)).filter((d) => d.attempts >= 1).length === 4,
    );
    const before = (await deliveries(first, endpoint.id)).map((d) => d.id).sort();
    expect(before).toHaveLength(4);
    await pool.stop(first);

    await hook.up();
    const second = await start(file);
    await until(async () =>
      (await deliveries(second, endpoint.id)).every((d) => d.status === 'delivered'),
    );
    const counts = countsById(hook.received);
    expect([...counts.keys()].sort()).toEqual(before);
    expect([...counts.values()]).toEqual([1, 1, 1, 1]);
    for (const r of hook.received)
      expect(new Webhook(secret).verify(r.body, r.headers)).toBeTruthy();
  });

  it('never hold up a decision, however slow the receiver, and are sent again on request with the same id', async () => {
    const server = await start(pool.file(), { webhooks: { ...fast, timeoutMs: 300 } });
    let hang = true;
    const hook = await openReceiver((_req, res) => {
      if (!hang) res.writeHead(200).end();
      // Otherwise never answers.
    });
    const { endpoint } = await register(server, hook.url);
    const items = await openItems(server, 3);
    const started = performance.now();
    for (const item of items) await reject(server, item);
    expect(performance.now() - started).toBeLessThan(1_500);
    await until(async () =>
      (await deliveries(server, endpoint.id)).some((d) =>
        d.lastResponse?.includes('No answer within 300 ms'),
      ),
    );
    hang = false;
    await until(async () =>
      (await deliveries(server, endpoint.id)).every((d) => d.status === 'delivered'),
    );
    const [latest] = await deliveries(server, endpoint.id);
    const again = await call(
      server.baseUrl,
      'POST',
      pathOf(operations.resendWebhookDelivery, { id: endpoint.id, deliveryId: latest!.id }),
      { actor: LEAD },
    );
    expect(again.status).toBe(200);
    await until(
      () => hook.received.filter((r) => r.headers['webhook-id'] === latest!.id).length === 2,
    );
    // It waits on real delivery timeouts and retries: room for a machine busy with other work.
  }, 20_000);
});

describe('storage version 5', () => {
  it('adds the webhook tables to a version 3 database, keeps its world, and tells only what happens next', async () => {
    const file = pool.file();
    copyFileSync(serverFixture('v3'), file);
    const server = await start(file, { count: 40 });
    expect(server.backend.state.handoffs.size).toBe(30);
    const hook = await openReceiver();
    const { endpoint } = await register(server, hook.url, ['handoff.created', 'handoff.decided']);
    const [item] = await openItems(server, 1);
    await reject(server, item!);
    await until(() => hook.received.length === 1);
    await new Promise((r) => setTimeout(r, 100));
    expect(await deliveries(server, endpoint.id)).toHaveLength(1);
  });
});
