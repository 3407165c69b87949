// @vitest-environment node
import { handoffPageSchema, handoffSchema, problemSchema } from '../../src/api/handoff-schemas';
import { AI_ACTOR } from '../../src/domain/actors';
import { startBuiltInAgent } from '../../tests/kits/built-in-agent';
import { everyPage, pageQuery } from '../../tests/kits/paging';
import { Backend } from './backend';
import type { Change, Persistence, Snapshot } from './persistence';
import { callBackend as call, plainItem } from './test-items';

const NOW = Date.parse('2026-11-25T09:00:00.000Z');

async function makeBackend(persistence?: Persistence) {
  return Backend.create({ count: 120, clock: () => NOW, persistence });
}

/** A store that keeps what it is given, as a restart reads it; a write fails while `full()`. */
function keptInMemory(full = () => false): Persistence {
  let stored: Snapshot | null = null;
  return {
    load: async () => (stored ? structuredClone(stored) : null),
    replace: async (s) => {
      stored = structuredClone(s);
    },
    commit: async (change: Change) => {
      if (!stored) throw new Error('nothing to commit to');
      if (full()) throw new Error('disk full');
      for (const h of change.handoffs) {
        stored.handoffs = stored.handoffs.map((x) => (x.id === h.id ? h : x));
      }
      stored.events.push(...change.events);
      stored.idempotency.push(...change.idempotency);
    },
  };
}

const approveBody = (version: number, extra: Record<string, unknown> = {}) => ({
  action: 'approve',
  version,
  timeOnItemMs: 30_000,
  acknowledgedFlags: ['policy_keyword'],
  finalText: 'Hello, we are sorry.',
  selectedOptionId: null,
  ...extra,
});

