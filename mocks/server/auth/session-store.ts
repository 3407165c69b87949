import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';

/*
 * Server-side sessions. The browser holds a random token; the database holds only its hash,
 * so a copy of the database (a backup) signs no one in. A session ends when idle too long or
 * at its absolute expiry, whichever comes first, and on sign-out.
 */

export interface SessionTimes {
  /** A session unused this long ends. */
  idleMs: number;
  /** A session ends this long after sign-in, however busy. */
  absoluteMs: number;
}

export const DEFAULT_SESSION_TIMES: SessionTimes = {
  idleMs: 2 * 60 * 60 * 1000,
  absoluteMs: 12 * 60 * 60 * 1000,
};

/** How often a busy session's last use is written: not on every request. */
const TOUCH_EVERY_MS = 60_000;

interface SessionRow {
  token_hash: string;
  person_id: string;
  method: string;
  address: string | null;
  created_at: number;
  seen_at: number;
  expires_at: number;
}

export interface OpenSession {
  personId: string;
  method: string;
  expiresAt: number;
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');

export type SessionStore = ReturnType<typeof sessionStore>;

export function sessionStore(
  db: Database.Database,
  times: SessionTimes = DEFAULT_SESSION_TIMES,
  clock: () => number = Date.now,
) {
  const get = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE token_hash = ?');
  const drop = db.prepare('DELETE FROM sessions WHERE token_hash = ?');
  return {
    times,
    /** Starts a session and returns the token for the cookie. */
    create(personId: string, method: string, address: string | null) {
      const token = randomBytes(32).toString('base64url');
      const now = clock();
      const expiresAt = now + times.absoluteMs;
      db.prepare(
        `INSERT INTO sessions (token_hash, person_id, method, address, created_at, seen_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(hashOf(token), personId, method, address, now, now, expiresAt);
      return { token, expiresAt };
    },
    /**
     * The live session a token belongs to, its last use moved to now; null (and the row
     * gone) when it expired. `expired` says a session was there but timed out.
     */
    open(token: string): { session: OpenSession | null; expired: SessionRow | null } {
      const row = get.get(hashOf(token));
      if (!row) return { session: null, expired: null };
      const now = clock();
      if (now >= row.expires_at || now - row.seen_at >= times.idleMs) {
        drop.run(row.token_hash);
        return { session: null, expired: row };
      }
      if (now - row.seen_at >= TOUCH_EVERY_MS) {
        db.prepare('UPDATE sessions SET seen_at = ? WHERE token_hash = ?').run(now, row.token_hash);
      }
      return {
        session: { personId: row.person_id, method: row.method, expiresAt: row.expires_at },
        expired: null,
      };
    },
    /** Ends the token's session; returns whose it was. */
    destroy(token: string): string | null {
      const row = get.get(hashOf(token));
      if (!row) return null;
      drop.run(row.token_hash);
      return row.person_id;
    },
    /** Ends every session of the person (sign out everywhere, disabled, password reset). */
    destroyAll(personId: string): number {
      return db.prepare('DELETE FROM sessions WHERE person_id = ?').run(personId).changes;
    },
    /** Drops sessions past either expiry, so the table stays the size of the live ones. */
    sweep(): number {
      const now = clock();
      return db
        .prepare('DELETE FROM sessions WHERE expires_at <= ? OR seen_at <= ?')
        .run(now, now - times.idleMs).changes;
    },
  };
}
