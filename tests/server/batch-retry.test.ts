// @vitest-environment node
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeEach, expect, it } from 'vitest';
import { Backend } from '../../mocks/core/backend';
import { plainItem } from '../../mocks/core/test-items';
import { createHttpServer } from '../../mocks/server/http';
import { batchDecisionResultSchema } from '../../src/api/batch-schemas';
import { allowLoopback } from './harness';

/*
 * A batch sent through a proxy that forwards the request and then drops the connection before
 * the reply reaches the client: the client cannot know what happened and sends the batch
 * again. The retry must apply nothing twice.
 */

const listen = (server: Server) =>
  new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    }),
  );

const backend = await Backend.create({
  count: 120,
  clock: () => Date.parse('2026-11-25T09:00:00Z'),
});
const api = createHttpServer({ backend, insecureActorHeader: true });
const apiUrl = new URL(await listen(api));

let dropNext = true;
let forwarded = 0;
/** Forwards every request; while `dropNext`, waits for the reply and then destroys the socket. */
const proxy = createServer((req, res) => {
  const upstream = httpRequest(
    {
      host: apiUrl.hostname,
      port: apiUrl.port,
      path: req.url,
      method: req.method,
      headers: req.headers,
    },
    (reply) => {
      forwarded += 1;
      if (dropNext) {
        dropNext = false;
        reply.resume();
        reply.on('end', () => res.socket?.destroy());
        return;
      }
      res.writeHead(reply.statusCode ?? 502, reply.headers);
      reply.pipe(res);
    },
  );
  req.pipe(upstream);
});
const proxyUrl = await listen(proxy);

beforeEach(() => allowLoopback());

afterAll(async () => {
  await new Promise((r) => proxy.close(r));
  await new Promise((r) => api.close(r));
});

it('applies nothing twice when the reply to a batch is lost and the client sends it again', async () => {
  const template = plainItem(backend);
  const items = [1, 2, 3].map((n) => {
    const h = {
      ...template,
      id: `h-proxy-${n}`,
      status: 'pending' as const,
      assignee: null,
      gate: null,
    };
    backend.state.putHandoff(h);
    return h;
  });
  const send = (key: string) =>
    fetch(`${proxyUrl}/api/handoffs/batch-decisions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-actor-id': 'u-ana',
        'idempotency-key': key,
      },
      body: JSON.stringify({
        batchId: 'b-proxy',
        decision: { action: 'reject', reason: 'Duplicate ticket, closed elsewhere.' },
        items: items.map((h) => ({ id: h.id, version: h.version })),
        timeOnBatchMs: 120_000,
      }),
    });

  await expect(send('k-proxy')).rejects.toThrow();
  expect(forwarded).toBe(1);
  // The server did decide them; the client just never heard.
  expect(items.map((h) => backend.state.handoffs.get(h.id)!.status)).toEqual([
    'rejected',
    'rejected',
    'rejected',
  ]);
  const eventsBefore = items.map((h) => backend.state.events.get(h.id)!.length);

  // The same key replays the reply; a new key (a client that lost it) replays per item.
  for (const key of ['k-proxy', 'k-proxy-new']) {
    const reply = await send(key);
    expect(reply.status).toBe(200);
    const result = batchDecisionResultSchema.parse(await reply.json());
    expect(result.applied).toBe(3);
  }
  expect(items.map((h) => backend.state.events.get(h.id)!.length)).toEqual(eventsBefore);
  expect(items.map((h) => backend.state.handoffs.get(h.id)!.version)).toEqual(
    items.map((h) => h.version + 1),
  );
  const rejections = items.flatMap((h) =>
    backend.state.events.get(h.id)!.filter((e) => e.batchId === 'b-proxy'),
  );
  expect(rejections).toHaveLength(3);
});
