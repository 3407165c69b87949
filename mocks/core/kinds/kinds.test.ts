// @vitest-environment node

import {
  type Handoff,
  handoffPageSchema,
  handoffSchema,
  problemSchema,
} from '../../../src/api/handoff-schemas';
import { operations, pathOf } from '../../../src/api/operations';
import { Backend } from '../backend';

const NOW = Date.parse('2026-11-25T09:00:00.000Z');

let backend: Backend;
beforeEach(async () => {
  backend = await Backend.create({ count: 120, clock: () => NOW });
});

let keys = 0;
function post(path: string, body: unknown, opts: { actor?: string; key?: string } = {}) {
  return backend.handle({
    method: 'POST',
    path,
    query: new URLSearchParams(),
    headers: new Headers({
      'X-Actor-Id': opts.actor ?? 'u-ana',
      'Idempotency-Key': opts.key ?? `k-${++keys}`,
    }),
    body: JSON.stringify(body),
  });
}
const item = (id: string) => backend.state.handoffs.get(id)!;
const trail = (id: string) =>
  (backend.state.events.get(id) ?? []).map((e) => [e.action, e.actor.type]);
const problem = (reply: { body?: unknown }) => problemSchema.parse(reply.body);
const pointers = (reply: { body?: unknown }) => problem(reply).errors?.map((e) => e.pointer);

/** Puts an item at another level, for authority checks. */
function atLevel(id: string, level: Handoff['level']) {
  backend.state.putHandoff({ ...item(id), level });
  backend.state.drain();
}

describe('override: pause and take over an item the AI is working on', () => {
  it('pauses the AI: the item waits for a person as an override, audited with the note', async () => {
    const h = item('h-4526');
    expect(h.status).toBe('ai_working');
    const reply = await post(pathOf(operations.pauseHandoff, { id: h.id }), {
      version: h.version,
      note: 'Wrong account.',
    });
    expect(reply.status).toBe(200);
    const paused = handoffSchema.parse(reply.body);
    expect(paused).toMatchObject({
      status: 'pending',
      kind: 'override',
      assignee: null,
      version: 2,
    });
    expect(paused.drafts).toEqual(h.drafts);
    expect(paused.context.nextAction).toMatch(/Ana Ortiz paused the AI/);
    const event = backend.state.events.get(h.id)!.at(-1)!;
    expect(event).toMatchObject({ action: 'paused', actor: { id: 'u-ana' }, version: 2 });
    expect(event.why.reason).toBe('Wrong account.');
  });

  it('takes over with the AI’s partial draft: the person holds it', async () => {
    const h = item('h-4526');
    const reply = await post(
      pathOf(operations.takeOverHandoff, { id: h.id }),
      { version: h.version },
      { actor: 'u-ben' },
    );
    expect(reply.status).toBe(200);
    expect(handoffSchema.parse(reply.body)).toMatchObject({
      status: 'claimed',
      kind: 'override',
      assignee: { id: 'u-ben' },
      drafts: h.drafts,
    });
    expect(trail(h.id).at(-1)).toEqual(['taken_over', 'person']);
  });

  it('replays a repeated request with the same key and records nothing new', async () => {
    const h = item('h-4526');
    const first = await post(
      pathOf(operations.pauseHandoff, { id: h.id }),
      { version: h.version },
      { key: 'pause-once' },
    );
    const events = trail(h.id).length;
    const again = await post(
      pathOf(operations.pauseHandoff, { id: h.id }),
      { version: h.version },
      { key: 'pause-once' },
    );
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers?.['idempotent-replayed']).toBe('true');
    expect(trail(h.id)).toHaveLength(events);
  });

  it('refuses what the lifecycle, the version or the level does not allow', async () => {
    const h = item('h-4526');
    const stale = await post(pathOf(operations.pauseHandoff, { id: h.id }), {
      version: h.version + 1,
    });
    expect(stale.status).toBe(409);
    expect(problem(stale)).toMatchObject({ code: 'version_conflict', current: { id: h.id } });

    // #4521 is an L2 item (its legal hard stop): an L2 specialist tries.
    const pending = item('h-4521');
    const asChen = { actor: 'u-chen' };
    const notWorking = await post(
      pathOf(operations.takeOverHandoff, { id: pending.id }),
      { version: pending.version },
      asChen,
    );
    expect(notWorking.status).toBe(409);
    expect(problem(notWorking)).toMatchObject({
      code: 'illegal_transition',
      current: { status: 'pending' },
    });
    expect(
      (
        await post(
          pathOf(operations.pauseHandoff, { id: pending.id }),
          { version: pending.version },
          asChen,
        )
      ).status,
    ).toBe(409);

    atLevel(h.id, 'manager');
    const above = await post(pathOf(operations.pauseHandoff, { id: h.id }), {
      version: item(h.id).version,
    });
    expect(above.status).toBe(403);
    expect(problem(above).code).toBe('forbidden');

    const bad = await post(pathOf(operations.pauseHandoff, { id: h.id }), {
      version: 'one',
      extra: true,
    });
    expect(bad.status).toBe(422);
    expect(pointers(bad)).toEqual(expect.arrayContaining(['/version', '/extra']));
    expect(item(h.id).status).toBe('ai_working');
  });
});

