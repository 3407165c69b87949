// @vitest-environment node

import { batchDecisionResultSchema } from '../../src/api/batch-schemas';
import {
  auditPageSchema,
  decisionResultSchema,
  handoffPageSchema,
  handoffSchema,
  problemSchema,
} from '../../src/api/handoff-schemas';
import { operations, pathOf } from '../../src/api/operations';
import { allowLoopback, call, serverPool, type startServer } from './harness';

/*
 * The server is the system of record: a write it acknowledged must still be there, with its
 * audit event and its idempotency record, after the process stops and a new one starts on
 * the same database.
 */

const pool = serverPool();
const start = (file: string, options: Parameters<typeof startServer>[1] = {}) =>
  pool.start(file, { count: 120, ...options });
const stop = pool.stop;
const newFile = pool.file;

beforeEach(() => allowLoopback());
afterEach(pool.clear);

async function openL1Items(baseUrl: string, count: number) {
  const reply = await call(baseUrl, 'GET', operations.listHandoffs.path, {
    query: { status: 'pending', assignee: 'unassigned', level: 'l1', sort: 'createdAt' },
  });
  const items = handoffPageSchema.parse(reply.body).items.slice(0, count);
  expect(items).toHaveLength(count);
  return items;
}

const events = async (baseUrl: string, id: string) =>
  auditPageSchema.parse(
    (await call(baseUrl, 'GET', pathOf(operations.listHandoffEvents, { id }))).body,
  ).items;

