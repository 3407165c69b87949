import { z } from 'zod/mini';
// @vitest-environment node
import {
  type AgentEvent,
  agentHandoffResultSchema,
  createdAgentKeySchema,
  executionResultSchema,
  outcomeReplySchema,
  pendingRedirectsSchema,
  runResultSchema,
  runSchema,
} from '../../../src/api/agent-schemas';
import { auditLogPageSchema } from '../../../src/api/audit-schemas';
import { handoffSchema, problemSchema } from '../../../src/api/handoff-schemas';
import { Backend } from '../backend';

/*
 * The agent API against the in-process backend: keys, runs and leases, handoffs and their
 * outcomes by long-poll, redirect answers and execution reports, and the events they publish.
 */

const START = Date.parse('2026-11-25T09:00:00.000Z');
const LEAD = 'u-femi';
let keyCounter = 0;

function setup() {
  let now = START;
  const clock = () => now;
  const advance = (ms: number) => {
    now += ms;
  };
  return Backend.create({ count: 40, clock, leaseSeconds: 30 }).then((backend) => ({
    backend,
    advance,
  }));
}

function call(
  backend: Backend,
  method: string,
  path: string,
  opts: { key?: string; actor?: string; body?: unknown; query?: Record<string, string> } = {},
) {
  const headers = new Headers();
  if (opts.key !== undefined) headers.set('Authorization', `Bearer ${opts.key}`);
  if (opts.actor) headers.set('X-Actor-Id', opts.actor);
  if (method !== 'GET') headers.set('Idempotency-Key', `agent-test-${++keyCounter}`);
  return backend.handle({
    method,
    path,
    query: new URLSearchParams(opts.query),
    headers,
    body: opts.body === undefined ? null : JSON.stringify(opts.body),
  });
}

async function issue(backend: Backend, name: string) {
  const reply = await call(backend, 'POST', '/agent-keys', { actor: LEAD, body: { name } });
  expect(reply.status).toBe(201);
  return createdAgentKeySchema.parse(reply.body);
}

const ticket = {
  customer: {
    id: 'c-agent-1',
    name: 'Priya Raman',
    email: 'priya@example.com',
    tier: 'plus',
    lifetimeValue: 1200,
    priorComplaints: 0,
  },
  channel: 'email',
  subject: 'Blender arrived broken',
  body: 'My blender (order #88123, $649.00) arrived with a cracked jug. I want my money back.',
  category: 'billing',
  urgency: 'normal',
  language: 'en',
  attachments: 1,
} as const;

const handoffBody = (runId?: string) => ({
  ...(runId ? { runId } : {}),
  ticket,
  steps: [{ type: 'classify', summary: 'Classified as billing' }],
  draft: "I'm sorry about the cracked jug. I've issued a full refund of $649.00 to your card.",
  confidence: 0.6,
  nextAction: 'Approve the refund of $649.00',
  actions: [{ type: 'refund', amount: 649, currency: 'USD' }],
});