describe('AI failure: retry, take over, reassign', () => {
  it('a retry clears a transient failure: new draft, back with the person who asked', async () => {
    const h = item('h-4524');
    expect(h).toMatchObject({ status: 'failed', level: 'l1' });
    expect(h.context.diagnosis).toMatch(/503.*last good step/);
    const reply = await post(pathOf(operations.retryHandoff, { id: h.id }), { version: h.version });
    expect(reply.status).toBe(200);
    const done = handoffSchema.parse(reply.body);
    expect(done).toMatchObject({ status: 'claimed', assignee: { id: 'u-ana' } });
    expect(done.context.diagnosis).toBeNull();
    expect(done.drafts).toHaveLength(2);
    expect(done.drafts[1]).toMatchObject({ author: { type: 'ai' }, note: 'Retry 1' });
    expect(done.context.steps.at(-1)).toMatchObject({ outcome: 'ok' });
    expect(trail(h.id).slice(-3)).toEqual([
      ['retried', 'person'],
      ['draft_revised', 'ai'],
      ['claimed', 'person'],
    ]);
  });

  it('a retry of a failure in the data fails the same way, and can be retried again', async () => {
    const h = item('h-4525');
    const first = handoffSchema.parse(
      (await post(pathOf(operations.retryHandoff, { id: h.id }), { version: h.version })).body,
    );
    expect(first.status).toBe('failed');
    expect(first.context.diagnosis).toBe(h.context.diagnosis);
    expect(first.context.steps.at(-1)).toMatchObject({
      outcome: 'failed',
      summary: /^Retry 1 failed/,
    });
    expect(trail(h.id).slice(-2)).toEqual([
      ['retried', 'person'],
      ['failed', 'ai'],
    ]);
    const second = handoffSchema.parse(
      (await post(pathOf(operations.retryHandoff, { id: h.id }), { version: first.version })).body,
    );
    expect(second.context.steps.at(-1)?.summary).toMatch(/^Retry 2 failed/);
  });

  it('takes over a failed item to finish it by hand', async () => {
    const h = item('h-4525');
    const reply = await post(pathOf(operations.takeOverHandoff, { id: h.id }), {
      version: h.version,
    });
    expect(handoffSchema.parse(reply.body)).toMatchObject({
      status: 'claimed',
      kind: h.kind,
      assignee: { id: 'u-ana' },
    });
    expect(backend.state.events.get(h.id)!.at(-1)?.outcome).toMatch(/took over the failed task/);
  });

  it('reassigns to another level, still failed, with the note as why', async () => {
    const h = item('h-4525');
    const reply = await post(pathOf(operations.reassignHandoff, { id: h.id }), {
      version: h.version,
      level: 'l2',
      note: 'The ledger needs a specialist.',
    });
    expect(reply.status).toBe(200);
    expect(handoffSchema.parse(reply.body)).toMatchObject({
      status: 'failed',
      level: 'l2',
      assignee: null,
      escalation: { fromLevel: 'l1', note: 'The ledger needs a specialist.', by: { id: 'u-ana' } },
    });
    const page = handoffPageSchema.parse(
      (
        await backend.handle({
          method: 'GET',
          path: operations.listHandoffs.path,
          query: new URLSearchParams({ status: 'failed', level: 'l2' }),
          headers: new Headers({ 'X-Actor-Id': 'u-chen' }),
          body: null,
        })
      ).body,
    );
    expect(page.items.map((i) => i.id)).toContain(h.id);
  });

  it('reassigns to a person who can act at the item’s level', async () => {
    const h = item('h-4525');
    const reply = await post(pathOf(operations.reassignHandoff, { id: h.id }), {
      version: h.version,
      assigneeId: 'u-chen',
      note: 'Chen knows the ledger.',
    });
    expect(handoffSchema.parse(reply.body)).toMatchObject({
      status: 'claimed',
      assignee: { id: 'u-chen' },
    });
    expect(trail(h.id).at(-1)).toEqual(['reassigned', 'person']);
  });

  it('validates a reassignment and refuses it on an item that has not failed', async () => {
    const h = item('h-4525');
    const v = h.version;
    const note = 'Needs someone else.';
    expect(
      pointers(await post(pathOf(operations.reassignHandoff, { id: h.id }), { version: v, note })),
    ).toEqual(['/level']);
    expect(
      pointers(
        await post(pathOf(operations.reassignHandoff, { id: h.id }), {
          version: v,
          note,
          level: 'l2',
          assigneeId: 'u-ben',
        }),
      ),
    ).toEqual(['/level']);
    expect(
      pointers(
        await post(pathOf(operations.reassignHandoff, { id: h.id }), { version: v, level: 'l2' }),
      ),
    ).toEqual(['/note']);
    expect(
      pointers(
        await post(pathOf(operations.reassignHandoff, { id: h.id }), {
          version: v,
          note,
          level: 'l1',
        }),
      ),
    ).toEqual(['/level']);
    expect(
      pointers(
        await post(pathOf(operations.reassignHandoff, { id: h.id }), {
          version: v,
          note,
          assigneeId: 'u-nobody',
        }),
      ),
    ).toEqual(['/assigneeId']);
    atLevel(h.id, 'l2');
    const benCannot = await post(
      pathOf(operations.reassignHandoff, { id: h.id }),
      { version: item(h.id).version, note, assigneeId: 'u-ben' },
      { actor: 'u-chen' },
    );
    expect(problem(benCannot).errors?.[0]?.message).toMatch(/Ben .* cannot act on items at L2/);
    expect(item(h.id).status).toBe('failed');

    const pending = item('h-4521');
    const reply = await post(
      pathOf(operations.reassignHandoff, { id: pending.id }),
      { version: pending.version, note, level: 'l2' },
      { actor: 'u-chen' },
    );
    expect(problem(reply)).toMatchObject({ code: 'illegal_transition' });
    expect(
      (
        await post(
          pathOf(operations.retryHandoff, { id: pending.id }),
          { version: pending.version },
          { actor: 'u-chen' },
        )
      ).status,
    ).toBe(409);
  });

  it('only the person holding an item may retry or reassign it', async () => {
    const h = item('h-4525');
    const held = handoffSchema.parse(
      (
        await post(
          pathOf(operations.takeOverHandoff, { id: h.id }),
          { version: h.version },
          { actor: 'u-ben' },
        )
      ).body,
    );
    const reply = await post(pathOf(operations.retryHandoff, { id: h.id }), {
      version: held.version,
    });
    expect(problem(reply).code).toBe('not_claimant');
  });
});