describe('the HTTP server across a restart', () => {
  it('keeps a decision, a claim, their audit events and their idempotency records', async () => {
    const file = newFile();
    const first = await start(file);
    const [x, y] = await openL1Items(first.baseUrl, 2);

    const rejectKey = 'restart-reject';
    const rejectBody = {
      action: 'reject',
      version: x!.version,
      timeOnItemMs: 61_000,
      acknowledgedFlags: [],
      reason: 'The draft quotes the wrong order number.',
    };
    const rejected = await call(
      first.baseUrl,
      'POST',
      pathOf(operations.decideHandoff, { id: x!.id }),
      {
        key: rejectKey,
        json: rejectBody,
      },
    );
    expect(rejected.status).toBe(200);
    const decision = decisionResultSchema.parse(rejected.body);
    const claimKey = 'restart-claim';
    const claimed = await call(
      first.baseUrl,
      'POST',
      pathOf(operations.claimHandoff, { id: y!.id }),
      {
        actor: 'u-femi',
        key: claimKey,
        json: { version: y!.version },
      },
    );
    expect(claimed.status).toBe(200);
    const trailX = await events(first.baseUrl, x!.id);
    const trailY = await events(first.baseUrl, y!.id);
    await stop(first);

    const second = await start(file);
    const base = second.baseUrl;

    const xNow = handoffSchema.parse(
      (await call(base, 'GET', pathOf(operations.getHandoff, { id: x!.id }))).body,
    );
    expect(xNow).toEqual(decision.handoff);
    expect(xNow.outcome?.reason).toBe(rejectBody.reason);
    expect(await events(base, x!.id)).toEqual(trailX);
    expect(trailX).toContainEqual(decision.event);
    const yNow = handoffSchema.parse(
      (await call(base, 'GET', pathOf(operations.getHandoff, { id: y!.id }))).body,
    );
    expect(yNow).toEqual(claimed.body);
    expect(yNow.assignee?.id).toBe('u-femi');

    // Replays answer from the stored record and record nothing new.
    const replayedDecision = await call(
      base,
      'POST',
      pathOf(operations.decideHandoff, { id: x!.id }),
      {
        key: rejectKey,
        json: rejectBody,
      },
    );
    expect(replayedDecision).toEqual(rejected);
    const replayedClaim = await call(base, 'POST', pathOf(operations.claimHandoff, { id: y!.id }), {
      actor: 'u-femi',
      key: claimKey,
      json: { version: y!.version },
    });
    expect(replayedClaim).toEqual(claimed);
    expect(await events(base, x!.id)).toEqual(trailX);
    expect(await events(base, y!.id)).toEqual(trailY);
    const reused = await call(base, 'POST', pathOf(operations.decideHandoff, { id: x!.id }), {
      key: rejectKey,
      json: { ...rejectBody, reason: 'A different reason altogether.' },
    });
    expect(reused.status).toBe(422);
    expect(problemSchema.parse(reused.body).code).toBe('idempotency_mismatch');

    // New writes carry on the audit trail without reusing an event id.
    const released = await call(base, 'POST', pathOf(operations.releaseHandoff, { id: y!.id }), {
      actor: 'u-femi',
      json: { version: yNow.version },
    });
    expect(released.status).toBe(200);
    const ids = [...second.backend.state.events.values()].flat().map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('answers a batch sent again after a restart from what it stored, applying nothing twice', async () => {
    const file = newFile();
    const first = await start(file);
    const items = await openL1Items(first.baseUrl, 3);
    const batch = {
      batchId: 'restart-batch',
      decision: { action: 'reject', reason: 'Duplicates of one ticket.' },
      items: items.map(({ id, version }) => ({ id, version })),
      timeOnBatchMs: 9_000,
    };
    const decided = batchDecisionResultSchema.parse(
      (await call(first.baseUrl, 'POST', pathOf(operations.decideBatch), { json: batch })).body,
    );
    expect(decided.applied).toBe(3);
    const trails = await Promise.all(items.map((h) => events(first.baseUrl, h.id)));
    await stop(first);

    // The client never heard the answer and sends the batch again, under a new key.
    const second = await start(file);
    const again = await call(second.baseUrl, 'POST', pathOf(operations.decideBatch), {
      json: batch,
    });
    expect(again.status).toBe(200);
    expect(batchDecisionResultSchema.parse(again.body).results).toEqual(
      decided.results.map((r) => ({ ...r, replayed: true })),
    );
    expect(await Promise.all(items.map((h) => events(second.baseUrl, h.id)))).toEqual(trails);
  });

  it('refuses to reset the world when reset is disabled', async () => {
    const server = await start(newFile(), { allowReset: false });
    const [x] = await openL1Items(server.baseUrl, 1);
    const claimed = await call(
      server.baseUrl,
      'POST',
      pathOf(operations.claimHandoff, { id: x!.id }),
      {
        json: { version: x!.version },
      },
    );
    expect(claimed.status).toBe(200);

    const reset = await call(server.baseUrl, 'POST', operations.resetDemo.path);
    expect(reset.status).toBe(403);
    expect(reset.contentType).toMatch(/^application\/problem\+json/);
    expect(problemSchema.parse(reset.body).code).toBe('forbidden');
    const after = await call(server.baseUrl, 'GET', pathOf(operations.getHandoff, { id: x!.id }));
    expect(after.body).toEqual(claimed.body);
  });

  it('lists the reset world, not pages cached before the reset', async () => {
    const server = await start(newFile(), { allowReset: true });
    const base = server.baseUrl;
    const [x] = await openL1Items(base, 1);
    const listed = async () => {
      const page = handoffPageSchema.parse(
        (await call(base, 'GET', operations.listHandoffs.path, { query: { limit: '500' } })).body,
      );
      return page.items.find((s) => s.id === x!.id);
    };
    await call(base, 'POST', pathOf(operations.claimHandoff, { id: x!.id }), {
      json: { version: x!.version },
    });
    expect((await listed())?.assignee?.id).toBe('u-ana');

    expect((await call(base, 'POST', operations.resetDemo.path)).status).toBe(204);
    // The same number of writes as before the reset brings the world back to the same
    // revision, and the item to the same version, with different content.
    const claimed = await call(base, 'POST', pathOf(operations.claimHandoff, { id: x!.id }), {
      actor: 'u-femi',
      json: { version: x!.version },
    });
    expect(claimed.status).toBe(200);
    const summary = await listed();
    expect(summary?.version).toBe(handoffSchema.parse(claimed.body).version);
    expect(summary?.assignee?.id).toBe('u-femi');
  });
});

describe('approval gates across a restart', () => {
  it('applies a timed-out gate once, and a restarted server does not apply it again', async () => {
    const file = newFile();
    const seededAt = Date.now();
    let now = seededAt;
    const first = await start(file, { clock: () => now });
    const before = handoffSchema.parse(
      (await call(first.baseUrl, 'GET', pathOf(operations.getHandoff, { id: 'h-4522' }))).body,
    );
    now = Date.parse(before.gate!.timeoutAt) + 1_000;
    await first.backend.tick();
    const applied = handoffSchema.parse(
      (await call(first.baseUrl, 'GET', pathOf(operations.getHandoff, { id: 'h-4522' }))).body,
    );
    expect(applied.status).toBe('escalated');
    expect(applied.gate?.applied?.action).toBe('hold_and_escalate');
    const trail = await events(first.baseUrl, 'h-4522');
    expect(trail.filter((e) => e.action === 'expired')).toHaveLength(1);
    await stop(first);

    now += 60_000;
    const second = await start(file, { clock: () => now });
    await second.backend.tick();
    await second.backend.tick();
    const after = await call(
      second.baseUrl,
      'GET',
      pathOf(operations.getHandoff, { id: 'h-4522' }),
    );
    expect(after.body).toEqual(applied);
    expect(await events(second.baseUrl, 'h-4522')).toEqual(trail);
  });
});
