// @vitest-environment node
import { arrivalResultSchema } from '../../../src/api/arrival-schemas';
import { type AuditEvent, type Handoff, problemSchema } from '../../../src/api/handoff-schemas';
import type { PolicyPatch } from '../../../src/api/policy-change-schemas';
import { whatIfResultSchema } from '../../../src/api/what-if-schemas';
import type { Backend } from '../backend';
import { type ArrivalInput, ingestTicket } from './ingest';
import { arrival, call, makeBackend, ticket } from './test-kit';

/** Ingests through POST /handoffs/arrivals, as tests and the demo create traffic. */
async function ingest(backend: Backend, input: ArrivalInput) {
  const reply = await call(backend, 'POST', '/handoffs/arrivals', { body: input });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return arrivalResultSchema.parse(reply.body);
}

function trail(backend: Backend, h: Handoff): AuditEvent[] {
  return backend.state.events.get(h.id) ?? [];
}

async function savePolicy(backend: Backend, patch: PolicyPatch, version = 1) {
  const reply = await call(backend, 'POST', '/policy/changes', {
    body: { version, patch, reason: 'Tighten shipping while the carrier is unreliable.' },
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
}

describe('ingestTicket', () => {
  it('auto-approves a clean, confident ticket, audited with its confidence and the threshold', async () => {
    const backend = await makeBackend();
    const { handoff, route } = await ingest(backend, arrival(0.9));
    expect(route.route).toMatch(/^auto_approve/);
    expect(handoff).toMatchObject({
      status: 'auto_approved',
      kind: 'completion',
      level: 'ai',
      policyVersion: 1,
      sampledForReview: route.route === 'auto_approve_sampled',
    });
    expect(handoff.outcome).toMatchObject({ action: 'approve', by: { type: 'system' } });
    const events = trail(backend, handoff);
    expect(events.map((e) => e.action)).toEqual(['created', 'auto_approved']);
    expect(events[1]?.why.confidence).toBe(0.9);
    expect(events[1]?.why.reason).toMatch(
      /Confidence 90% is at or above the shipping threshold of 85%/,
    );
    expect(events[1]?.outcome).toMatch(/policy v1/);
  });

  it('sends the same ticket to the queue once a lead raises the category threshold above it', async () => {
    const backend = await makeBackend();
    await savePolicy(backend, { categories: { shipping: { confidenceThreshold: 0.95 } } });
    const { handoff, route } = await ingest(backend, arrival(0.9));
    expect(route.route).toBe('human_review');
    expect(handoff).toMatchObject({
      status: 'pending',
      kind: 'checkpoint',
      level: 'l1',
      policyVersion: 2,
      sampledForReview: false,
    });
    const created = trail(backend, handoff)[0];
    expect(created?.action).toBe('created');
    expect(created?.why.reason).toMatch(/Confidence 90% is below the shipping threshold of 95%/);
  });

  it('flags by the rules table in force, naming each rule and its version', async () => {
    const backend = await makeBackend();
    const threat = { body: 'This is the third delay. My lawyer will hear about it. Noor' };
    const before = await ingest(backend, arrival(0.95, threat));
    expect(before.handoff).toMatchObject({ status: 'pending', kind: 'escalation', level: 'l2' });
    expect(before.handoff.context.flags).toEqual([
      expect.objectContaining({ rule: 'policy_keyword', ruleVersion: 1, hardStop: true }),
    ]);
    const flagged = trail(backend, before.handoff).filter((e) => e.action === 'flagged');
    expect(flagged).toHaveLength(1);
    expect(flagged[0]?.why).toMatchObject({ rule: 'policy_keyword' });
    expect(flagged[0]?.why.reason).toMatch(/Policy keyword rule v1: hard stop/);

    // A lead adds a keyword: the rule's version moves and new flags say so.
    await savePolicy(backend, {
      rules: [{ id: 'policy_keyword', params: { keywords: ['lawyer', 'ombudsman'] } }],
    });
    const after = await ingest(backend, arrival(0.95, { body: 'I will go to the ombudsman.' }));
    expect(after.handoff.context.flags).toEqual([
      expect.objectContaining({ rule: 'policy_keyword', ruleVersion: 2 }),
    ]);
    expect(after.handoff.policyVersion).toBe(2);
  });

  it('marks auto-approved items drawn for the post-hoc sample', async () => {
    const backend = await makeBackend();
    await savePolicy(backend, { categories: { shipping: { sampleRate: 1 } } });
    const { handoff } = await ingest(backend, arrival(0.9));
    expect(handoff).toMatchObject({ status: 'auto_approved', sampledForReview: true });
    expect(trail(backend, handoff).at(-1)?.outcome).toMatch(/drawn for post-hoc review/);
  });

  it('raises the anomaly rule on a burst from one customer', async () => {
    const backend = await makeBackend();
    await ingest(backend, arrival(0.9));
    await ingest(backend, arrival(0.9));
    const third = await ingest(backend, arrival(0.9));
    expect(third.handoff.context.flags.map((f) => f.rule)).toContain('anomaly');
  });

  it('can be called directly with the backend services, as an arrivals job will', async () => {
    const backend = await makeBackend();
    const { handoff } = ingestTicket(backend.services, arrival(0.5));
    expect(handoff.status).toBe('pending');
    expect(handoff.context.flags.map((f) => f.rule)).toEqual(['low_confidence']);
    expect(backend.state.handoffs.get(handoff.id)).toEqual(handoff);
  });
});

describe('the what-if equals what the saved policy then does', () => {
  const patch: PolicyPatch = {
    categories: {
      shipping: { confidenceThreshold: 0.93 },
      technical: { pattern: 'exception_based' },
      billing: { confidenceThreshold: 0.8 },
    },
  };
  const categories = ['shipping', 'technical', 'billing', 'account'] as const;
  const inputs: ArrivalInput[] = Array.from({ length: 24 }, (_, i) =>
    arrival(0.8 + (i % 10) * 0.02, {
      category: categories[i % categories.length],
      customer: { ...ticket().customer, id: `c-whatif-${i}` },
      ...(i % 7 === 3 ? { body: 'I want to talk to someone, this is going to court.' } : {}),
    }),
  );

  it('routes every replayed item under the saved policy as the preview said', async () => {
    // World A: the items arrive under the default policy and people decide the reviewed ones.
    const a = await makeBackend();
    const ids: string[] = [];
    for (const input of inputs) {
      const { handoff } = await ingest(a, input);
      ids.push(handoff.id);
      if (handoff.status !== 'pending') continue;
      const decided = await call(a, 'POST', `/handoffs/${handoff.id}/decisions`, {
        actor: 'u-elif',
        body: {
          action: 'approve',
          version: handoff.version,
          timeOnItemMs: 30_000,
          acknowledgedFlags: handoff.context.flags.map((f) => f.rule),
          finalText: handoff.drafts[0]!.text,
          selectedOptionId: null,
        },
      });
      expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    }
    const preview = whatIfResultSchema.parse(
      (await call(a, 'POST', '/policy/what-if', { body: { patch } })).body,
    );
    const verdicts = new Map(preview.verdicts.map((v) => [v.id, v]));

    // World B: the same world saves the edit, then the same items arrive.
    const b = await makeBackend();
    await savePolicy(b, patch);
    const routes = new Set<string>();
    for (const [i, input] of inputs.entries()) {
      const { handoff, route } = await ingest(b, input);
      expect(handoff.id).toBe(ids[i]);
      const verdict = verdicts.get(handoff.id);
      expect(verdict, handoff.id).toBeDefined();
      expect(route.route, handoff.id).toBe(verdict?.route);
      expect(handoff.level, handoff.id).toBe(verdict?.level);
      routes.add(route.route);
    }
    // The comparison covers both sides of the line.
    expect(routes).toContain('human_review');
    expect([...routes].some((r) => r.startsWith('auto_approve'))).toBe(true);
  });
});

describe('POST /handoffs/arrivals', () => {
  it('writes a ticket of the wished category when none is given', async () => {
    const backend = await makeBackend();
    const { handoff } = await ingest(backend, { category: 'technical', confidence: 0.99 } as never);
    expect(handoff.ticket.category).toBe('technical');
    expect(handoff.context.confidence).toBe(0.99);
  });

  it('takes arrivals from anyone on a demo world, and only from leads on a real server', async () => {
    const demo = await makeBackend();
    expect(
      (await call(demo, 'POST', '/handoffs/arrivals', { actor: 'u-ana', body: {} })).status,
    ).toBe(201);
    const real = await makeBackend({ allowReset: false });
    const refused = await call(real, 'POST', '/handoffs/arrivals', { actor: 'u-ana', body: {} });
    expect(refused.status).toBe(403);
    expect(problemSchema.parse(refused.body).code).toBe('forbidden');
    expect(
      (await call(real, 'POST', '/handoffs/arrivals', { actor: 'u-femi', body: {} })).status,
    ).toBe(201);
  });

  it('refuses a ticket without the AI’s work, with a pointer', async () => {
    const backend = await makeBackend();
    const reply = await call(backend, 'POST', '/handoffs/arrivals', { body: { ticket: ticket() } });
    expect(reply.status).toBe(422);
    expect(problemSchema.parse(reply.body).errors?.map((e) => e.pointer)).toContain('/ai');
  });
});
