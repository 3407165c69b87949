// @vitest-environment node
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { HandoffDeskAgent, verifyWebhook, type WebhookMessage } from '../../agent-sdk/src';
import { handoffSchema } from '../../src/api/handoff-schemas';
import { operations, pathOf } from '../../src/api/operations';
import { allowLoopback, call, type RunningServer, serverPool } from './harness';

/*
 * The agent SDK against the real server: a run that heartbeats, a review that is redirected,
 * answered and approved, the execution acknowledged, a webhook verified; and a run whose work
 * throws is reported failed with the error as its diagnosis.
 */

const pool = serverPool();
const SECRET = 'hd_0123456789abcdef0123456789abcdef0123456789abcdef';
beforeEach(() => allowLoopback());
afterEach(pool.clear);

const ticket = {
  customer: {
    id: 'c-sdk',
    name: 'Robin Example',
    email: 'robin@example.com',
    tier: 'standard' as const,
    lifetimeValue: 240,
    priorComplaints: 0,
  },
  channel: 'email' as const,
  subject: 'Parcel arrived broken',
  body: 'Hello, the vase I ordered arrived in pieces. Can you help? Thanks, Robin',
  category: 'shipping' as const,
  urgency: 'normal' as const,
  language: 'en',
  attachments: 0,
};

async function serverWithAgent(): Promise<RunningServer> {
  const server = await pool.start(pool.file(), {
    count: 60,
    webhooks: { allowPrivate: true, retryScale: 0.001, timeoutMs: 2_000 },
  });
  await server.backend.registerAgentKey('sdk-agent', SECRET);
  return server;
}

const origin = (server: RunningServer) => server.baseUrl.replace(/\/api$/, '');

async function decide(server: RunningServer, id: string, body: Record<string, unknown>) {
  const current = handoffSchema.parse(
    (await call(server.baseUrl, 'GET', pathOf(operations.getHandoff, { id }), { actor: 'u-chen' }))
      .body,
  );
  const reply = await call(server.baseUrl, 'POST', pathOf(operations.decideHandoff, { id }), {
    actor: 'u-chen',
    json: { version: current.version, timeOnItemMs: 15_000, acknowledgedFlags: [], ...body },
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
}

async function until(check: () => boolean, ms = 10_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('Timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('verifyWebhook', () => {
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const body = JSON.stringify({
    type: 'handoff.decided',
    timestamp: new Date().toISOString(),
    data: { agent: null },
  });

  it('accepts what the Standard Webhooks library signs, and nothing altered', async () => {
    const now = new Date();
    const signed = new Webhook(secret).sign('msg_1', now, body);
    const headers = {
      'webhook-id': 'msg_1',
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    };
    const message = await verifyWebhook(
      secret,
      { ...headers, 'webhook-signature': `v1,bm90IGl0 ${signed}` },
      body,
    );
    expect(message).toMatchObject({ id: 'msg_1', type: 'handoff.decided' });
    await expect(
      verifyWebhook(secret, { ...headers, 'webhook-signature': signed }, `${body} `),
    ).rejects.toThrow(/No signature/);
    await expect(
      verifyWebhook(secret, { ...headers, 'webhook-signature': signed }, body, {
        now: new Date(now.getTime() + 10 * 60_000),
      }),
    ).rejects.toThrow(/timestamp/);
  });
});

describe('the agent SDK', () => {
  it('runs a ticket through a redirect and an edited approval, acknowledges it, and hears the webhook', async () => {
    const server = await serverWithAgent();
    const received: { headers: Record<string, string>; body: string }[] = [];
    const receiver = createServer((req, res) => {
      let text = '';
      req.on('data', (c: Buffer) => {
        text += c.toString('utf8');
      });
      req.on('end', () => {
        received.push({ headers: req.headers as Record<string, string>, body: text });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const agent = new HandoffDeskAgent({ server: origin(server), key: SECRET });
      expect((await agent.me()).name).toBe('sdk-agent');
      const hook = await agent.registerWebhook(
        `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
        ['handoff.decided', 'handoff.redirected'],
      );

      const seen: string[] = [];
      const result = await agent.withRun({ ticket, step: 'classify' }, async (run) => {
        await run.step('draft');
        const review = await agent.requestReview({
          run,
          ticket,
          steps: [{ type: 'classify', summary: 'Damaged in transit' }],
          draft: 'Hi Robin, I am sorry the vase broke. I have refunded $40.00. Best, Support',
          confidence: 0.55,
          nextAction: 'Approve the refund or choose a replacement.',
          actions: [{ type: 'refund', amount: 40, currency: 'USD' }],
        });
        const waiting = review.outcome({
          pollSeconds: 5,
          onOutcome: (o) => seen.push(o.type),
          onRedirect: (redirect) => {
            expect(redirect.instructions).toBe('Send a replacement instead of a refund.');
            return {
              text: 'Hi Robin, I am sorry the vase broke. A replacement is on its way. Best, Support',
              actions: [{ type: 'replacement', item: 'Vase' }],
              note: 'Replaced the refund with a replacement.',
            };
          },
        });
        await decide(server, review.id, {
          action: 'redirect',
          instructions: 'Send a replacement instead of a refund.',
        });
        await until(() => seen.includes('redirected'));
        // The agent's new draft comes back to the desk; then a person approves it.
        await until(() => server.backend.state.handoffs.get(review.id)?.drafts.length === 2);
        const text = 'Hi Robin, so sorry about the vase. A replacement ships today. Best, Support';
        await decide(server, review.id, { action: 'approve', finalText: text });
        const outcome = await waiting;
        await review.acknowledge({ status: 'applied', detail: 'Replacement order R-1 placed.' });
        return { outcome, id: review.id };
      });

      expect(seen).toEqual(['redirected', 'approved']);
      expect(result.outcome).toMatchObject({
        type: 'approved',
        finalText: 'Hi Robin, so sorry about the vase. A replacement ships today. Best, Support',
        finalActions: [{ type: 'replacement', item: 'Vase' }],
        edited: { text: true, actions: false },
      });
      const trail = await call(
        server.baseUrl,
        'GET',
        pathOf(operations.listHandoffEvents, { id: result.id }),
        {
          actor: 'u-femi',
        },
      );
      const actions = (trail.body as { items: { action: string }[] }).items.map((e) => e.action);
      expect(actions).toEqual(
        expect.arrayContaining(['created', 'redirected', 'draft_revised', 'approved', 'executed']),
      );

      await until(() => received.length >= 2);
      const messages: WebhookMessage[] = [];
      for (const r of received) messages.push(await verifyWebhook(hook.secret, r.headers, r.body));
      expect(messages.map((m) => m.type).sort()).toEqual(['handoff.decided', 'handoff.redirected']);
      expect(messages.every((m) => m.data.handoff?.id === result.id)).toBe(true);
    } finally {
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });

  it('reports a run failed, with the error as its diagnosis, when the work throws', async () => {
    const server = await serverWithAgent();
    const agent = new HandoffDeskAgent({ server: origin(server), key: SECRET });
    await expect(
      agent.withRun({ ticket, step: 'retrieve' }, async () => {
        throw new Error('The order service timed out');
      }),
    ).rejects.toThrow('The order service timed out');
    const runs = await call(server.baseUrl, 'GET', operations.listAgentRuns.path, {
      actor: 'u-femi',
    });
    const [run] = (runs.body as { items: { status: string; diagnosis: string | null }[] }).items;
    expect(run).toMatchObject({ status: 'failed' });
    expect(run!.diagnosis).toContain('The order service timed out');
  });
});