describe('reference backend', () => {
  it('pages through the whole filtered queue without gaps or repeats', async () => {
    const backend = await makeBackend();
    const seen = new Set<string>();
    let total = 0;
    await everyPage(async (cursor) => {
      const reply = await call(backend, 'GET', '/handoffs', {
        query: pageQuery({ sort: 'dueAt' }, 17, cursor),
      });
      expect(reply.status).toBe(200);
      const page = handoffPageSchema.parse(reply.body);
      total = page.total;
      for (const item of page.items) {
        expect(seen.has(item.id)).toBe(false);
        seen.add(item.id);
      }
      return page;
    });
    expect(seen.size).toBe(total);
    expect(total).toBe(120);
  });

  it('filters by category and counts every status across the filter', async () => {
    const backend = await makeBackend();
    const reply = await call(backend, 'GET', '/handoffs', {
      query: { category: 'legal', status: 'pending' },
    });
    const page = handoffPageSchema.parse(reply.body);
    expect(page.items.every((i) => i.category === 'legal' && i.status === 'pending')).toBe(true);
    const legal = [...backend.state.handoffs.values()].filter((h) => h.ticket.category === 'legal');
    expect(Object.values(page.counts).reduce((a, b) => a + b, 0)).toBe(legal.length);
  });

  it('rejects a cursor it did not issue with a field error', async () => {
    const backend = await makeBackend();
    const reply = await call(backend, 'GET', '/handoffs', { query: { cursor: 'not-a-cursor' } });
    expect(reply.status).toBe(400);
    expect(problemSchema.parse(reply.body).errors?.[0]?.pointer).toBe('/cursor');
  });

  it('requires an identity on every request', async () => {
    const backend = await makeBackend();
    const reply = await call(backend, 'GET', '/handoffs', { actor: null });
    expect(reply.status).toBe(401);
    expect(problemSchema.parse(reply.body).code).toBe('unauthenticated');
  });

  it('answers 409 with the current item when the version is stale', async () => {
    const backend = await makeBackend();
    const item = plainItem(backend);
    const claimed = await call(backend, 'POST', `/handoffs/${item.id}/claim`, {
      body: { version: item.version },
    });
    expect(claimed.status).toBe(200);
    const stale = await call(backend, 'POST', `/handoffs/${item.id}/decisions`, {
      body: approveBody(item.version),
    });
    expect(stale.status).toBe(409);
    const problem = problemSchema.parse(stale.body);
    expect(problem.code).toBe('version_conflict');
    expect(problem.current?.status).toBe('claimed');
    expect(problem.currentVersion).toBe(item.version + 1);
  });

  it('refuses a decision on an item someone else holds', async () => {
    const backend = await makeBackend();
    const item = plainItem(backend);
    await call(backend, 'POST', `/handoffs/${item.id}/claim`, {
      actor: 'u-femi',
      body: { version: item.version },
    });
    const reply = await call(backend, 'POST', `/handoffs/${item.id}/decisions`, {
      body: approveBody(item.version + 1),
    });
    expect(reply.status).toBe(409);
    expect(problemSchema.parse(reply.body).code).toBe('not_claimant');
    expect(backend.state.handoffs.get(item.id)?.status).toBe('claimed');
  });

  it('needs a reason to reject, with a pointer to the field', async () => {
    const backend = await makeBackend();
    const item = plainItem(backend);
    const reply = await call(backend, 'POST', `/handoffs/${item.id}/decisions`, {
      body: { action: 'reject', version: item.version, timeOnItemMs: 1000, reason: '  ' },
    });
    expect(reply.status).toBe(422);
    expect(problemSchema.parse(reply.body).errors?.map((e) => e.pointer)).toContain('/reason');
    expect(backend.state.handoffs.get(item.id)?.status).toBe('pending');
  });

  it('blocks approval until the hard-stop flag is acknowledged and an option chosen', async () => {
    const backend = await makeBackend();
    const item = backend.state.handoffs.get('h-4521')!;
    // The legal threat routes it to L2: an L2 specialist works it.
    const bare = await call(backend, 'POST', '/handoffs/h-4521/decisions', {
      actor: 'u-chen',
      body: approveBody(item.version, { acknowledgedFlags: [] }),
    });
    expect(bare.status).toBe(422);
    const pointers = problemSchema.parse(bare.body).errors?.map((e) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/acknowledgedFlags', '/selectedOptionId']));

    // The first option refunds $649: beyond L2, within a manager's authority.
    const option = item.context.options[0]!;
    const body = approveBody(item.version, {
      selectedOptionId: option.id,
      finalText: option.draft,
    });
    const refused = await call(backend, 'POST', '/handoffs/h-4521/decisions', {
      actor: 'u-chen',
      body,
    });
    expect(refused.status).toBe(403);
    expect(problemSchema.parse(refused.body).requiredLevel).toBe('manager');
    const ok = await call(backend, 'POST', '/handoffs/h-4521/decisions', {
      actor: 'u-dana',
      body,
    });
    expect(ok.status).toBe(200);
    const after = handoffSchema.parse((ok.body as { handoff: unknown }).handoff);
    expect(after.status).toBe('approved');
    expect(after.outcome?.edited).toBe(false);
  });

  it('approves a redirected draft without an option: the newer draft replaced them', async () => {
    // Most of the floor is sent by the AI: a larger world holds a plain L1 choice to redirect.
    const backend = await Backend.create({ count: 600, clock: () => NOW });
    const item = [...backend.state.handoffs.values()].find(
      (h) =>
        h.status === 'pending' &&
        h.level === 'l1' &&
        h.drafts.length === 1 &&
        h.context.options.length > 1 &&
        !h.context.flags.some((f) => f.hardStop),
    )!;
    const redirected = await call(backend, 'POST', `/handoffs/${item.id}/decisions`, {
      body: {
        action: 'redirect',
        version: item.version,
        timeOnItemMs: 1000,
        acknowledgedFlags: [],
        instructions: 'Keep it short and friendly.',
      },
    });
    expect(redirected.status).toBe(200);
    const stop = await startBuiltInAgent(backend);
    await vi.waitFor(() => expect(backend.state.handoffs.get(item.id)!.drafts).toHaveLength(2));
    stop();
    const now = backend.state.handoffs.get(item.id)!;
    const draft2 = now.drafts[1]!.text;

    // Naming one of the first draft's options is refused, and says why.
    const stale = await call(backend, 'POST', `/handoffs/${item.id}/decisions`, {
      body: approveBody(now.version, {
        acknowledgedFlags: [],
        finalText: draft2,
        selectedOptionId: item.context.options[0]!.id,
      }),
    });
    expect(stale.status).toBe(422);
    expect(problemSchema.parse(stale.body).errors?.[0]).toMatchObject({
      pointer: '/selectedOptionId',
      message: expect.stringMatching(/draft 2 replaced them/),
    });

    const ok = await call(backend, 'POST', `/handoffs/${item.id}/decisions`, {
      body: approveBody(now.version, { acknowledgedFlags: [], finalText: draft2 }),
    });
    expect(ok.status).toBe(200);
    const after = handoffSchema.parse((ok.body as { handoff: unknown }).handoff);
    expect(after.outcome).toMatchObject({ action: 'approve', edited: false, finalText: draft2 });
    expect(after.selectedOptionId).toBeNull();
  });

  it('refuses an action beyond the reviewer’s level with a reason', async () => {
    const backend = await makeBackend();
    const item = [...backend.state.handoffs.values()].find(
      (h) => h.status === 'pending' && h.level === 'l2',
    )!;
    const reply = await call(backend, 'POST', `/handoffs/${item.id}/claim`, {
      body: { version: item.version },
    });
    expect(reply.status).toBe(403);
    expect(problemSchema.parse(reply.body).detail).toMatch(/outside the authority of L1/);
  });

  it('replays a repeated request key without applying it twice', async () => {
    const backend = await makeBackend();
    const item = plainItem(backend);
    const body = {
      action: 'reject',
      version: item.version,
      timeOnItemMs: 5000,
      reason: 'Wrong product named',
    };
    const first = await call(backend, 'POST', `/handoffs/${item.id}/decisions`, {
      body,
      key: 'same',
    });
    const eventsAfterFirst = backend.state.events.get(item.id)?.length;
    const second = await call(backend, 'POST', `/handoffs/${item.id}/decisions`, {
      body,
      key: 'same',
    });
    expect(second.status).toBe(first.status);
    expect(second.body).toEqual(first.body);
    expect(second.headers?.['idempotent-replayed']).toBe('true');
    expect(backend.state.events.get(item.id)?.length).toBe(eventsAfterFirst);

    const different = await call(backend, 'POST', `/handoffs/${item.id}/decisions`, {
      body: { ...body, reason: 'Another reason entirely' },
      key: 'same',
    });
    expect(different.status).toBe(422);
    expect(problemSchema.parse(different.body).code).toBe('idempotency_mismatch');
  });

  it('refuses to decide an item twice', async () => {
    const backend = await makeBackend();
    const item = plainItem(backend);
    const body = {
      action: 'reject',
      version: item.version,
      timeOnItemMs: 5000,
      reason: 'Wrong product named',
    };
    await call(backend, 'POST', `/handoffs/${item.id}/decisions`, { body });
    const again = await call(backend, 'POST', `/handoffs/${item.id}/decisions`, {
      body: { ...body, version: item.version + 1 },
    });
    expect(again.status).toBe(409);
    expect(problemSchema.parse(again.body).code).toBe('illegal_transition');
  });

  it('escalates to a higher level with a note, and only upwards', async () => {
    const backend = await makeBackend();
    const item = plainItem(backend);
    const down = await call(backend, 'POST', `/handoffs/${item.id}/decisions`, {
      body: {
        action: 'escalate',
        version: item.version,
        timeOnItemMs: 1,
        targetLevel: 'l1',
        note: 'Please look',
      },
    });
    expect(down.status).toBe(422);
    const up = await call(backend, 'POST', `/handoffs/${item.id}/decisions`, {
      body: {
        action: 'escalate',
        version: item.version,
        timeOnItemMs: 1,
        targetLevel: 'manager',
        note: 'Refund over my limit',
      },
    });
    expect(up.status).toBe(200);
    const after = backend.state.handoffs.get(item.id)!;
    expect(after).toMatchObject({ status: 'escalated', level: 'manager', assignee: null });
    expect(after.escalation?.note).toBe('Refund over my limit');
  });

  it('redirects to the AI, which returns a new draft version to the reviewer', async () => {
    const backend = await makeBackend();
    const item = plainItem(backend);
    const reply = await call(backend, 'POST', `/handoffs/${item.id}/decisions`, {
      body: {
        action: 'redirect',
        version: item.version,
        timeOnItemMs: 1,
        instructions: 'Make it shorter and more formal',
      },
    });
    expect(reply.status).toBe(200);
    // The desk writes no draft itself: the item waits for its agent.
    expect(backend.state.handoffs.get(item.id)!.status).toBe('redirected');
    expect(backend.state.handoffs.get(item.id)!.drafts).toHaveLength(item.drafts.length);
    const stop = await startBuiltInAgent(backend);
    await vi.waitFor(() => expect(backend.state.handoffs.get(item.id)!.status).toBe('claimed'));
    stop();
    const after = backend.state.handoffs.get(item.id)!;
    expect(after.assignee?.id).toBe('u-ana');
    expect(after.drafts).toHaveLength(item.drafts.length + 1);
    expect(after.drafts.at(-1)?.author).toEqual(AI_ACTOR);
    expect(after.drafts.at(-1)?.text).not.toBe(item.drafts.at(-1)?.text);
    const actions = backend.state.events.get(item.id)!.map((e) => e.action);
    expect(actions.slice(-2)).toEqual(['redirected', 'draft_revised']);
  });

  it('claims an item when its reviewer starts editing, without bumping the version on later saves', async () => {
    const backend = await makeBackend();
    const item = plainItem(backend);
    const first = await call(backend, 'PUT', `/handoffs/${item.id}/draft`, {
      body: { version: item.version, text: 'Hi' },
    });
    const afterFirst = handoffSchema.parse(first.body);
    expect(afterFirst.assignee?.id).toBe('u-ana');
    expect(afterFirst.version).toBe(item.version + 1);
    const second = await call(backend, 'PUT', `/handoffs/${item.id}/draft`, {
      body: { version: afterFirst.version, text: 'Hi there' },
    });
    expect(handoffSchema.parse(second.body)).toMatchObject({
      version: afterFirst.version,
      workingDraft: { text: 'Hi there' },
    });
  });

  it('claims the most urgent item within the reviewer’s authority', async () => {
    const backend = await makeBackend();
    const reply = await call(backend, 'POST', '/handoffs/claim-next', { body: {} });
    expect(reply.status).toBe(200);
    const claimed = handoffSchema.parse(reply.body);
    expect(claimed).toMatchObject({ status: 'claimed', assignee: { id: 'u-ana' } });
    expect(['l1', 'ai']).toContain(claimed.level);
  });

  it('answers bad input with problems, never a crash', async () => {
    const backend = await makeBackend();
    const cases = [
      await call(backend, 'POST', '/handoffs/h-4521/decisions', { rawBody: '{not json' }),
      await call(backend, 'POST', '/handoffs/h-4521/decisions', {
        body: { action: 'approve', version: 'one' },
      }),
      await call(backend, 'POST', '/handoffs/h-4521/claim', { body: { version: 1, extra: true } }),
      await call(backend, 'POST', '/handoffs/h-4521/claim', { rawBody: 'x'.repeat(300_000) }),
      await call(backend, 'GET', '/handoffs/h-does-not-exist'),
      await call(backend, 'GET', '/nowhere'),
    ];
    expect(cases.map((c) => c.status)).toEqual([400, 422, 422, 413, 404, 404]);
    for (const c of cases) expect(problemSchema.safeParse(c.body).success).toBe(true);
  });

  it('keeps nothing of a write it could not store, so the same request applies it once storage is back', async () => {
    let failing = false;
    const persistence = keptInMemory(() => failing);
    const backend = await makeBackend(persistence);
    const item = plainItem(backend);
    const trail = backend.state.events.get(item.id)?.length ?? 0;
    const reject = () =>
      call(backend, 'POST', `/handoffs/${item.id}/decisions`, {
        key: 'one-rejection',
        body: { action: 'reject', version: item.version, timeOnItemMs: 5000, reason: 'Wrong' },
      });

    failing = true;
    // The server logs what it could not store, for its operator.
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const failed = await reject();
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
    expect(failed.status).toBe(500);
    // The item reads as it is stored: still waiting, at the version the reviewer saw.
    const after = await call(backend, 'GET', `/handoffs/${item.id}`);
    expect(handoffSchema.parse(after.body)).toMatchObject({
      status: item.status,
      version: item.version,
    });
    expect(backend.state.events.get(item.id)).toHaveLength(trail);

    // The reviewer's retry, with the same key, is applied now, and only once.
    failing = false;
    const retried = await reject();
    expect(retried.status).toBe(200);
    expect(retried.headers?.['idempotent-replayed']).toBeUndefined();
    expect(backend.state.handoffs.get(item.id)?.status).toBe('rejected');
    expect((await reject()).headers?.['idempotent-replayed']).toBe('true');
    const restarted = await makeBackend(persistence);
    expect(restarted.state.handoffs.get(item.id)?.status).toBe('rejected');
    expect(restarted.state.events.get(item.id)).toHaveLength(trail + 1);
  });

  it('keeps every acknowledged write across a restart', async () => {
    const persistence = keptInMemory();
    const backend = await makeBackend(persistence);
    const item = plainItem(backend);
    await call(backend, 'POST', `/handoffs/${item.id}/decisions`, {
      body: {
        action: 'reject',
        version: item.version,
        timeOnItemMs: 5000,
        reason: 'Wrong product named',
      },
    });
    const restarted = await makeBackend(persistence);
    expect(restarted.state.handoffs.get(item.id)?.status).toBe('rejected');
    expect(restarted.state.events.get(item.id)?.at(-1)?.why.reason).toBe('Wrong product named');
  });
});
