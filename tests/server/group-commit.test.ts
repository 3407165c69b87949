// @vitest-environment node

import { Backend } from '../../mocks/core/backend';
import type { Persistence } from '../../mocks/core/persistence';
import { callBackend as call } from '../../mocks/core/test-items';
import { sqlitePersistence } from '../../mocks/persistence/sqlite';
import { batchDecisionResultSchema } from '../../src/api/batch-schemas';
import { decisionResultSchema, handoffSchema } from '../../src/api/handoff-schemas';
import { removeDbFile, tempDbFile } from './harness';

/*
 * Writes that arrive together are stored in one SQLite transaction (group commit). Each is
 * still answered only once it is durable, a failed commit fails every write in it and keeps
 * none, and a decision is applied exactly once, across retries and restarts.
 */

const NOW = Date.parse('2026-11-25T09:00:00.000Z');
const MANAGER = 'u-dana';

type Sqlite = ReturnType<typeof sqlitePersistence>;

/** The server's store, counting its commits; `failing()` makes the next commits throw. */
function counted(inner: Sqlite, failing = () => false) {
  const store = {
    commits: 0,
    load: () => inner.load(),
    replace: (snapshot) => inner.replace(snapshot),
    groupCommit: inner.groupCommit,
    // As on the server: the world keeps notes of remembered answers, the store their bodies.
    storedReply: (key: string) => inner.storedReply?.(key),
    async commit(change, alongside, texts) {
      store.commits += 1;
      if (failing()) throw new Error('disk full');
      return inner.commit(change, alongside, texts);
    },
  } satisfies Persistence & { commits: number };
  return store;
}

const opened: Sqlite[] = [];
const files: string[] = [];

function open(file: string): Sqlite {
  const store = sqlitePersistence(file, { backup: false });
  opened.push(store);
  return store;
}

async function start(file: string, failing?: () => boolean) {
  const store = counted(open(file), failing);
  const backend = await Backend.create({ count: 120, clock: () => NOW, persistence: store });
  return { backend, store };
}

function newFile() {
  const file = tempDbFile();
  files.push(file);
  return file;
}

afterEach(() => {
  for (const store of opened.splice(0)) store.close();
  for (const file of files.splice(0)) removeDbFile(file);
});

/** Undecided items nobody holds, as a manager may reject them. */
const openItems = (backend: Backend, count: number) =>
  [...backend.state.handoffs.values()]
    .filter((h) => h.status === 'pending' && !h.assignee && !h.gate)
    .slice(0, count);

const rejection = (item: { id: string; version: number }, key: string) =>
  [
    'POST',
    `/handoffs/${item.id}/decisions`,
    {
      actor: MANAGER,
      key,
      body: { action: 'reject', version: item.version, timeOnItemMs: 4000, reason: 'Wrong' },
    },
  ] as const;

