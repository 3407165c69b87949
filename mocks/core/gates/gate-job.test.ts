// @vitest-environment node

import {
  type ChangeEvent,
  decisionResultSchema,
  type Handoff,
  problemSchema,
} from '../../../src/api/handoff-schemas';
import { newGate } from '../../../src/domain/gates';
import { Backend } from '../backend';
import { applyGateDefaults } from './gate-job';

const NOW = Date.parse('2026-11-25T09:00:00.000Z');
const MINUTE = 60_000;

async function setup() {
  let now = NOW;
  const backend = await Backend.create({ count: 120, clock: () => now });
  return {
    backend,
    at: (ms: number) => {
      now = ms;
    },
    item: (id: string) => backend.state.handoffs.get(id)!,
    events: (id: string) => backend.state.events.get(id) ?? [],
  };
}

let keys = 0;
const post = (backend: Backend, path: string, body: unknown, actor = 'u-ana') =>
  backend.handle({
    method: 'POST',
    path,
    query: new URLSearchParams(),
    headers: new Headers({ 'X-Actor-Id': actor, 'Idempotency-Key': `g-${++keys}` }),
    body: JSON.stringify(body),
  });

const approve = (h: Handoff) => ({
  action: 'approve',
  version: h.version,
  timeOnItemMs: 20_000,
  acknowledgedFlags: [],
  finalText: h.drafts.at(-1)!.text,
  selectedOptionId: null,
});

/** Puts a gate on a seeded item, as a routing policy would have. */
function gate(backend: Backend, h: Handoff, action: 'approve' | 'reject' | 'hold_and_escalate') {
  backend.state.putHandoff({ ...h, gate: newGate(NOW - MINUTE, 10 * MINUTE, action) });
  backend.state.drain();
}

