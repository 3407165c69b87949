// @vitest-environment node

import { nextCase, workTicket } from '../agent/reference-agent';
import { HandoffDeskAgent } from '../agent-sdk/src';
import { Backend } from './core/backend';
import { backendFetch } from './demo-agent';
import { createCustomers } from './seed/customers';
import { createRandom } from './seed/random';

/*
 * The demo's agent is the reference agent over the SDK, answered by the backend in the same
 * worker: a ticket handed off, redirected by a person, answered with a draft that follows the
 * instruction, approved, executed and acknowledged.
 */

const SECRET = 'hd_demo-agent-test-0000000000000000';

async function asPerson(backend: Backend, method: string, path: string, json?: unknown) {
  const reply = await backend.handle({
    method,
    path,
    query: new URLSearchParams(),
    headers: new Headers({
      'x-actor-id': 'u-elif',
      'content-type': 'application/json',
      'idempotency-key': crypto.randomUUID(),
    }),
    body: json === undefined ? null : JSON.stringify(json),
  });
  return reply.body as Record<string, unknown> & { version: number; status: string };
}

async function until<T>(read: () => Promise<T | null>): Promise<T> {
  for (;;) {
    const value = await read();
    if (value !== null) return value;
    await new Promise((r) => setTimeout(r, 10));
  }
}

it('works a ticket through a redirect to an acknowledged execution, with no network', async () => {
  const backend = await Backend.create({ count: 40, trustActorHeader: true });
  await backend.registerAgentKey('demo-agent', SECRET);
  const agent = new HandoffDeskAgent({
    server: 'http://demo.local',
    key: SECRET,
    fetch: backendFetch(backend),
  });
  const rng = createRandom(10);
  const { content, ticket } = nextCase(rng, createCustomers(rng, 40));
  const lines: string[] = [];
  const working = workTicket(
    { agent, ratePerMinute: 1, confidence: 0.5, log: (l) => lines.push(l) },
    content,
    ticket,
  );

  const id = await until(async () => /handed off as (h-\d+)/.exec(lines.join('\n'))?.[1] ?? null);
  const pending = await asPerson(backend, 'GET', `/handoffs/${id}`);
  await asPerson(backend, 'POST', `/handoffs/${id}/decisions`, {
    action: 'redirect',
    version: pending.version,
    instructions: 'Mention that our support line is open on Sundays.',
    timeOnItemMs: 10_000,
    acknowledgedFlags: [],
  });
  const revised = await until(async () => {
    const h = await asPerson(backend, 'GET', `/handoffs/${id}`);
    return h.status === 'claimed' ? h : null;
  });
  const drafts = revised.drafts as { text: string; note: string }[];
  expect(drafts).toHaveLength(2);
  expect(drafts[1]!.text).toContain('Please note: our support line is open on Sundays.');
  expect(drafts[1]!.note).toMatch(/Done: added/);

  await asPerson(backend, 'POST', `/handoffs/${id}/decisions`, {
    action: 'approve',
    version: revised.version,
    finalText: drafts[1]!.text,
    timeOnItemMs: 10_000,
    acknowledgedFlags: [],
  });
  await working;
  const trail = (await asPerson(backend, 'GET', `/handoffs/${id}/events`)).items as {
    action: string;
  }[];
  expect(trail.map((e) => e.action)).toEqual(
    expect.arrayContaining(['created', 'redirected', 'draft_revised', 'approved', 'executed']),
  );
});