describe('group commit', () => {
  it('stores decisions sent together in one commit, each answered once it is durable', async () => {
    const file = newFile();
    const { backend, store } = await start(file);
    const items = openItems(backend, 8);
    const before = store.commits;

    const replies = await Promise.all(
      items.map((item, i) => call(backend, ...rejection(item, `together-${i}`))),
    );

    expect(replies.map((r) => r.status)).toEqual(items.map(() => 200));
    expect(store.commits - before).toBe(1);
    // Answered means stored: a server started on the file now finds every decision, once.
    const restarted = await start(file);
    for (const item of items) {
      expect(restarted.backend.state.handoffs.get(item.id)?.status).toBe('rejected');
      const trail = restarted.backend.state.events.get(item.id) ?? [];
      expect(trail.filter((e) => e.action === 'rejected')).toHaveLength(1);
    }
  });

  it('fails every write of a commit that fails, keeps none of them, and applies each retry once', async () => {
    const file = newFile();
    let failing = false;
    const { backend } = await start(file, () => failing);
    const items = openItems(backend, 4);
    const trails = items.map((item) => backend.state.events.get(item.id)?.length ?? 0);

    failing = true;
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const sent = items.map((item, i) => call(backend, ...rejection(item, `retried-${i}`)));
    // The writes are applied in memory and wait for their commit: a read now sees only what
    // is stored, so it never shows a decision that its commit then takes back.
    const applied = () => backend.state.handoffs.get(items[0]!.id)?.status === 'rejected';
    for (let turn = 0; turn < 1000 && !applied(); turn++) await Promise.resolve();
    expect(applied()).toBe(true);
    const read = await call(backend, 'GET', `/handoffs/${items[0]!.id}`, { actor: MANAGER });
    const failed = await Promise.all(sent);
    logged.mockRestore();
    expect(failed.map((r) => r.status)).toEqual(items.map(() => 500));
    expect(handoffSchema.parse(read.body)).toMatchObject({
      status: 'pending',
      version: items[0]!.version,
    });
    items.forEach((item, i) => {
      expect(backend.state.handoffs.get(item.id)).toMatchObject({
        status: 'pending',
        version: item.version,
      });
      expect(backend.state.events.get(item.id) ?? []).toHaveLength(trails[i]!);
    });

    // The reviewers send the same requests again, with the same keys: applied now, once.
    failing = false;
    const retried = await Promise.all(
      items.map((item, i) => call(backend, ...rejection(item, `retried-${i}`))),
    );
    expect(retried.map((r) => r.status)).toEqual(items.map(() => 200));
    expect(retried.every((r) => r.headers?.['idempotent-replayed'] === undefined)).toBe(true);
    const restarted = await start(file);
    items.forEach((item, i) => {
      expect(restarted.backend.state.events.get(item.id)).toHaveLength(trails[i]! + 1);
    });
  });

  it('answers a key sent again while its first request is being stored as that request’s replay', async () => {
    const { backend, store } = await start(newFile());
    const [item] = openItems(backend, 1);
    const before = store.commits;

    const [first, again] = await Promise.all([
      call(backend, ...rejection(item!, 'twice')),
      call(backend, ...rejection(item!, 'twice')),
    ]);

    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.headers?.['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(store.commits - before).toBe(1);
    const trail = backend.state.events.get(item!.id) ?? [];
    expect(trail.filter((e) => e.action === 'rejected')).toHaveLength(1);
  });

  it('replays a batch sent again under a new key while the first is still being stored', async () => {
    const { backend, store } = await start(newFile());
    const items = openItems(backend, 3);
    const batch = (key: string) =>
      call(backend, 'POST', '/handoffs/batch-decisions', {
        actor: MANAGER,
        key,
        body: {
          batchId: 'b-together',
          decision: { action: 'reject', reason: 'Duplicate ticket, closed elsewhere.' },
          items: items.map((h) => ({ id: h.id, version: h.version })),
          timeOnBatchMs: 60_000,
        },
      });
    const before = store.commits;

    const [first, again] = await Promise.all([batch('batch-first'), batch('batch-lost-reply')]);

    expect(store.commits - before).toBe(1);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    const firstResult = batchDecisionResultSchema.parse(first.body);
    const againResult = batchDecisionResultSchema.parse(again.body);
    expect(againResult.results.map((r) => [r.id, r.status, r.eventId, r.replayed])).toEqual(
      firstResult.results.map((r) => [r.id, 'rejected', r.eventId, true]),
    );
    for (const item of items) {
      const trail = backend.state.events.get(item.id) ?? [];
      expect(trail.filter((e) => e.action === 'rejected')).toHaveLength(1);
    }
  });

  it('applies a key sent again while its first request failed to be stored, once', async () => {
    let failures = 1;
    const { backend } = await start(newFile(), () => failures-- > 0);
    const [item] = openItems(backend, 1);

    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const [first, again] = await Promise.all([
      call(backend, ...rejection(item!, 'after-failure')),
      call(backend, ...rejection(item!, 'after-failure')),
    ]);
    logged.mockRestore();

    // The first was taken back with its commit; the second, waiting on it, was applied afresh.
    expect(first.status).toBe(500);
    expect(again.status).toBe(200);
    expect(again.headers?.['idempotent-replayed']).toBeUndefined();
    const trail = backend.state.events.get(item!.id) ?? [];
    expect(trail.filter((e) => e.action === 'rejected')).toHaveLength(1);
  });

  it('replays a decision after a restart with the very answer it first gave', async () => {
    const file = newFile();
    const { backend } = await start(file);
    const items = openItems(backend, 3);
    const first = await Promise.all(
      items.map((item, i) => call(backend, ...rejection(item, `kept-${i}`))),
    );

    const restarted = await start(file);
    const replayed = await Promise.all(
      items.map((item, i) => call(restarted.backend, ...rejection(item, `kept-${i}`))),
    );

    replayed.forEach((reply, i) => {
      expect(reply.status).toBe(200);
      expect(reply.headers?.['idempotent-replayed']).toBe('true');
      expect(reply.body).toEqual(first[i]!.body);
      expect(decisionResultSchema.parse(reply.body).handoff.status).toBe('rejected');
    });
  });
});
