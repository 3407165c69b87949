// @vitest-environment node
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { demoWorldFixture, serverFixture } from '../../tests/fixtures/storage/fixtures';
import { removeDbFile, tempDbFile } from '../../tests/server/harness';
import { Backend } from '../core/backend';
import { exportIndexedDbWorld, importIndexedDbWorld, indexedDbPersistence } from './indexeddb';
import { type Migration, migrations, STORAGE_VERSION, StorageVersionError } from './migrations';
import { sqlitePersistence } from './sqlite';

/*
 * A store is either migrated whole or left as it was: a migration that throws, a store newer
 * than the build, or a migration that would touch the audit trail refuses the start and
 * changes nothing.
 */

const broken: Migration = {
  to: STORAGE_VERSION + 1,
  name: 'reads-a-field-that-is-not-there',
  up() {
    throw new Error('every item needs a region');
  },
};
const rewritesAudit: Migration = {
  to: STORAGE_VERSION + 1,
  name: 'tidies-outcomes',
  up(world) {
    world.events[3]!.outcome = 'Something else';
  },
};
const dropsAudit: Migration = {
  to: STORAGE_VERSION + 1,
  name: 'drops-ai-events',
  up(world) {
    world.events.splice(0, 1);
  },
};
const addsToAudit: Migration = {
  to: STORAGE_VERSION + 1,
  name: 'events-get-a-channel',
  up(world) {
    for (const event of world.events) event.channel ??= 'desk';
  },
};

