import type Database from 'better-sqlite3';
import type { Level, Role, User } from '../../../src/api/handoff-schemas';
import type {
  Person,
  PersonPatch,
  SignInAction,
  SignInEvent,
} from '../../../src/api/session-schemas';

/*
 * The people who may sign in to a server, and the audit trail of every sign-in and every
 * change to them, in the server's database (tables from storage migration 3).
 */

interface PersonRow {
  id: string;
  name: string;
  role: Role;
  level: Exclude<Level, 'ai'>;
  password_hash: string | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  email: string | null;
  disabled: number;
  created_at: string;
  last_sign_in_at: string | null;
  /** From storage migration 8: goes up with each change to role, level or access. */
  version: number;
}

interface EventRow {
  seq: number;
  at: string;
  person_id: string | null;
  action: SignInAction;
  method: SignInEvent['method'];
  address: string | null;
  by_id: string | null;
  by_name: string | null;
  detail: string | null;
}

/** An account as the sign-in code needs it: the person, and what they sign in with. */
export interface Account {
  user: User;
  passwordHash: string | null;
  disabled: boolean;
}

export interface NewPerson extends User {
  passwordHash?: string | null;
  email?: string | null;
  disabled?: boolean;
  oidc?: { issuer: string; subject: string } | null;
}

export type AuditInput = Omit<SignInEvent, 'id' | 'at'>;

const userOf = (row: PersonRow): User => ({
  id: row.id,
  name: row.name,
  role: row.role,
  level: row.level,
});

function personOf(row: PersonRow): Person {
  const password = row.password_hash !== null;
  const oidc = row.oidc_subject !== null;
  return {
    ...userOf(row),
    disabled: row.disabled === 1,
    signIn: password && oidc ? 'both' : password ? 'password' : oidc ? 'oidc' : 'none',
    email: row.email,
    lastSignInAt: row.last_sign_in_at,
    createdAt: row.created_at,
    version: row.version,
  };
}

const eventOf = (row: EventRow): SignInEvent => ({
  id: row.seq,
  at: row.at,
  personId: row.person_id,
  action: row.action,
  method: row.method,
  address: row.address,
  by: row.by_id ? { id: row.by_id, name: row.by_name ?? row.by_id } : null,
  detail: row.detail,
});

export type PeopleStore = ReturnType<typeof peopleStore>;

