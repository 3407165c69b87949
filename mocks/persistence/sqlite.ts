import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import type { JsonTexts } from '../core/json-text';
import {
  type Change,
  type Persistence,
  type ReplyNote,
  type Snapshot,
  type StoredReply,
  snapshotChange,
} from '../core/persistence';
import {
  assertReadableVersion,
  migrations as buildMigrations,
  describeRecordSchemas,
  type Migration,
  migrateWorld,
  type RecordKind,
  refusal,
  STORAGE_VERSION,
  type StoredRecord,
  type StoredWorld,
  unreadableRecord,
  unreadableSettings,
} from './migrations';

export interface SqliteOptions {
  /** Copies the file aside before migrating it (on unless turned off). */
  backup?: boolean;
  /** Where progress goes: which migrations ran and how long they took. */
  log?: (line: string) => void;
  /** The migrations to run; this build's unless a test supplies others. */
  migrations?: readonly Migration[];
}

const TABLES = `
  CREATE TABLE IF NOT EXISTS handoffs (id TEXT PRIMARY KEY, body TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE NOT NULL, handoff_id TEXT NOT NULL, body TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS idempotency (key TEXT PRIMARY KEY, body TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS users (id TEXT PRIMARY KEY, body TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, body TEXT NOT NULL);
`;

/** Where the copy made before a migration goes: beside the file, named by version and time. */
export const backupFileName = (file: string, version: number, at = new Date()) =>
  `${file}.v${version}-${at.toISOString().replace(/[:.]/g, '-')}.backup`;

/**
 * The server's world on disk. Each write (an item, its audit events and the idempotency
 * record) is stored in one transaction, with the writes that arrived beside it (group commit,
 * see mocks/core/commit-group.ts), so a crash never keeps a decision without its audit event.
 * The file records its storage version in SQLite's `user_version`; loading migrates an older
 * file in one transaction (after a backup copy) and refuses a newer one untouched.
 */