describe('initiation: a reviewer hands the AI a task', () => {
  const instructions = 'Draft a short follow-up confirming the refund went through.';

  it('comes back as a new item held by the person who asked, audited step by step', async () => {
    const reply = await post(operations.initiateHandoff.path, { sourceId: 'h-4521', instructions });
    expect(reply.status).toBe(201);
    const created = handoffSchema.parse(reply.body);
    expect(created).toMatchObject({
      id: 'h-4521-t1',
      kind: 'initiation',
      status: 'claimed',
      level: 'l1',
      assignee: { id: 'u-ana' },
      ticket: item('h-4521').ticket,
      version: 3,
    });
    expect(created.drafts[0]?.note).toBe(`Task from Ana Ortiz: “${instructions}”`);
    expect(created.drafts[0]?.text).toMatch(/refund/i);
    expect(trail(created.id)).toEqual([
      ['initiated', 'person'],
      ['draft_revised', 'ai'],
      ['claimed', 'person'],
    ]);
    expect(backend.state.events.get(created.id)![0]?.why.reason).toBe(instructions);
    const again = await post(operations.initiateHandoff.path, { sourceId: 'h-4521', instructions });
    expect(handoffSchema.parse(again.body).id).toBe('h-4521-t2');
  });

  it('replays the same request without creating a second item', async () => {
    const body = { sourceId: 'h-4521', instructions };
    const first = await post(operations.initiateHandoff.path, body, { key: 'task-1' });
    const again = await post(operations.initiateHandoff.path, body, { key: 'task-1' });
    expect(again.body).toEqual(first.body);
    expect(backend.state.handoffs.has('h-4521-t2')).toBe(false);
  });

  it('needs a known item and real instructions', async () => {
    const unknown = await post(operations.initiateHandoff.path, { sourceId: 'h-0', instructions });
    expect(unknown.status).toBe(422);
    expect(pointers(unknown)).toEqual(['/sourceId']);
    expect(
      pointers(
        await post(operations.initiateHandoff.path, { sourceId: 'h-4521', instructions: 'ok' }),
      ),
    ).toEqual(['/instructions']);
  });
});
