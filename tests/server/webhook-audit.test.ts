// @vitest-environment node
import type Database from 'better-sqlite3';
import { Backend } from '../../mocks/core/backend';
import { sqlitePersistence } from '../../mocks/persistence/sqlite';
import { webhookService } from '../../mocks/server/webhooks/service';
import type { Owner } from '../../mocks/server/webhooks/store';
import { auditLogPageSchema } from '../../src/api/audit-schemas';
import { operations } from '../../src/api/operations';
import { removeDbFile, tempDbFile } from './harness';

/*
 * A change to a webhook endpoint and its audit entry are one transaction: when either cannot
 * be written (a full disk, a broken file), neither is kept, so the log never misses an endpoint
 * that exists and never names one that does not.
 */

const LEAD: Owner = { id: 'u-femi', name: 'Femi Adeyemi', kind: 'person' };
const hook = { url: 'https://hooks.example.com/desk', events: ['handoff.decided' as const] };
const files: string[] = [];
const closers: (() => void)[] = [];

afterEach(() => {
  for (const close of closers.splice(0)) close();
  for (const file of files.splice(0)) removeDbFile(file);
});

async function open() {
  const file = tempDbFile();
  files.push(file);
  const persistence = sqlitePersistence(file);
  closers.push(() => persistence.close());
  const backend = await Backend.create({ count: 20, persistence });
  const webhooks = webhookService({ db: persistence.database, backend, allowPrivate: true });
  const db: Database.Database = persistence.database;
  const accessLog = async () => {
    const reply = await backend.handle({
      method: 'GET',
      path: operations.listAudit.path,
      query: new URLSearchParams(),
      headers: new Headers({ 'x-actor-id': LEAD.id }),
      body: null,
    });
    // Newest first: the access changes made here are the newest entries.
    return auditLogPageSchema
      .parse(reply.body)
      .items.flatMap((e) => (e.kind === 'access' ? [e.outcome] : []));
  };
  const storedEndpoints = () =>
    (db.prepare('SELECT id FROM webhook_endpoints').all() as { id: string }[]).map((r) => r.id);
  /** Makes every write of `table` fail from now on, as a full disk would. */
  const breakWrites = (table: string) =>
    db.exec(
      `CREATE TRIGGER broken_${table} BEFORE INSERT ON ${table} BEGIN SELECT RAISE(ABORT, 'disk full'); END;
       CREATE TRIGGER broken_${table}_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, 'disk full'); END;
       CREATE TRIGGER broken_${table}_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, 'disk full'); END;`,
    );
  return { webhooks, accessLog, storedEndpoints, breakWrites, db };
}

describe('a webhook endpoint change and its audit entry', () => {
  it('are kept together when both can be written', async () => {
    const { webhooks, accessLog, storedEndpoints } = await open();
    const { endpoint } = await webhooks.create(LEAD, hook);
    await webhooks.rotate(endpoint.id, LEAD);
    await webhooks.remove(endpoint.id, LEAD);
    expect(storedEndpoints()).toEqual([]);
    expect(await accessLog()).toEqual([
      'Deleted the webhook endpoint https://hooks.example.com/desk',
      'Rotated the signing secret of the webhook endpoint https://hooks.example.com/desk',
      'Added the webhook endpoint https://hooks.example.com/desk',
    ]);
  });

  it('leave no endpoint behind when the audit entry cannot be written', async () => {
    const { webhooks, storedEndpoints, breakWrites } = await open();
    breakWrites('settings');
    await expect(webhooks.create(LEAD, hook)).rejects.toThrow(/disk full/);
    expect(storedEndpoints()).toEqual([]);
  });

  it('leave no audit entry behind when the endpoint cannot be written', async () => {
    const { webhooks, accessLog, storedEndpoints, breakWrites, db } = await open();
    const { endpoint } = await webhooks.create(LEAD, hook);
    const before = db.prepare('SELECT secret FROM webhook_endpoints').get();
    breakWrites('webhook_endpoints');
    await expect(webhooks.rotate(endpoint.id, LEAD)).rejects.toThrow(/disk full/);
    await expect(webhooks.remove(endpoint.id, LEAD)).rejects.toThrow(/disk full/);
    expect(storedEndpoints()).toEqual([endpoint.id]);
    expect(db.prepare('SELECT secret FROM webhook_endpoints').get()).toEqual(before);
    // The rejected writes left the stored log as it was: only the endpoint's creation.
    const stored = db.prepare("SELECT body FROM settings WHERE key = 'access.changes'").get() as {
      body: string;
    };
    expect((JSON.parse(stored.body) as { outcome: string }[]).map((e) => e.outcome)).toEqual([
      'Added the webhook endpoint https://hooks.example.com/desk',
    ]);
    // And the log the desk serves is the stored one: nothing of the failed changes.
    expect(await accessLog()).toEqual([
      'Added the webhook endpoint https://hooks.example.com/desk',
    ]);
  });
});