export function sqlitePersistence(
  file: string,
  options: SqliteOptions = {},
): Persistence & { close(): void; readonly database: Database.Database } {
  const list = options.migrations ?? buildMigrations;
  const buildVersion = list.at(-1)?.to ?? STORAGE_VERSION;
  const log = options.log ?? (() => {});
  const db = new Database(file);
  const storedVersion = () => db.pragma('user_version', { simple: true }) as number;
  const hasWorld = () =>
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'users'").get() !==
    undefined;
  // A newer file is refused before this build writes anything to it, even its journal mode.
  try {
    if (hasWorld()) assertReadableVersion(storedVersion(), file, list);
  } catch (error) {
    db.close();
    throw error;
  }
  db.pragma('journal_mode = WAL');
  // NORMAL under WAL: a committed write survives a crash of the server (the WAL is written
  // before the reply); only a power cut may lose the last moments, never corrupt the file.
  // FULL would fsync on every decision, which caps writes at the disk's flush rate.
  db.pragma('synchronous = NORMAL');
  /** Which record schemas the stored records were last all checked against (or written with). */
  let digest: string | undefined;
  const schemaDigest = () => {
    digest ??= createHash('sha256').update(describeRecordSchemas()).digest('base64url');
    return digest;
  };
  const hasChecks = () =>
    db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'storage_checks'")
      .get() !== undefined;
  const checkedWith = () =>
    hasChecks()
      ? db.prepare("SELECT value FROM storage_checks WHERE name = 'record-schemas'").pluck().get()
      : undefined;
  const noteChecked = () => {
    if (!hasChecks()) return;
    db.prepare(
      "INSERT OR REPLACE INTO storage_checks (name, value) VALUES ('record-schemas', ?)",
    ).run(schemaDigest());
  };
  if (!hasWorld()) {
    db.transaction(() => {
      db.exec(TABLES);
      for (const migration of list) if (migration.sql) db.exec(migration.sql);
      db.pragma(`user_version = ${buildVersion}`);
      noteChecked();
    })();
  }
  // An item written again is updated where it lies: its row keeps its place (and the files
  // their order), and only its own page changes, where a replace would delete and re-insert.
  const putHandoff = db.prepare(
    'INSERT INTO handoffs (id, body) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET body = excluded.body',
  );
  const putEvent = db.prepare('INSERT INTO events (id, handoff_id, body) VALUES (?, ?, ?)');
  const putKey = db.prepare('INSERT OR REPLACE INTO idempotency (key, body) VALUES (?, ?)');
  const dropKey = db.prepare('DELETE FROM idempotency WHERE key = ?');
  const putUser = db.prepare('INSERT OR REPLACE INTO users (id, body) VALUES (?, ?)');
  const putSetting = db.prepare('INSERT OR REPLACE INTO settings (key, body) VALUES (?, ?)');

  const write = db.transaction((change: Change, alongside?: () => void, texts?: JsonTexts) => {
    // Items and events first: the idempotency records hold them again, inside their replies.
    const json = (value: unknown) => (texts ? texts.of(value) : JSON.stringify(value));
    for (const h of change.handoffs) putHandoff.run(h.id, json(h));
    for (const e of change.events) putEvent.run(e.id, e.handoffId, json(e));
    for (const [k, v] of change.idempotency) putKey.run(k, json(v));
    for (const k of change.forgotten ?? []) dropKey.run(k);
    for (const [k, v] of change.settings) putSetting.run(k, JSON.stringify(v));
    alongside?.();
  });
  const replaceAll = db.transaction((s: Snapshot) => {
    db.exec(
      'DELETE FROM handoffs; DELETE FROM events; DELETE FROM idempotency; DELETE FROM users; DELETE FROM settings;',
    );
    for (const u of s.users) putUser.run(u.id, JSON.stringify(u));
    write(snapshotChange(s));
  });

  /** Every table's rows as stored: JSON text by key, in storage order. */
  const readRows = () => {
    const rows = (sql: string) => db.prepare(sql).all() as { key: string; body: string }[];
    return {
      users: rows('SELECT id AS key, body FROM users'),
      handoffs: rows('SELECT id AS key, body FROM handoffs'),
      events: rows('SELECT id AS key, body FROM events ORDER BY seq'),
      idempotency: rows('SELECT key, body FROM idempotency'),
      settings: rows('SELECT key, body FROM settings'),
    };
  };
  type Rows = ReturnType<typeof readRows>;
  const parse = (list: Rows['users']) => list.map((r) => JSON.parse(r.body) as StoredRecord);
  const pairs = (list: Rows['users']) =>
    list.map((r): [string, unknown] => [r.key, JSON.parse(r.body)]);
  const worldOf = (rows: Rows): StoredWorld => ({
    users: parse(rows.users),
    handoffs: parse(rows.handoffs),
    events: parse(rows.events),
    idempotency: pairs(rows.idempotency),
    settings: pairs(rows.settings),
  });

  /**
   * A world already at this build's version, read row by row: each record is parsed and
   * checked as it comes, so the stored text of 100,000 items is never held beside the items
   * (which doubled the memory at start and left it to the garbage collector).
   */
  const readCurrent = (from: number): Snapshot => {
    const refuse = (problem: string) =>
      refusal(file, from, `it holds records this build cannot read: ${problem}`, list);
    // Items and events were all checked against (or written with) the schemas this build
    // reads: checking them again would be most of the start. Anything else is checked.
    const known = checkedWith() === schemaDigest();
    const records = <T>(sql: string, kind: RecordKind, check = true): T[] => {
      const out: T[] = [];
      for (const body of db.prepare(sql).pluck().iterate() as IterableIterator<string>) {
        const record: unknown = JSON.parse(body);
        const problem = check ? unreadableRecord(kind, record) : null;
        if (problem) throw refuse(problem);
        out.push(record as T);
      }
      return out;
    };
    const rows = (sql: string) => db.prepare(sql).all() as { key: string; body: string }[];
    const settings = pairs(rows('SELECT key, body FROM settings'));
    const problem = unreadableSettings(settings);
    if (problem) throw refuse(problem);
    const snapshot: Snapshot = {
      users: records('SELECT body FROM users', 'user'),
      handoffs: records('SELECT body FROM handoffs', 'item', !known),
      events: records('SELECT body FROM events ORDER BY seq', 'audit event', !known),
      // Notes only: an answer's body is read back when it is replayed (see storedReply).
      idempotency: (
        db
          .prepare(
            `SELECT key, json_extract(body, '$.fingerprint') AS fingerprint,
              json_extract(body, '$.status') AS status, json_extract(body, '$.at') AS at
             FROM idempotency`,
          )
          .all() as ({ key: string } & ReplyNote)[]
      ).map(({ key, ...note }): [string, ReplyNote] => [key, note]),
      settings,
    };
    if (!known) noteChecked();
    return snapshot;
  };

  /** Writes back only the rows a migration changed: events keep their place in the log. */
  const writeBack = (table: string, column: string, before: Rows['users'], after: unknown[]) => {
    const update = db.prepare(`UPDATE ${table} SET body = ? WHERE ${column} = ?`);
    after.forEach((value, i) => {
      const row = before[i];
      const body = JSON.stringify(Array.isArray(value) ? value[1] : value);
      if (row && body !== row.body) update.run(body, row.key);
    });
  };

  const migrate = db.transaction((from: number): Snapshot => {
    const rows = readRows();
    const world = worldOf(rows);
    const snapshot = migrateWorld(world, from, {
      where: file,
      migrations: list,
      onMigrated: (run) =>
        log(`Migrated to storage version ${run.to}: ${run.name} (${run.ms.toFixed(1)} ms)`),
    });
    writeBack('users', 'id', rows.users, world.users);
    writeBack('handoffs', 'id', rows.handoffs, world.handoffs);
    writeBack('events', 'id', rows.events, world.events);
    writeBack('idempotency', 'key', rows.idempotency, world.idempotency);
    writeBack('settings', 'key', rows.settings, world.settings);
    for (const migration of list) if (migration.to > from && migration.sql) db.exec(migration.sql);
    db.pragma(`user_version = ${buildVersion}`);
    noteChecked();
    return snapshot;
  });

  const getKey = db.prepare('SELECT body FROM idempotency WHERE key = ?').pluck();
  return {
    groupCommit: true,
    storedReply(key) {
      const body = getKey.get(key) as string | undefined;
      return body === undefined ? undefined : (JSON.parse(body) as StoredReply);
    },
    async load() {
      const from = storedVersion();
      const users = db.prepare('SELECT count(*) AS n FROM users').get() as { n: number };
      if (from === buildVersion) {
        if (users.n === 0) return null;
        // Nothing to migrate, but a record this build cannot read refuses the start here,
        // not as a failed request later.
        return readCurrent(from);
      }
      if (options.backup !== false && users.n > 0) {
        const copy = backupFileName(file, from);
        await db.backup(copy);
        log(`Backed up ${file} at storage version ${from} to ${copy}`);
      }
      const started = performance.now();
      const snapshot = migrate(from);
      log(
        `Migrated ${file} from storage version ${from} to ${buildVersion} in ${(performance.now() - started).toFixed(1)} ms`,
      );
      return users.n > 0 ? snapshot : null;
    },
    async commit(change, alongside, texts) {
      write(change, alongside, texts);
    },
    async replace(snapshot) {
      replaceAll(snapshot);
    },
    close() {
      db.close();
    },
    database: db,
  };
}

/**
 * A consistent copy of a live database, taken while its server keeps writing: SQLite's online
 * backup copies pages under a read transaction, so the copy holds whole transactions only.
 */
export async function backupSqlite(file: string, target: string): Promise<void> {
  const db = new Database(file, { fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
}

/**
 * Turns a backup back into the live database at `file` (with its server stopped). The copy
 * goes through SQLite's backup API into `file`, so a journal left beside it cannot be replayed
 * over the restored pages. Refuses a backup newer than this build.
 */
export async function restoreSqlite(backup: string, file: string): Promise<void> {
  const db = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    assertReadableVersion(db.pragma('user_version', { simple: true }) as number, backup);
    await db.backup(file);
  } finally {
    db.close();
  }
}