describe('agent keys', () => {
  it('are issued by a lead, shown once, and a revoked or unknown key is a 401 problem', async () => {
    const { backend } = await setup();
    const key = await issue(backend, 'Refund bot');
    expect(key.secret).toMatch(/^hd_/);
    const listed = await call(backend, 'GET', '/agent-keys', { actor: LEAD });
    expect(JSON.stringify(listed.body)).not.toContain(key.secret);
    const me = await call(backend, 'GET', '/agent/me', { key: key.secret });
    expect(me.body).toEqual({ id: 'agent:Refund bot', name: 'Refund bot' });

    const reviewer = await call(backend, 'POST', '/agent-keys', {
      actor: 'u-ana',
      body: { name: 'Sneaky' },
    });
    expect(reviewer.status).toBe(403);

    await call(backend, 'DELETE', `/agent-keys/${key.id}`, { actor: LEAD });
    for (const secret of [key.secret, 'hd_unknownunknownunknown', 'not-a-key', '']) {
      const reply = await call(backend, 'GET', '/agent/me', { key: secret });
      expect(reply.status).toBe(401);
      expect(problemSchema.parse(reply.body).code).toBe('unauthenticated');
    }
  });

  it('are audited when issued and revoked, by the lead, naming the key and never its secret', async () => {
    const { backend } = await setup();
    const key = await issue(backend, 'Refund bot');
    for (let n = 0; n < 2; n++) {
      expect((await call(backend, 'DELETE', `/agent-keys/${key.id}`, { actor: LEAD })).status).toBe(
        200,
      );
    }
    const log = async (query: Record<string, string>) =>
      auditLogPageSchema.parse((await call(backend, 'GET', '/audit', { actor: LEAD, query })).body);
    const page = await log({ action: 'agent_key_issued,agent_key_revoked' });
    expect(JSON.stringify(page)).not.toContain(key.secret);
    // Revoking twice is one change.
    expect(page.items.map((e) => [e.action, e.actor.name, e.outcome])).toEqual([
      ['agent_key_revoked', 'Femi Adeyemi', 'Revoked the agent key of Refund bot'],
      ['agent_key_issued', 'Femi Adeyemi', 'Issued the agent key of Refund bot'],
    ]);
    expect((await log({ q: 'Refund bot' })).items.some((e) => e.kind === 'access')).toBe(true);
    expect((await log({ item: '#4521' })).items.some((e) => e.kind === 'access')).toBe(false);
  });

  it('keep agents off people’s endpoints and people off agents’', async () => {
    const { backend } = await setup();
    const key = await issue(backend, 'Bot');
    expect((await call(backend, 'GET', '/handoffs', { key: key.secret })).status).toBe(403);
    expect((await call(backend, 'GET', '/agent/me', { actor: 'u-ana' })).status).toBe(403);
  });

  it('answer a malformed body with field pointers', async () => {
    const { backend } = await setup();
    const key = await issue(backend, 'Bot');
    const reply = await call(backend, 'POST', '/agent/handoffs', {
      key: key.secret,
      body: { ...handoffBody(), confidence: 2, actions: [{ type: 'refund', amount: -1 }] },
    });
    expect(reply.status).toBe(422);
    const pointers = problemSchema.parse(reply.body).errors!.map((e) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/confidence', '/actions/0/amount']));
  });
});

describe('runs and leases', () => {
  it('renew by heartbeat; another agent touching the run is refused', async () => {
    const { backend, advance } = await setup();
    const a = await issue(backend, 'Agent A');
    const b = await issue(backend, 'Agent B');
    const started = await call(backend, 'POST', '/agent/runs', {
      key: a.secret,
      body: { ticket, step: 'classify' },
    });
    expect(started.status).toBe(201);
    const run = runSchema.parse(started.body);
    advance(20_000);
    const beat = await call(backend, 'POST', `/agent/runs/${run.id}/heartbeat`, {
      key: a.secret,
      body: { step: 'draft' },
    });
    expect(runSchema.parse(beat.body).leaseExpiresAt).toBe(new Date(START + 50_000).toISOString());
    const other = await call(backend, 'POST', `/agent/runs/${run.id}/heartbeat`, {
      key: b.secret,
      body: {},
    });
    expect(other.status).toBe(403);
  });

  it('that lapse become a failed handoff a person takes over, and the agent learns it', async () => {
    const { backend, advance } = await setup();
    const a = await issue(backend, 'Agent A');
    const events: AgentEvent[] = [];
    backend.agentEvents.subscribe((e) => events.push(e));
    const run = runSchema.parse(
      (
        await call(backend, 'POST', '/agent/runs', {
          key: a.secret,
          body: { ticket, step: 'draft' },
        })
      ).body,
    );
    advance(31_000);
    await backend.tick();
    const runs = await call(backend, 'GET', '/agent-runs', { actor: LEAD });
    const lost = z.array(runSchema).parse((runs.body as { items: unknown[] }).items)[0]!;
    expect(lost.status).toBe('lost');
    expect(lost.diagnosis).toBe('Agent A stopped responding during draft');
    const item = handoffSchema.parse(backend.state.handoffs.get(lost.handoffId!));
    expect(item.status).toBe('failed');
    expect(item.level).not.toBe('ai');
    expect(events.map((e) => e.type)).toContain('run.lost');

    const taken = await call(backend, 'POST', `/handoffs/${item.id}/take-over`, {
      actor: 'u-ana',
      body: { version: item.version },
    });
    expect(taken.status).toBe(200);
    const back = await call(backend, 'POST', `/agent/runs/${run.id}/heartbeat`, {
      key: a.secret,
      body: {},
    });
    expect(back.status).toBe(409);
    const problem = problemSchema.parse(back.body);
    expect(problem.code).toBe('run_taken_over');
    expect(problem.detail).toContain('took ticket');
  });

  it('report a failure with a diagnosis as a failed handoff', async () => {
    const { backend } = await setup();
    const a = await issue(backend, 'Agent A');
    const run = runSchema.parse(
      (await call(backend, 'POST', '/agent/runs', { key: a.secret, body: { ticket } })).body,
    );
    const failed = await call(backend, 'POST', `/agent/runs/${run.id}/failure`, {
      key: a.secret,
      body: { diagnosis: 'The order service timed out', step: 'tool_call' },
    });
    const result = runResultSchema.parse(failed.body);
    expect(result.run.status).toBe('failed');
    expect(result.handoff?.status).toBe('failed');
    expect(result.handoff?.context.diagnosis).toContain('The order service timed out');
  });
});

/** Dana sends the item back to its agent, with what else the redirect carries. */
const redirectAsDana = (
  backend: Backend,
  handoff: { id: string; version: number },
  extra: { editedText?: string } = {},
) =>
  call(backend, 'POST', `/handoffs/${handoff.id}/decisions`, {
    actor: 'u-dana',
    body: {
      action: 'redirect',
      version: handoff.version,
      timeOnItemMs: 20_000,
      instructions: 'Apologise for the delay',
      ...extra,
    },
  });

describe('handoffs from agents', () => {
  async function handOff() {
    const ctx = await setup();
    const key = await issue(ctx.backend, 'Refund bot');
    const run = runSchema.parse(
      (await call(ctx.backend, 'POST', '/agent/runs', { key: key.secret, body: { ticket } })).body,
    );
    const created = await call(ctx.backend, 'POST', '/agent/handoffs', {
      key: key.secret,
      body: handoffBody(run.id),
    });
    expect(created.status).toBe(201);
    const { handoff } = agentHandoffResultSchema.parse(created.body);
    return { ...ctx, key, run, handoff };
  }

  it('are routed by the policy, drafted under the agent’s name, with its actions', async () => {
    const { handoff } = await handOff();
    expect(handoff.status).toBe('pending');
    expect(handoff.level).toBe('manager');
    expect(handoff.drafts[0]!.author).toEqual({
      type: 'ai',
      id: 'agent:Refund bot',
      name: 'Refund bot',
    });
    expect(handoff.drafts[0]!.actions).toEqual([{ type: 'refund', amount: 649, currency: 'USD' }]);
  });

  it('are routed by their proposed actions even when the options promise less', async () => {
    const { backend } = await setup();
    const key = await issue(backend, 'Refund bot');
    const credit = (amount: string) => ({
      label: `Credit of ${amount}`,
      rationale: 'Keeps the sale.',
      draft: `I'm sorry about the cracked jug. I've added a credit of ${amount} to your account.`,
    });
    const created = await call(backend, 'POST', '/agent/handoffs', {
      key: key.secret,
      body: { ...handoffBody(), options: [credit('$20.00'), credit('$30.00')] },
    });
    expect(created.status).toBe(201);
    // Its $649 refund action is carried out if the first option is approved as it stands.
    expect(agentHandoffResultSchema.parse(created.body).handoff.level).toBe('manager');
  });

  it('wake a waiting long-poll on the decision, and the first decision wins', async () => {
    const { backend, key, handoff } = await handOff();
    const waiting = call(backend, 'GET', `/handoffs/${handoff.id}/outcome`, {
      key: key.secret,
      query: { wait: '5' },
    });
    const decided = await call(backend, 'POST', `/handoffs/${handoff.id}/decisions`, {
      actor: 'u-dana',
      body: {
        action: 'approve',
        version: handoff.version,
        timeOnItemMs: 20_000,
        finalText: "I'm sorry about the cracked jug. I've issued a refund of $600.00 to your card.",
        finalActions: [{ type: 'refund', amount: 600, currency: 'USD' }],
      },
    });
    expect(decided.status).toBe(200);
    const reply = outcomeReplySchema.parse((await waiting).body);
    expect(reply.final).toBe(true);
    expect(reply.outcome).toMatchObject({
      type: 'approved',
      finalActions: [{ type: 'refund', amount: 600, currency: 'USD' }],
      edited: { text: true, actions: true },
    });
    expect(reply.outcome?.type === 'approved' && reply.outcome.diff).toContain(
      'Refund $649.00 → Refund $600.00',
    );
    const second = await call(backend, 'POST', `/handoffs/${handoff.id}/decisions`, {
      actor: 'u-dana',
      body: { action: 'reject', version: handoff.version, timeOnItemMs: 1, reason: 'Too late now' },
    });
    expect(second.status).toBe(409);
  });

  it('take a redirect answered with a new draft back to the reviewer; a stale answer is a 409', async () => {
    const { backend, key, handoff } = await handOff();
    const redirected = await call(backend, 'POST', `/handoffs/${handoff.id}/decisions`, {
      actor: 'u-dana',
      body: {
        action: 'redirect',
        version: handoff.version,
        timeOnItemMs: 20_000,
        instructions: 'Offer a 20% discount instead of a refund',
      },
    });
    expect(redirected.status).toBe(200);
    const poll = outcomeReplySchema.parse(
      (await call(backend, 'GET', `/handoffs/${handoff.id}/outcome`, { key: key.secret })).body,
    );
    expect(poll.outcome).toMatchObject({
      type: 'redirected',
      instructions: 'Offer a 20% discount instead of a refund',
    });
    expect(poll.final).toBe(false);
    const version = poll.outcome!.version;
    const stale = await call(backend, 'POST', `/agent/handoffs/${handoff.id}/drafts`, {
      key: key.secret,
      body: { inReplyTo: version - 1, text: 'x', actions: [{ type: 'reply' }], note: 'n' },
    });
    expect(stale.status).toBe(409);
    const answered = await call(backend, 'POST', `/agent/handoffs/${handoff.id}/drafts`, {
      key: key.secret,
      body: {
        inReplyTo: version,
        text: "I'm sorry about the cracked jug. I've added a 20% discount to your next order.",
        actions: [{ type: 'account_change', description: '20% discount on the next order' }],
        note: 'Replaced the refund with a 20% discount',
      },
    });
    expect(answered.status).toBe(201);
    const item = handoffSchema.parse(answered.body);
    expect(item.status).toBe('claimed');
    expect(item.assignee?.id).toBe('u-dana');
    expect(item.drafts).toHaveLength(2);
    const again = await call(backend, 'POST', `/agent/handoffs/${handoff.id}/drafts`, {
      key: key.secret,
      body: { inReplyTo: item.version, text: 'x', actions: [{ type: 'reply' }], note: 'n' },
    });
    expect(again.status).toBe(409);
  });

  it('hand the agent the reviewer’s unsent edit with a redirect, keep it until answered, and refuse a blank or overlong one', async () => {
    const { backend, key, handoff } = await handOff();
    const redirect = (editedText: string) => redirectAsDana(backend, handoff, { editedText });
    for (const [text, message] of [
      ['   ', /empty/],
      ['x'.repeat(20_001), /20,000/],
    ] as const) {
      const refused = await redirect(text);
      expect(refused.status).toBe(422);
      expect(problemSchema.parse(refused.body).errors).toEqual([
        expect.objectContaining({
          pointer: '/editedText',
          message: expect.stringMatching(message),
        }),
      ]);
    }
    const edit = 'Hi Priya, we are refunding the jug: $649.00 back to your card.';
    expect((await redirect(edit)).status).toBe(200);
    const poll = outcomeReplySchema.parse(
      (await call(backend, 'GET', `/handoffs/${handoff.id}/outcome`, { key: key.secret })).body,
    );
    expect(poll.outcome).toMatchObject({ type: 'redirected', editedText: edit });
    // While the agent works, the edit is the item's working draft: a person who opens it sees it.
    expect(backend.state.handoffs.get(handoff.id)?.workingDraft?.text).toBe(edit);
    const answered = await call(backend, 'POST', `/agent/handoffs/${handoff.id}/drafts`, {
      key: key.secret,
      body: {
        inReplyTo: poll.outcome!.version,
        text: `${edit} Sorry for the delay.`,
        actions: [{ type: 'refund', amount: 649, currency: 'USD' }],
        note: 'Apologised',
      },
    });
    const item = handoffSchema.parse(answered.body);
    expect(item.workingDraft).toBeNull();
    expect(item.drafts[1]?.revisedFrom).toEqual({
      text: edit,
      by: { id: 'u-dana', name: expect.any(String) },
    });
  });

  it('read a redirect stored without an edit (before edits travelled with it) as having none', async () => {
    const { backend, key, handoff } = await handOff();
    await redirectAsDana(backend, handoff);
    const poll = outcomeReplySchema.parse(
      (await call(backend, 'GET', `/handoffs/${handoff.id}/outcome`, { key: key.secret })).body,
    );
    expect(poll.outcome).toMatchObject({ type: 'redirected', editedText: null });
    // A draft version stored before `revisedFrom` existed still reads.
    const { revisedFrom: _none, ...old } = handoffSchema.parse(
      backend.state.handoffs.get(handoff.id),
    ).drafts[0]!;
    expect(handoffSchema.shape.drafts.parse([old])[0]).toEqual(old);
  });

  it('wake an agent waiting for redirects when one of its items is sent back, not for other writes', async () => {
    const { backend, key, handoff } = await handOff();
    const redirects = () =>
      call(backend, 'GET', '/agent/redirects', { key: key.secret, query: { wait: '5' } });
    const waiting = redirects();
    let answered = false;
    void waiting.then(() => {
      answered = true;
    });
    // Another item's write wakes the wait; it is not this agent's redirect, so it keeps waiting.
    const run = runSchema.parse(
      (await call(backend, 'POST', '/agent/runs', { key: key.secret, body: { ticket } })).body,
    );
    expect(
      (
        await call(backend, 'POST', '/agent/handoffs', {
          key: key.secret,
          body: handoffBody(run.id),
        })
      ).status,
    ).toBe(201);
    await new Promise((r) => setTimeout(r, 20));
    expect(answered).toBe(false);
    await call(backend, 'POST', `/handoffs/${handoff.id}/decisions`, {
      actor: 'u-dana',
      body: {
        action: 'redirect',
        version: handoff.version,
        timeOnItemMs: 20_000,
        instructions: 'Offer store credit instead',
      },
    });
    const { items } = pendingRedirectsSchema.parse((await waiting).body);
    expect(items.map((i) => [i.handoff.id, i.redirect.instructions])).toEqual([
      [handoff.id, 'Offer store credit instead'],
    ]);
    // Asked again, the redirect still waits for its draft.
    const again = pendingRedirectsSchema.parse((await redirects()).body);
    expect(again.items.map((i) => i.handoff.id)).toEqual([handoff.id]);
  });

  it('read the audit trail as proposal, decision, execution; a failed execution opens a failed item', async () => {
    const { backend, key, handoff } = await handOff();
    const events: AgentEvent[] = [];
    backend.agentEvents.subscribe((e) => events.push(e));
    await call(backend, 'POST', `/handoffs/${handoff.id}/decisions`, {
      actor: 'u-dana',
      body: {
        action: 'approve',
        version: handoff.version,
        timeOnItemMs: 20_000,
        finalText: handoff.drafts[0]!.text,
      },
    });
    const failed = await call(backend, 'POST', `/agent/handoffs/${handoff.id}/execution`, {
      key: key.secret,
      body: { status: 'failed', detail: 'The payment provider declined the refund' },
    });
    const result = executionResultSchema.parse(failed.body);
    expect(result.failedHandoff?.status).toBe('failed');
    const trail = backend.state.events.get(handoff.id)!.map((e) => e.action);
    expect(trail.indexOf('created')).toBeLessThan(trail.indexOf('approved'));
    expect(trail.indexOf('approved')).toBeLessThan(trail.indexOf('execution_failed'));
    expect(events.map((e) => e.type)).toEqual([
      'handoff.decided',
      'execution.failed',
      'handoff.created',
    ]);
    const twice = await call(backend, 'POST', `/agent/handoffs/${handoff.id}/execution`, {
      key: key.secret,
      body: { status: 'applied' },
    });
    expect(twice.status).toBe(409);
  });

  it('refuse an approval whose text promises more than its actions, naming the sentence', async () => {
    const { backend, handoff } = await handOff();
    const reply = await call(backend, 'POST', `/handoffs/${handoff.id}/decisions`, {
      actor: 'u-elif',
      body: {
        action: 'approve',
        version: handoff.version,
        timeOnItemMs: 20_000,
        finalText: "I've issued a refund. The amount is $20k.",
        finalActions: [{ type: 'refund', amount: 649, currency: 'USD' }],
      },
    });
    expect(reply.status).toBe(422);
    expect(problemSchema.parse(reply.body).detail).toContain('The amount is $20k.');
  });
});
