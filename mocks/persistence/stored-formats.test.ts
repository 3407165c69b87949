// @vitest-environment node
import { copyFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { pendingRedirectsSchema } from '../../src/api/agent-schemas';
import { auditLogPageSchema } from '../../src/api/audit-schemas';
import {
  type AuditEvent,
  auditPageSchema,
  type Handoff,
  handoffPageSchema,
  handoffSchema,
} from '../../src/api/handoff-schemas';
import { operations, pathOf } from '../../src/api/operations';
import { policyChangesSchema } from '../../src/api/policy-change-schemas';
import { postHocSettingsSchema } from '../../src/api/post-hoc-schemas';
import { actionsFromText } from '../../src/domain/actions';
import { AI_ACTOR, BUILT_IN_AGENT_NAME, LEGACY_AI_ID } from '../../src/domain/actors';
import { GATE_WARNING_MS } from '../../src/domain/gates';
import { amountsOnItem } from '../../src/domain/text-guard';
import { demoWorldFixture, serverFixture } from '../../tests/fixtures/storage/fixtures';
import { removeDbFile, tempDbFile } from '../../tests/server/harness';
import { Backend } from '../core/backend';
import type { Persistence } from '../core/persistence';
import { peopleStore } from '../server/auth/people-store';
import {
  type DemoWorldExport,
  exportIndexedDbWorld,
  importIndexedDbWorld,
  indexedDbPersistence,
} from './indexeddb';
import { STORAGE_VERSION } from './migrations';
import { sqlitePersistence } from './sqlite';

/*
 * Every release must load the worlds earlier releases stored. The fixtures were written by
 * tests/fixtures/storage/write-fixtures.ts; each is read back through the API, as reviewers
 * would see it: the items, every audit event as stored, and the policy history.
 */

const NOW = Date.parse('2026-11-25T09:00:00.000Z');

const demoFixture = demoWorldFixture;

const storedEvents = (world: DemoWorldExport) =>
  world.entries.filter(([key]) => key.startsWith('e:')).map(([, e]) => e as AuditEvent);
const storedItems = (world: DemoWorldExport) =>
  world.entries.filter(([key]) => key.startsWith('h:')).map(([, h]) => h as Handoff);

function get(backend: Backend, path: string, query: Record<string, string> = {}) {
  return backend.handle({
    method: 'GET',
    path,
    query: new URLSearchParams(query),
    headers: new Headers({ 'X-Actor-Id': 'u-femi' }),
    body: null,
  });
}

async function itemsOf(backend: Backend) {
  const reply = await get(backend, pathOf(operations.listHandoffs), { limit: '100' });
  expect(reply.status).toBe(200);
  return handoffPageSchema.parse(reply.body).items;
}

/** The fixture world as the API answers it: what the fixture script wrote, and the seed's. */
async function expectFixtureWorld(backend: Backend, events: AuditEvent[]) {
  const items = await itemsOf(backend);
  expect(items).toHaveLength(30);
  const byId = new Map(items.map((h) => [h.id, h]));
  expect(byId.get('h-3120')).toMatchObject({ status: 'rejected', version: 2 });
  expect(byId.get('h-3125')).toMatchObject({ status: 'claimed', assignee: { id: 'u-ben' } });
  expect(items.filter((h) => h.gate !== null).map((h) => h.id)).toEqual(
    expect.arrayContaining(['h-3133', 'h-3156', 'h-4522', 'h-4523']),
  );

  // Every stored event reads back unchanged, on its item, in order; each gained the team its
  // item was stored with (these worlds predate teams: none).
  for (const item of items) {
    const reply = await get(backend, pathOf(operations.listHandoffEvents, { id: item.id }));
    expect(reply.status).toBe(200);
    const trail = auditPageSchema.parse(reply.body).items;
    expect(trail).toEqual(
      events.filter((e) => e.handoffId === item.id).map((e) => ({ ...e, team: null })),
    );
  }
  const rejection = events.find((e) => e.handoffId === 'h-3120' && e.action === 'rejected');
  expect(rejection).toMatchObject({
    actor: { id: 'u-ana' },
    why: { reason: 'The draft quotes the wrong order number.' },
  });

  const changes = policyChangesSchema.parse(
    (await get(backend, pathOf(operations.listPolicyChanges))).body,
  ).items;
  expect(changes).toHaveLength(1);
  expect(changes[0]).toMatchObject({
    id: 'policy-v2',
    by: { id: 'u-femi' },
    reason: 'Shipping drafts need a closer look.',
    after: { version: 2, categories: { shipping: { confidenceThreshold: 0.92 } } },
  });
  const log = auditLogPageSchema.parse(
    (await get(backend, pathOf(operations.listAudit), { limit: '1000' })).body,
  );
  expect(log.total).toBe(events.length + changes.length);
}

const open = (persistence: Persistence) => Backend.create({ persistence, clock: () => NOW });

let dbCount = 0;
const freshDbName = () => `handoff-desk-test-${++dbCount}`;

describe('the demo world stored by earlier builds', () => {
  it('loads the unversioned world of today, with every item, audit event and policy change', async () => {
    const fixture = demoFixture('v0');
    const name = freshDbName();
    await importIndexedDbWorld(fixture, name);
    const backend = await open(indexedDbPersistence(name));
    await expectFixtureWorld(backend, storedEvents(fixture));
    // The world now records its version, and a second start reads it as it is.
    const saved = await exportIndexedDbWorld(name);
    expect(saved.entries).toContainEqual(['version', STORAGE_VERSION]);
    await expectFixtureWorld(await open(indexedDbPersistence(name)), storedEvents(fixture));
  });

  it('gives a world saved before approval gates and the routing policy their fields, so gated items load', async () => {
    const fixture = demoFixture('v0');
    // As the build before gates stored it: gates without a warning time or an applied default,
    // items without a policy version or post-hoc draw, flags without their rule's version.
    const older = structuredClone(fixture);
    for (const [, value] of older.entries) {
      const h = value as Partial<Handoff> & { id?: string };
      if (!h.id?.startsWith('h-') || !('context' in h)) continue;
      if (h.gate) h.gate = { timeoutAt: h.gate.timeoutAt, defaultAction: 'approve' } as never;
      delete h.policyVersion;
      delete h.sampledForReview;
      for (const flag of h.context?.flags ?? []) {
        delete (flag as Partial<typeof flag>).ruleVersion;
        delete (flag as Partial<typeof flag>).response;
      }
    }
    expect(older.entries.some(([, v]) => handoffSchema.safeParse(v).success)).toBe(false);
    const name = freshDbName();
    await importIndexedDbWorld(older, name);

    const backend = await open(indexedDbPersistence(name));
    await expectFixtureWorld(backend, storedEvents(fixture));
    const reply = await get(backend, pathOf(operations.getHandoff, { id: 'h-4522' }));
    expect(reply.status).toBe(200);
    const gated = handoffSchema.parse(reply.body);
    const before = storedItems(fixture).find((h) => h.id === 'h-4522')!;
    expect(gated.gate).toEqual({
      timeoutAt: before.gate!.timeoutAt,
      warnAt: new Date(Date.parse(before.gate!.timeoutAt) - GATE_WARNING_MS).toISOString(),
      defaultAction: 'approve',
      applied: null,
    });
    expect(gated.policyVersion).toBe(1);
    expect(gated.sampledForReview).toBe(false);
    expect(gated.context.flags.map((f) => [f.rule, f.ruleVersion, f.response])).toEqual(
      before.context.flags.map((f) => [f.rule, 1, f.response]),
    );
  });
});

describe('the server database stored by earlier builds', () => {
  const files: string[] = [];
  afterEach(() => {
    for (const file of files.splice(0)) removeDbFile(file);
  });

  it('loads the unversioned file of today, with every item, audit event and policy change', async () => {
    const file = tempDbFile();
    files.push(file);
    copyFileSync(serverFixture('v0'), file);
    const lines: string[] = [];
    const persistence = sqlitePersistence(file, { log: (line) => lines.push(line) });
    await expectFixtureWorld(await open(persistence), storedEvents(demoFixture('v0')));
    persistence.close();
    expect(lines).toEqual([
      expect.stringMatching(/^Backed up .* at storage version 0 to .*\.v0-.*\.backup$/),
      expect.stringMatching(/^Migrated to storage version 1: gate-and-routing-fields \(\d/),
      expect.stringMatching(/^Migrated to storage version 2: idempotency-expiry \(\d/),
      expect.stringMatching(/^Migrated to storage version 3: people-and-sessions \(\d/),
      expect.stringMatching(/^Migrated to storage version 4: proposed-actions \(\d/),
      expect.stringMatching(/^Migrated to storage version 5: webhooks \(\d/),
      expect.stringMatching(/^Migrated to storage version 6: teams \(\d/),
      expect.stringMatching(/^Migrated to storage version 7: built-in-ai-is-an-agent \(\d/),
      expect.stringMatching(
        /^Migrated to storage version 8: settings-and-people-have-versions \(\d/,
      ),
      expect.stringMatching(/^Migrated to storage version 9: team-on-events \(\d/),
      expect.stringMatching(/^Migrated to storage version 10: schema-checks \(\d/),
      expect.stringMatching(/^Migrated .* from storage version 0 to 10 in [\d.]+ ms$/),
    ]);

    // Migrated once: the next start finds version 4 and neither copies nor migrates.
    lines.length = 0;
    const again = sqlitePersistence(file, { log: (line) => lines.push(line) });
    await expectFixtureWorld(await open(again), storedEvents(demoFixture('v0')));
    again.close();
    expect(lines).toEqual([]);
  });
});

describe('a world stored before drafts carried proposed actions (storage version 3)', () => {
  const files: string[] = [];
  afterEach(() => {
    for (const file of files.splice(0)) removeDbFile(file);
  });

  const draftsOf = (items: Handoff[]) => items.flatMap((h) => h.drafts);

  it('reads every draft’s actions from its own text, on the server and in the demo', async () => {
    const stored = storedItems(demoFixture('v3'));
    expect(draftsOf(stored).every((d) => !('actions' in d))).toBe(true);

    const file = tempDbFile();
    files.push(file);
    copyFileSync(serverFixture('v3'), file);
    const persistence = sqlitePersistence(file, { log: () => {} });
    const server = await open(persistence);
    const name = freshDbName();
    await importIndexedDbWorld(demoFixture('v3'), name);
    const demo = await open(indexedDbPersistence(name));
    for (const backend of [server, demo]) {
      for (const before of stored) {
        const reply = await get(backend, pathOf(operations.getHandoff, { id: before.id }));
        const after = handoffSchema.parse(reply.body);
        expect(after.drafts.map((d) => d.text)).toEqual(before.drafts.map((d) => d.text));
        after.drafts.forEach((d) => {
          expect(d.actions).toEqual(actionsFromText(d.text, amountsOnItem(after)));
        });
      }
    }
    persistence.close();
    // The worked example promised a full refund of $649.00: it now proposes exactly that.
    const example = stored.find((h) => h.id === 'h-4521')!;
    expect(example.drafts[0]!.text).toContain('$649.00');
    expect(actionsFromText(example.drafts[0]!.text)).toEqual([
      { type: 'refund', amount: 649, currency: 'USD' },
    ]);
  });
});

/** One stored fixture opened by this build twice: as the server's file and as the demo's world. */
async function openBoth(version: Parameters<typeof serverFixture>[0], files: string[]) {
  const file = tempDbFile();
  files.push(file);
  copyFileSync(serverFixture(version), file);
  const persistence = sqlitePersistence(file, { log: () => {} });
  const server = await open(persistence);
  const name = freshDbName();
  await importIndexedDbWorld(demoFixture(version), name);
  const demo = await open(indexedDbPersistence(name));
  return { server, demo, persistence };
}

describe('a world stored before teams (storage version 5)', () => {
  const files: string[] = [];
  afterEach(() => {
    for (const file of files.splice(0)) removeDbFile(file);
  });

  it('loads every item in no team, on the server and in the demo', async () => {
    const stored = storedItems(demoFixture('v5'));
    expect(stored.every((h) => !('team' in h))).toBe(true);

    const { server, demo, persistence } = await openBoth('v5', files);
    for (const backend of [server, demo]) {
      await expectFixtureWorld(backend, storedEvents(demoFixture('v5')));
      for (const item of await itemsOf(backend)) expect(item.team).toBeNull();
    }
    persistence.close();
  });
});

describe('a world stored before the built-in AI was an agent (storage version 6)', () => {
  const files: string[] = [];
  afterEach(() => {
    for (const file of files.splice(0)) removeDbFile(file);
  });

  it('gives the AI’s drafts to the built-in agent, which answers their redirects; the trail keeps its actors', async () => {
    const stored = storedItems(demoFixture('v5'));
    const legacy = stored.flatMap((h) => h.drafts).filter((d) => d.author.id === LEGACY_AI_ID);
    expect(legacy.length).toBeGreaterThan(0);

    const { server, demo, persistence } = await openBoth('v5', files);
    for (const backend of [server, demo]) {
      // Every stored event reads back as it was recorded, under the actor it had.
      await expectFixtureWorld(backend, storedEvents(demoFixture('v5')));
      for (const before of stored) {
        const reply = await get(backend, pathOf(operations.getHandoff, { id: before.id }));
        const after = handoffSchema.parse(reply.body);
        expect(after.drafts.map((d) => d.text)).toEqual(before.drafts.map((d) => d.text));
        for (const [i, d] of after.drafts.entries()) {
          const was = before.drafts[i]!.author;
          expect(d.author).toEqual(was.id === LEGACY_AI_ID ? AI_ACTOR : was);
        }
      }
      // The built-in agent, by its key, now hears the redirect of a stored item and answers it.
      const secret = 'hd_builtin000000000000000000000000000000';
      await backend.registerAgentKey(BUILT_IN_AGENT_NAME, secret);
      const item = stored.find(
        (h) => h.status === 'pending' && h.drafts[0]!.author.id === LEGACY_AI_ID,
      )!;
      const redirect = await backend.handle({
        method: 'POST',
        path: pathOf(operations.decideHandoff, { id: item.id }),
        query: new URLSearchParams(),
        headers: new Headers({
          'X-Actor-Id': 'u-femi',
          'Idempotency-Key': `redirect-${item.id}`,
          'content-type': 'application/json',
        }),
        body: JSON.stringify({
          action: 'redirect',
          version: item.version,
          instructions: 'Apologise for the delay.',
          timeOnItemMs: 1000,
          acknowledgedFlags: [],
        }),
      });
      expect(redirect.status).toBe(200);
      const pending = await backend.handle({
        method: 'GET',
        path: pathOf(operations.listAgentRedirects),
        query: new URLSearchParams(),
        headers: new Headers({ Authorization: `Bearer ${secret}` }),
        body: null,
      });
      expect(pending.status).toBe(200);
      expect(pendingRedirectsSchema.parse(pending.body).items).toEqual([
        expect.objectContaining({
          handoff: expect.objectContaining({ id: item.id, status: 'redirected' }),
          redirect: expect.objectContaining({ instructions: 'Apologise for the delay.' }),
        }),
      ]);
    }
    persistence.close();
  });
});

describe('settings and people stored before they had versions (storage version 7)', () => {
  const files: string[] = [];
  afterEach(() => {
    for (const file of files.splice(0)) removeDbFile(file);
  });

  const share = { doubleReviewShare: 0.5 };
  const settingsOf = async (backend: Backend) =>
    postHocSettingsSchema.parse((await get(backend, pathOf(operations.getPostHocSettings))).body);
  const putShare = (backend: Backend, version: number) =>
    backend.handle({
      method: 'PUT',
      path: pathOf(operations.savePostHocSettings),
      query: new URLSearchParams(),
      headers: new Headers({ 'X-Actor-Id': 'u-femi', 'Idempotency-Key': `share-${version}` }),
      body: JSON.stringify({ doubleReviewShare: 0.25, version }),
    });

  it('reads the stored share as its first version, on the server and in the demo, and checks it from then on', async () => {
    const file = tempDbFile();
    files.push(file);
    copyFileSync(serverFixture('v5'), file);
    const db = new Database(file);
    db.prepare('INSERT INTO settings (key, body) VALUES (?, ?)').run(
      'post-hoc-settings',
      JSON.stringify(share),
    );
    db.close();
    const persistence = sqlitePersistence(file, { log: () => {} });
    const name = freshDbName();
    const fixture = demoFixture('v5');
    await importIndexedDbWorld(
      { ...fixture, entries: [...fixture.entries, ['s:post-hoc-settings', share]] },
      name,
    );
    for (const backend of [await open(persistence), await open(indexedDbPersistence(name))]) {
      expect(await settingsOf(backend)).toEqual({ ...share, version: 1 });
      expect((await putShare(backend, 2)).status).toBe(409);
      expect((await putShare(backend, 1)).status).toBe(200);
      expect(await settingsOf(backend)).toEqual({ doubleReviewShare: 0.25, version: 2 });
    }
    persistence.close();
  });

  it('gives every person stored on the server version 1, which the next change moves on', async () => {
    const file = tempDbFile();
    files.push(file);
    copyFileSync(serverFixture('v5'), file);
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    // As migration 3 made the table: no version column.
    db.prepare(
      `INSERT INTO people (id, name, role, level, password_hash, email, disabled, created_at)
       VALUES ('u-kai', 'Kai Moss', 'reviewer', 'l1', NULL, 'kai@example.com', 0, ?)`,
    ).run(new Date(NOW).toISOString());
    db.close();
    const persistence = sqlitePersistence(file, { log: () => {} });
    // Starting migrates the file; the accounts are read from it as the server reads them.
    await open(persistence);
    const people = peopleStore(persistence.database, () => NOW);
    expect(people.person('u-kai')).toMatchObject({ name: 'Kai Moss', level: 'l1', version: 1 });
    const by = { id: 'u-femi', name: 'Femi Adeyemi' };
    expect(people.update('u-kai', { level: 'l2' }, by, 'admin')).toMatchObject({ version: 2 });
    // Setting what is already there is no change and no new version.
    expect(people.update('u-kai', { level: 'l2' }, by, 'admin')).toMatchObject({ version: 2 });
    persistence.close();
  });
});

describe('a database stored before it noted the schemas its records were checked against (storage version 9)', () => {
  const files: string[] = [];
  afterEach(() => {
    for (const file of files.splice(0)) removeDbFile(file);
  });
  const v9Copy = () => {
    const file = tempDbFile();
    files.push(file);
    copyFileSync(serverFixture('v9'), file);
    return file;
  };
  const rowsOf = (file: string, sql: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare(sql).pluck().all() as string[];
    } finally {
      db.close();
    }
  };

  it('loads every item and audit event as stored, and starts again from the same file', async () => {
    const file = v9Copy();
    const events = rowsOf(file, 'SELECT body FROM events ORDER BY seq').map(
      (body) => JSON.parse(body) as AuditEvent,
    );
    /** The world as the API answers it: the fixture script's decision and claim, every trail. */
    const expectStored = async (backend: Backend) => {
      const items = await itemsOf(backend);
      expect(items).toHaveLength(30);
      const byId = new Map(items.map((h) => [h.id, h]));
      expect(byId.get('h-3207')).toMatchObject({ status: 'rejected', version: 2 });
      expect(byId.get('h-3260')).toMatchObject({ status: 'claimed', assignee: { id: 'u-ben' } });
      for (const item of items) {
        const reply = await get(backend, pathOf(operations.listHandoffEvents, { id: item.id }));
        expect(auditPageSchema.parse(reply.body).items).toEqual(
          events.filter((e) => e.handoffId === item.id),
        );
      }
    };
    const lines: string[] = [];
    const persistence = sqlitePersistence(file, { log: (line) => lines.push(line) });
    await expectStored(await open(persistence));
    persistence.close();
    expect(lines).toContainEqual(
      expect.stringMatching(/^Migrated to storage version 10: schema-checks \(\d/),
    );
    // The next start reads the same world without migrating it again.
    lines.length = 0;
    const again = sqlitePersistence(file, { log: (line) => lines.push(line) });
    await expectStored(await open(again));
    again.close();
    expect(lines).toEqual([]);
  });

  it('refuses a file holding an item this build cannot read, and leaves it as it was', async () => {
    const file = v9Copy();
    const db = new Database(file);
    const item = JSON.parse(
      db.prepare("SELECT body FROM handoffs WHERE id = 'h-3207'").pluck().get() as string,
    );
    db.prepare("UPDATE handoffs SET body = ? WHERE id = 'h-3207'").run(
      JSON.stringify({ ...item, status: 'mislaid' }),
    );
    db.close();
    const before = rowsOf(file, 'SELECT body FROM handoffs ORDER BY id');
    const persistence = sqlitePersistence(file, { backup: false });
    await expect(open(persistence)).rejects.toThrow(
      /at storage version 9 .* cannot read: item h-3207: status/,
    );
    persistence.close();
    expect(rowsOf(file, 'SELECT body FROM handoffs ORDER BY id')).toEqual(before);
    const stale = new Database(file, { readonly: true });
    expect(stale.pragma('user_version', { simple: true })).toBe(9);
    stale.close();
  });
});