export function peopleStore(db: Database.Database, clock: () => number = Date.now) {
  const now = () => new Date(clock()).toISOString();
  const byId = db.prepare<[string], PersonRow>('SELECT * FROM people WHERE id = ?');
  const bySubject = db.prepare<[string, string], PersonRow>(
    'SELECT * FROM people WHERE oidc_issuer = ? AND oidc_subject = ?',
  );
  const byEmail = db.prepare<[string], PersonRow>(
    'SELECT * FROM people WHERE lower(email) = lower(?) AND oidc_subject IS NULL',
  );
  const anyByEmail = db.prepare<[string], PersonRow>(
    'SELECT * FROM people WHERE lower(email) = lower(?)',
  );
  const all = db.prepare<[], PersonRow>('SELECT * FROM people ORDER BY name, id');
  const insert = db.prepare(
    `INSERT INTO people (id, name, role, level, password_hash, oidc_issuer, oidc_subject, email,
       disabled, created_at) VALUES (@id, @name, @role, @level, @passwordHash, @issuer, @subject,
       @email, @disabled, @createdAt)`,
  );
  const putEvent = db.prepare(
    `INSERT INTO sign_in_events (at, person_id, action, method, address, by_id, by_name, detail)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const eventsOf = db.prepare<[string, number], EventRow>(
    'SELECT * FROM sign_in_events WHERE person_id = ? ORDER BY seq DESC LIMIT ?',
  );

  function audit(event: AuditInput): void {
    putEvent.run(
      now(),
      event.personId,
      event.action,
      event.method,
      event.address,
      event.by?.id ?? null,
      event.by?.name ?? null,
      event.detail,
    );
  }

  const accountOf = (row: PersonRow | undefined): Account | null =>
    row
      ? { user: userOf(row), passwordHash: row.password_hash, disabled: row.disabled === 1 }
      : null;

  return {
    audit,
    account: (id: string) => accountOf(byId.get(id)),
    person: (id: string) => {
      const row = byId.get(id);
      return row ? personOf(row) : null;
    },
    list: (): Person[] => all.all().map(personOf),
    /** Active people as the world knows them, for a server that starts with accounts. */
    users: (): User[] =>
      all
        .all()
        .filter((r) => r.disabled === 0)
        .map(userOf),
    bySubject: (issuer: string, subject: string) => {
      const row = bySubject.get(issuer, subject);
      return row ? { ...accountOf(row)!, person: personOf(row) } : null;
    },
    /** A person added by an admin with this email, not yet linked to the identity provider. */
    unlinkedByEmail: (email: string) => accountOf(byEmail.get(email)),
    /** Whoever has this email, linked or not: one email names one person. */
    byEmail: (email: string) => accountOf(anyByEmail.get(email)),
    linkSubject: (id: string, issuer: string, subject: string) => {
      db.prepare('UPDATE people SET oidc_issuer = ?, oidc_subject = ? WHERE id = ?').run(
        issuer,
        subject,
        id,
      );
    },
    add(person: NewPerson, by: AuditInput['by'], method: AuditInput['method']): Person {
      db.transaction(() => {
        insert.run({
          id: person.id,
          name: person.name,
          role: person.role,
          level: person.level,
          passwordHash: person.passwordHash ?? null,
          issuer: person.oidc?.issuer ?? null,
          subject: person.oidc?.subject ?? null,
          email: person.email ?? null,
          disabled: person.disabled ? 1 : 0,
          createdAt: now(),
        });
        audit({
          personId: person.id,
          action: person.disabled ? 'access_requested' : 'person_added',
          method,
          address: null,
          by,
          detail: `${person.role}, ${person.level}`,
        });
      })();
      return personOf(byId.get(person.id)!);
    },
    /**
     * Applies a change and audits each part of it, as the person's next version when anything
     * changed; null when there is no such person. The caller checks the version it was made on.
     */
    update(
      id: string,
      patch: Omit<PersonPatch, 'version'>,
      by: AuditInput['by'],
      method: AuditInput['method'],
    ) {
      const before = byId.get(id);
      if (!before) return null;
      db.transaction(() => {
        let changed = false;
        const role = patch.role ?? before.role;
        const level = patch.level ?? before.level;
        if (role !== before.role || level !== before.level) {
          db.prepare('UPDATE people SET role = ?, level = ? WHERE id = ?').run(role, level, id);
          changed = true;
          audit({
            personId: id,
            action: 'role_changed',
            method,
            address: null,
            by,
            detail: `${before.role}, ${before.level} → ${role}, ${level}`,
          });
        }
        if (patch.disabled !== undefined && patch.disabled !== (before.disabled === 1)) {
          db.prepare('UPDATE people SET disabled = ? WHERE id = ?').run(patch.disabled ? 1 : 0, id);
          changed = true;
          audit({
            personId: id,
            action: patch.disabled ? 'disabled' : 'enabled',
            method,
            address: null,
            by,
            detail: null,
          });
        }
        if (changed) db.prepare('UPDATE people SET version = version + 1 WHERE id = ?').run(id);
      })();
      return personOf(byId.get(id)!);
    },
    setPassword(id: string, hash: string, by: AuditInput['by'], method: AuditInput['method']) {
      const changed = db.prepare('UPDATE people SET password_hash = ? WHERE id = ?').run(hash, id);
      if (changed.changes === 0) return false;
      audit({ personId: id, action: 'password_reset', method, address: null, by, detail: null });
      return true;
    },
    signedIn(id: string) {
      db.prepare('UPDATE people SET last_sign_in_at = ? WHERE id = ?').run(now(), id);
    },
    events: (id: string, limit = 100): SignInEvent[] => eventsOf.all(id, limit).map(eventOf),
  };
}
