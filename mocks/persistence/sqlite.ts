import Database from 'better-sqlite3';
import type { AuditEvent, Handoff, User } from '../../src/api/schemas';
import type { Change, Persistence, Snapshot, StoredReply } from '../core/persistence';

/**
 * The server's world on disk. Each write (an item, its audit events and the idempotency
 * record) is one transaction, so a crash never keeps a decision without its audit event.
 */
export function sqlitePersistence(file: string): Persistence & { close(): void } {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // FULL: a write acknowledged to the client survives a power cut, not just a crash.
  db.pragma('synchronous = FULL');
  db.exec(`
    CREATE TABLE IF NOT EXISTS handoffs (id TEXT PRIMARY KEY, body TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE NOT NULL, handoff_id TEXT NOT NULL, body TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS idempotency (key TEXT PRIMARY KEY, body TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS users (id TEXT PRIMARY KEY, body TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, body TEXT NOT NULL);
  `);
  const putHandoff = db.prepare('INSERT OR REPLACE INTO handoffs (id, body) VALUES (?, ?)');
  const putEvent = db.prepare('INSERT INTO events (id, handoff_id, body) VALUES (?, ?, ?)');
  const putKey = db.prepare('INSERT OR REPLACE INTO idempotency (key, body) VALUES (?, ?)');
  const putUser = db.prepare('INSERT OR REPLACE INTO users (id, body) VALUES (?, ?)');
  const putSetting = db.prepare('INSERT OR REPLACE INTO settings (key, body) VALUES (?, ?)');

  const write = db.transaction((change: Change) => {
    for (const h of change.handoffs) putHandoff.run(h.id, JSON.stringify(h));
    for (const e of change.events) putEvent.run(e.id, e.handoffId, JSON.stringify(e));
    for (const [k, v] of change.idempotency) putKey.run(k, JSON.stringify(v));
    for (const [k, v] of change.settings) putSetting.run(k, JSON.stringify(v));
  });
  const replaceAll = db.transaction((s: Snapshot) => {
    db.exec(
      'DELETE FROM handoffs; DELETE FROM events; DELETE FROM idempotency; DELETE FROM users; DELETE FROM settings;',
    );
    for (const u of s.users) putUser.run(u.id, JSON.stringify(u));
    write(s);
  });

  const bodies = <T>(sql: string) =>
    (db.prepare(sql).all() as { body: string }[]).map((r) => JSON.parse(r.body) as T);

  return {
    async load() {
      const users = bodies<User>('SELECT body FROM users');
      if (users.length === 0) return null;
      const pairs = (sql: string) =>
        (db.prepare(sql).all() as { key: string; body: string }[]).map((r): [string, unknown] => [
          r.key,
          JSON.parse(r.body),
        ]);
      return {
        users,
        handoffs: bodies<Handoff>('SELECT body FROM handoffs'),
        events: bodies<AuditEvent>('SELECT body FROM events ORDER BY seq'),
        idempotency: pairs('SELECT key, body FROM idempotency') as [string, StoredReply][],
        settings: pairs('SELECT key, body FROM settings'),
      };
    },
    async commit(change) {
      write(change);
    },
    async replace(snapshot) {
      replaceAll(snapshot);
    },
    close() {
      db.close();
    },
  };
}