describe('migrating the server database', () => {
  const files: string[] = [];
  afterEach(() => {
    for (const file of files.splice(0)) removeDbFile(file);
  });

  function fixtureCopy() {
    const file = tempDbFile();
    files.push(file);
    copyFileSync(serverFixture('v0'), file);
    return file;
  }

  /** What the file holds: its version and every row, to compare before and after. */
  function contents(file: string) {
    const db = new Database(file, { readonly: true });
    try {
      const rows = (table: string) => db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all();
      return {
        version: db.pragma('user_version', { simple: true }),
        tables: ['handoffs', 'events', 'idempotency', 'users', 'settings'].map(rows),
      };
    } finally {
      db.close();
    }
  }

  const start = (file: string, list: readonly Migration[], log?: (line: string) => void) => {
    const persistence = sqlitePersistence(file, { migrations: list, log });
    return Backend.create({ persistence }).finally(() => persistence.close());
  };

  for (const [what, migration, reason] of [
    [
      'throws',
      broken,
      new RegExp(
        `migration ${STORAGE_VERSION + 1} \\(reads-a-field-that-is-not-there\\).*every item needs a region`,
      ),
    ],
    ['changes an audit event', rewritesAudit, /had its outcome changed/],
    ['drops an audit event', dropsAudit, /audit log went from 72 events to 71/],
  ] as const) {
    it(`refuses to start when a migration ${what}, naming both versions, and leaves the file as it was`, async () => {
      const file = fixtureCopy();
      const before = contents(file);
      const started = start(file, [...migrations, migration]);
      await expect(started).rejects.toThrow(StorageVersionError);
      await expect(started).rejects.toThrow(
        new RegExp(`at storage version 0 and this build reads version ${STORAGE_VERSION + 1}`),
      );
      await expect(started).rejects.toThrow(reason);
      await expect(started).rejects.toThrow(/Nothing was changed/);
      expect(contents(file)).toEqual(before);
    });
  }

  it('lets a migration add fields with defaults to audit events, and keeps the copy it made first', async () => {
    const file = fixtureCopy();
    const lines: string[] = [];
    const backend = await start(file, [...migrations, addsToAudit], (line) => lines.push(line));
    expect(lines.filter((l) => l.startsWith('Migrated to'))).toEqual([
      expect.stringMatching(/storage version 1: gate-and-routing-fields/),
      expect.stringMatching(/storage version 2: idempotency-expiry/),
      expect.stringMatching(/storage version 3: people-and-sessions/),
      expect.stringMatching(/storage version 4: proposed-actions/),
      expect.stringMatching(/storage version 5: webhooks/),
      expect.stringMatching(/storage version 6: teams/),
      expect.stringMatching(/storage version 7: built-in-ai-is-an-agent/),
      expect.stringMatching(/storage version 8: settings-and-people-have-versions/),
      expect.stringMatching(/storage version 9: team-on-events/),
      expect.stringMatching(/storage version 10: schema-checks/),
      expect.stringMatching(
        new RegExp(`storage version ${STORAGE_VERSION + 1}: events-get-a-channel`),
      ),
    ]);
    expect(contents(file).version).toBe(STORAGE_VERSION + 1);
    const events = [...backend.state.events.values()].flat() as unknown as { channel: string }[];
    expect(events.every((e) => e.channel === 'desk')).toBe(true);
    // The copy made before migrating is the fixture as it was.
    const [copy] = readdirSync(join(file, '..')).filter((f) => f.endsWith('.backup'));
    expect(copy).toMatch(/^world\.sqlite\.v0-.+\.backup$/);
    expect(contents(join(file, '..', copy!))).toEqual(contents(serverFixture('v0')));
  });

  it('makes no copy when told not to', async () => {
    const file = fixtureCopy();
    const persistence = sqlitePersistence(file, { backup: false });
    await Backend.create({ persistence });
    persistence.close();
    expect(readdirSync(join(file, '..')).filter((f) => f.endsWith('.backup'))).toEqual([]);
    expect(contents(file).version).toBe(STORAGE_VERSION);
  });

  it('refuses a database written by a newer build, untouched', async () => {
    const file = fixtureCopy();
    const db = new Database(file);
    db.pragma(`user_version = ${STORAGE_VERSION + 3}`);
    db.close();
    const before = contents(file);
    expect(() => sqlitePersistence(file)).toThrow(
      new RegExp(
        `at storage version ${STORAGE_VERSION + 3}, but this build reads versions up to ${STORAGE_VERSION}`,
      ),
    );
    expect(contents(file)).toEqual(before);
  });

  for (const [table, what, label] of [
    ['handoffs', 'an item', 'item'],
    ['events', 'an audit event', 'audit event'],
  ] as const) {
    it(`refuses a database at this build’s version holding ${what} it cannot read, written by a build with other schemas, untouched`, async () => {
      const file = fixtureCopy();
      await start(file, migrations);
      const db = new Database(file);
      const row = db
        .prepare(`SELECT rowid AS rowid, body FROM ${table} LIMIT 1 OFFSET 7`)
        .get() as {
        rowid: number;
        body: string;
      };
      const broken = { ...JSON.parse(row.body), version: 'two' };
      db.prepare(`UPDATE ${table} SET body = ? WHERE rowid = ?`).run(
        JSON.stringify(broken),
        row.rowid,
      );
      // The build that wrote it read with other schemas, so this build checks every record.
      db.prepare(
        "UPDATE storage_checks SET value = 'another build' WHERE name = 'record-schemas'",
      ).run();
      db.close();
      const before = contents(file);
      await expect(start(file, migrations)).rejects.toThrow(
        new RegExp(
          `at storage version ${STORAGE_VERSION} and this build reads version ${STORAGE_VERSION}, but it holds records this build cannot read: ${label} ${broken.id}: version`,
        ),
      );
      expect(contents(file)).toEqual(before);
    });
  }

  it('records this build’s version in a new database', () => {
    const file = tempDbFile();
    files.push(file);
    sqlitePersistence(file).close();
    expect(contents(file).version).toBe(STORAGE_VERSION);
  });
});

describe('migrating the demo world', () => {
  const fixture = () => demoWorldFixture('v0');
  let count = 0;

  it('leaves a world a migration cannot read exactly as it was', async () => {
    const name = `migrations-test-${++count}`;
    await importIndexedDbWorld(fixture(), name);
    const started = Backend.create({
      persistence: indexedDbPersistence(name, { migrations: [...migrations, broken] }),
    });
    await expect(started).rejects.toThrow(
      new RegExp(
        `demo world .* at storage version 0 and this build reads version ${STORAGE_VERSION + 1}.*every item needs a region`,
      ),
    );
    expect(await exportIndexedDbWorld(name)).toEqual(fixture());
  });

  it('refuses a world saved by a newer build, untouched', async () => {
    const name = `migrations-test-${++count}`;
    const newer = fixture();
    newer.entries.push(['version', STORAGE_VERSION + 1]);
    await importIndexedDbWorld(newer, name);
    await expect(Backend.create({ persistence: indexedDbPersistence(name) })).rejects.toThrow(
      new RegExp(
        `at storage version ${STORAGE_VERSION + 1}, but this build reads versions up to ${STORAGE_VERSION}`,
      ),
    );
    expect((await exportIndexedDbWorld(name)).entries).toEqual(
      [...newer.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  });
});