describe('the approval gate job', () => {
  it('does nothing before the timeout', async () => {
    const w = await setup();
    const before = w.item('h-4522');
    await w.backend.tick();
    w.at(NOW + 18 * MINUTE - 1);
    await w.backend.tick();
    expect(w.item('h-4522')).toEqual(before);
  });

  it('holds and escalates once at the timeout, as the system, with the reason and the reply sent', async () => {
    const w = await setup();
    const before = w.item('h-4522');
    expect(before).toMatchObject({ status: 'pending', level: 'l1' });
    const changes: ChangeEvent[] = [];
    w.backend.subscribe((e) => changes.push(e));

    w.at(NOW + 18 * MINUTE);
    await w.backend.tick();
    const after = w.item('h-4522');
    expect(after).toMatchObject({ status: 'escalated', level: 'l2', assignee: null, version: 2 });
    expect(after.gate?.applied).toMatchObject({
      at: new Date(NOW + 18 * MINUTE).toISOString(),
      action: 'hold_and_escalate',
    });
    expect(after.gate?.applied?.reason).toMatch(/timed out at 09:18 UTC.*holding reply.*L2/);
    expect(after.gate?.applied?.holdingReply).toMatch(/^Hi Priya,[\s\S]*#4522/);
    expect(after.escalation).toMatchObject({ by: { type: 'system' }, fromLevel: 'l1' });
    const added = w.events('h-4522').slice(-2);
    expect(added.map((e) => [e.action, e.actor.type, e.version])).toEqual([
      ['expired', 'system', 2],
      ['escalated', 'system', 2],
    ]);
    expect(added[0]?.why.reason).toBe(after.gate?.applied?.reason);
    // Other items may move on the same tick (SLA escalation); this one is announced once.
    expect(changes.filter((c) => c.type === 'handoff.changed' && c.id === 'h-4522')).toEqual([
      expect.objectContaining({
        type: 'handoff.changed',
        id: 'h-4522',
        status: 'escalated',
        by: null,
      }),
    ]);

    // Twice at the same clock, and again later: nothing more happens.
    const trail = w.events('h-4522').length;
    await w.backend.tick();
    w.at(NOW + 60 * MINUTE);
    await w.backend.tick();
    expect(w.item('h-4522')).toEqual(after);
    expect(w.events('h-4522')).toHaveLength(trail);
    expect(changes.filter((c) => c.type === 'handoff.changed' && c.id === 'h-4522')).toHaveLength(
      1,
    );
  });

  it('approves as drafted when that is the default and nothing needs a person', async () => {
    const w = await setup();
    const before = w.item('h-4523');
    w.at(Date.parse(before.gate!.timeoutAt));
    await w.backend.tick();
    const after = w.item('h-4523');
    expect(after.status).toBe('expired');
    expect(after.outcome).toMatchObject({
      action: 'approve',
      by: { type: 'system' },
      finalText: before.drafts.at(-1)!.text,
      edited: false,
    });
    expect(after.gate?.applied?.action).toBe('approve');
    expect(w.events('h-4523').at(-1)).toMatchObject({
      action: 'expired',
      outcome: 'Approval gate timed out: the draft was sent to the customer',
    });
  });

  it('rejects when that is the default, and never approves over a hard stop', async () => {
    const w = await setup();
    const all = [...w.backend.state.handoffs.values()];
    const plain = all.find(
      (h) =>
        h.status === 'pending' &&
        !h.gate &&
        h.context.flags.length === 0 &&
        h.context.options.length < 2,
    )!;
    const stopped = all.find(
      (h) => h.status === 'pending' && !h.gate && h.context.flags.some((f) => f.hardStop),
    )!;
    gate(w.backend, plain, 'reject');
    gate(w.backend, stopped, 'approve');
    w.at(NOW + 9 * MINUTE);
    await w.backend.tick();
    expect(w.item(plain.id)).toMatchObject({
      status: 'expired',
      outcome: { action: 'reject', finalText: null },
    });
    const held = w.item(stopped.id);
    expect(held.status).toBe('escalated');
    expect(held.gate?.applied?.action).toBe('hold_and_escalate');
    expect(held.gate?.applied?.reason).toMatch(/needs a person's decision/);
  });

  it('lets a decision committed first win: the gate then stays unapplied', async () => {
    const w = await setup();
    const h = w.item('h-4523');
    w.at(Date.parse(h.gate!.timeoutAt));
    const decided = await post(w.backend, `/handoffs/${h.id}/decisions`, approve(h));
    await w.backend.tick();
    expect(decided.status).toBe(200);
    const after = w.item(h.id);
    expect(after.status).toBe('approved');
    expect(after.outcome?.by.type).toBe('person');
    expect(after.gate?.applied).toBeNull();
    expect(w.events(h.id).some((e) => e.action === 'expired')).toBe(false);
  });

  it('answers a decision that lost the race with 409 and the item as the system left it', async () => {
    const w = await setup();
    const h = w.item('h-4523');
    w.at(Date.parse(h.gate!.timeoutAt));
    await w.backend.tick();
    const late = await post(w.backend, `/handoffs/${h.id}/decisions`, approve(h));
    expect(late.status).toBe(409);
    const problem = problemSchema.parse(late.body);
    expect(problem.code).toBe('version_conflict');
    expect(problem.current?.status).toBe('expired');
    expect(problem.current?.gate?.applied?.action).toBe('approve');
    expect(decisionResultSchema.safeParse(late.body).success).toBe(false);
  });

  it('settles a true race one way only: one winner, the other refused, nothing applied twice', async () => {
    const w = await setup();
    const h = w.item('h-4523');
    w.at(Date.parse(h.gate!.timeoutAt));
    const [decided] = await Promise.all([
      post(w.backend, `/handoffs/${h.id}/decisions`, approve(h)),
      w.backend.tick(),
      w.backend.tick(),
    ]);
    const after = w.item(h.id);
    const trail = w.events(h.id);
    if (decided.status === 200) {
      expect(after).toMatchObject({ status: 'approved', gate: { applied: null } });
      expect(trail.some((e) => e.action === 'expired')).toBe(false);
    } else {
      expect(problemSchema.parse(decided.body).code).toBe('version_conflict');
      expect(after.status).toBe('expired');
      expect(trail.filter((e) => e.action === 'expired')).toHaveLength(1);
      expect(trail.some((e) => e.action === 'approved')).toBe(false);
    }
    expect(after.version).toBe(h.version + 1);
  });

  it('leaves items nobody can decide alone: decided, AI-working, without a gate', async () => {
    const w = await setup();
    const before = [...w.backend.state.handoffs.values()];
    w.at(NOW + 7 * 24 * 60 * MINUTE);
    // This job alone: a week on, SLA escalation rightly moves the ungated items too.
    applyGateDefaults(w.backend.services);
    for (const h of before) {
      const after = w.item(h.id);
      if (h.gate && ['pending', 'claimed', 'escalated'].includes(h.status)) {
        expect(after.gate?.applied).not.toBeNull();
      } else {
        expect(after).toEqual(h);
      }
    }
  });
});
