import { z } from 'zod/mini';
import {
  auditEventSchema,
  type Handoff,
  handoffSchema,
  userSchema,
} from '../../src/api/handoff-schemas';
import { policyChangeSchema } from '../../src/api/policy-change-schemas';
import { actionsFromText } from '../../src/domain/actions';
import { AI_ACTOR, LEGACY_AI_ID } from '../../src/domain/actors';
import { defaultRulesTable } from '../../src/domain/default-policy';
import { GATE_WARNING_MS } from '../../src/domain/gates';
import { amountsOnItem } from '../../src/domain/text-guard';
import type { Snapshot } from '../core/persistence';
import { POLICY_CHANGES_KEY } from '../core/policy/store';
import { bodyDigest } from '../core/security/cursor-seal';
import { TEAM_CHANGES_KEY, teamHistorySchema } from '../core/teams/store';

/*
 * Stored worlds outlive the build that wrote them. Every store (the server's SQLite file, the
 * demo's IndexedDB world) records the storage version it holds, and a build brings what it
 * finds up to its own version through ordered migrations, each a small named function from
 * version N to N+1 over the stored records as plain JSON.
 *
 * Stores written before versions were recorded hold no version and read as version 0: that is
 * today's format or an earlier build's (a demo world saved before approval gates and the routing
 * policy lacks their fields). Migration 1 fills in what those earlier builds lacked and leaves
 * records already in today's shape as they are, so one path loads both.
 *
 * The audit log is the record of what people and the AI did: a migration may add fields with
 * defaults to events, never change, reorder or drop one (checked after every migration).
 */

export type StoredRecord = Record<string, unknown>;

/**
 * A stored world as plain JSON, before it is known to match today's schemas: the snapshot's
 * tables, each record a plain object and each keyed entry a name with any value.
 */
export type StoredWorld = {
  [K in keyof Snapshot]: Snapshot[K] extends [string, unknown][]
    ? [string, unknown][]
    : StoredRecord[];
};

export interface Migration {
  /** The version this migration produces; it reads version `to - 1`. */
  to: number;
  /** Says what it does, in the log and in a refusal. */
  name: string;
  /**
   * Changes the records in place (adding or removing none, so each is written back where it
   * was); throws when it cannot read them.
   */
  up(world: StoredWorld): void;
  /**
   * Tables and indexes this version adds to the server's database, run in the same
   * transaction as `up` (a fresh database gets every migration's at creation). The demo's
   * store has no tables and ignores it.
   */
  sql?: string;
}

/** Why a build refuses a stored world: what it found, what it reads, and what went wrong. */
export class StorageVersionError extends Error {
  override readonly name = 'StorageVersionError';
  constructor(
    message: string,
    readonly storedVersion: number,
    readonly buildVersion: number,
  ) {
    super(message);
  }
}

const isRecord = (value: unknown): value is StoredRecord =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function fillGate(handoff: StoredRecord) {
  const gate = handoff.gate;
  if (!isRecord(gate)) return;
  if (gate.warnAt === undefined) {
    const timeoutAt = Date.parse(String(gate.timeoutAt));
    if (Number.isNaN(timeoutAt)) throw new Error(`item ${handoff.id} has a gate without a timeout`);
    // As a new gate would: the warning starts a few minutes before the timeout, not before
    // the item existed.
    const created = Date.parse(String(handoff.createdAt));
    const warnAt = Math.max(Number.isNaN(created) ? 0 : created, timeoutAt - GATE_WARNING_MS);
    gate.warnAt = new Date(warnAt).toISOString();
  }
  // Gates of earlier builds were never applied by the system: they had no way to be.
  if (gate.applied === undefined) gate.applied = null;
}

const ruleResponses = new Map(defaultRulesTable.rules.map((r) => [r.id as string, r.response]));

function fillRuleFlags(handoff: StoredRecord) {
  const context = handoff.context;
  if (!isRecord(context) || !Array.isArray(context.flags)) return;
  for (const flag of context.flags) {
    if (!isRecord(flag)) continue;
    // Raised before rules had versions: by the first version of the default rules table.
    flag.ruleVersion ??= 1;
    flag.response ??= ruleResponses.get(String(flag.rule)) ?? 'flag_for_review';
  }
}

/** The amounts an earlier build's item states, or none when it cannot be read for them. */
function knownAmounts(handoff: StoredRecord): number[] {
  try {
    return amountsOnItem(handoff as unknown as Handoff);
  } catch {
    return [];
  }
}

export const migrations: readonly Migration[] = [
  {
    to: 1,
    name: 'gate-and-routing-fields',
    up(world) {
      for (const handoff of world.handoffs) {
        fillGate(handoff);
        fillRuleFlags(handoff);
        // Routed before the policy was versioned: by its first version, and not sampled.
        handoff.policyVersion ??= 1;
        handoff.sampledForReview ??= false;
      }
    },
  },
  {
    to: 2,
    name: 'idempotency-expiry',
    up(world) {
      // Records of earlier builds kept the whole request body and no time: they keep their
      // replay, count as made now (so they expire a full lifetime later), and keep a digest.
      const now = Date.now();
      for (const [, record] of world.idempotency) {
        if (!isRecord(record)) throw new Error('an idempotency record is not an object');
        if (typeof record.at !== 'number') record.at = now;
        const fingerprint = String(record.fingerprint ?? '');
        if (!fingerprint.startsWith('sha256:')) record.fingerprint = bodyDigest(fingerprint);
      }
    },
  },
  {
    to: 3,
    name: 'people-and-sessions',
    // The world's records are as they were; the server gains accounts, sessions and their
    // audit trail. Passwords are Argon2id hashes; a session row holds a hash of its token.
    up() {},
    sql: `
      CREATE TABLE IF NOT EXISTS people (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, level TEXT NOT NULL,
        password_hash TEXT, oidc_issuer TEXT, oidc_subject TEXT, email TEXT,
        disabled INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL, last_sign_in_at TEXT,
        UNIQUE (oidc_issuer, oidc_subject)
      );
      CREATE TABLE IF NOT EXISTS sessions (
        token_hash TEXT PRIMARY KEY, person_id TEXT NOT NULL, method TEXT NOT NULL,
        address TEXT, created_at INTEGER NOT NULL, seen_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS sessions_by_person ON sessions (person_id);
      CREATE TABLE IF NOT EXISTS sign_in_events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, person_id TEXT,
        action TEXT NOT NULL, method TEXT, address TEXT, by_id TEXT, by_name TEXT, detail TEXT
      );
      CREATE INDEX IF NOT EXISTS sign_in_events_by_person ON sign_in_events (person_id, seq);
    `,
  },
  {
    to: 4,
    name: 'proposed-actions',
    // Drafts carry what they propose to do as data. Drafts written before read their actions
    // from their own text, as the AI that wrote them would have proposed them.
    up(world) {
      for (const handoff of world.handoffs) {
        if (!Array.isArray(handoff.drafts)) continue;
        const known = knownAmounts(handoff);
        for (const draft of handoff.drafts) {
          if (isRecord(draft) && !Array.isArray(draft.actions)) {
            draft.actions = actionsFromText(String(draft.text ?? ''), known);
          }
        }
      }
    },
  },
  {
    to: 5,
    name: 'webhooks',
    // The world's records are as they were; the server gains webhook endpoints, their
    // deliveries (pending ones survive a restart) and how far into the audit log it has read.
    up() {},
    sql: `
      CREATE TABLE IF NOT EXISTS webhook_endpoints (
        id TEXT PRIMARY KEY, url TEXT NOT NULL, events TEXT NOT NULL, secret TEXT NOT NULL,
        previous_secret TEXT, previous_valid_until INTEGER, owner_id TEXT NOT NULL,
        owner_name TEXT NOT NULL, owner_kind TEXT NOT NULL, created_at INTEGER NOT NULL,
        disabled_at INTEGER, disabled_reason TEXT
      );
      CREATE TABLE IF NOT EXISTS webhook_deliveries (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE NOT NULL,
        endpoint_id TEXT NOT NULL, type TEXT NOT NULL, subject TEXT, body TEXT NOT NULL,
        status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL,
        next_attempt_at INTEGER, last_attempt_at INTEGER, delivered_at INTEGER,
        last_status INTEGER, last_response TEXT
      );
      CREATE INDEX IF NOT EXISTS webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
      CREATE INDEX IF NOT EXISTS webhook_deliveries_by_endpoint ON webhook_deliveries (endpoint_id, seq);
      CREATE TABLE IF NOT EXISTS webhook_cursor (
        name TEXT PRIMARY KEY, seq INTEGER NOT NULL
      );
    `,
  },
  {
    to: 6,
    name: 'teams',
    // Items carry the team they were sent to. Items stored before teams existed were routed
    // to a level only: they belong to no team until a person re-routes them.
    up(world) {
      for (const handoff of world.handoffs) handoff.team ??= null;
    },
  },
  {
    to: 7,
    name: 'built-in-ai-is-an-agent',
    // The built-in AI answers redirects as an agent, over the agent API, for the drafts it
    // wrote. Drafts stored before carry its old identity: they now name the agent, so their
    // redirects are its to answer. The audit trail keeps the actor each event was recorded with.
    up(world) {
      for (const handoff of world.handoffs) {
        if (!Array.isArray(handoff.drafts)) continue;
        for (const draft of handoff.drafts) {
          if (isRecord(draft) && isRecord(draft.author) && draft.author.id === LEGACY_AI_ID) {
            draft.author = { ...AI_ACTOR };
          }
        }
      }
    },
  },
  {
    to: 8,
    name: 'settings-and-people-have-versions',
    // Every write checks the version it was made on. The post-hoc review settings and each
    // person (their role, level and access) were stored without one: what was stored is
    // their first version.
    up(world) {
      for (const entry of world.settings) {
        if (entry[0] !== 'post-hoc-settings') continue;
        const value = entry[1];
        if (isRecord(value) && value.version === undefined) entry[1] = { ...value, version: 1 };
      }
    },
    sql: `ALTER TABLE people ADD COLUMN version INTEGER NOT NULL DEFAULT 1;`,
  },
  {
    to: 9,
    name: 'team-on-events',
    // Events carry the team that held the item when they happened, so a re-routed item's
    // earlier decisions count for the team that made them. Events stored before have no such
    // record and the trail cannot say it reliably (a re-route names its teams only in words):
    // they are given the item's team as stored now, the same fallback the dashboard applies
    // to an event without one. Nothing already on an event changes.
    up(world) {
      const teams = new Map<unknown, unknown>();
      for (const handoff of world.handoffs) {
        const team = isRecord(handoff.team) ? handoff.team : null;
        teams.set(handoff.id, team ? { teamId: team.teamId, teamName: team.teamName } : null);
      }
      for (const event of world.events) {
        if (!('team' in event)) event.team = teams.get(event.handoffId) ?? null;
      }
    },
  },
  {
    to: 10,
    name: 'schema-checks',
    // The world's records are as they were; the server's database gains a note of the schemas
    // its records were last checked against (see `describeRecordSchemas`), so a start by a
    // build that reads with the same ones need not check 100,000 items again.
    up() {},
    sql: `
      CREATE TABLE IF NOT EXISTS storage_checks (name TEXT PRIMARY KEY, value TEXT NOT NULL);
    `,
  },
];

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => equal(x, b[i]));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => equal(a[k], b[k]));
  }
  return false;
}

/** Throws unless every event before is still there, in order, with every field it had. */
export function assertAuditKept(before: StoredRecord[], after: StoredRecord[]): void {
  if (after.length !== before.length) {
    throw new Error(`the audit log went from ${before.length} events to ${after.length}`);
  }
  before.forEach((event, i) => {
    const now = after[i];
    if (!now || now.id !== event.id) throw new Error(`audit event ${event.id} moved or vanished`);
    for (const [key, value] of Object.entries(event)) {
      if (!equal(value, now[key]))
        throw new Error(`audit event ${event.id} had its ${key} changed`);
    }
  });
}

export interface MigrationRun {
  to: number;
  name: string;
  ms: number;
}

export interface MigrateOptions {
  /** Names the store in messages: a file path or the demo world. */
  where: string;
  migrations?: readonly Migration[];
  /** Hears each migration as it finishes. */
  onMigrated?: (run: MigrationRun) => void;
}

const buildVersionOf = (list: readonly Migration[]) => list.at(-1)?.to ?? 0;

/** The storage version this build writes and reads. */
export const STORAGE_VERSION = buildVersionOf(migrations);

/** Refuses a store newer than this build before anything reads or writes it. */
export function assertReadableVersion(
  stored: number,
  where: string,
  list: readonly Migration[] = migrations,
) {
  const build = buildVersionOf(list);
  if (stored > build) {
    throw new StorageVersionError(
      `${where} is at storage version ${stored}, but this build reads versions up to ${build}. ` +
        `Run a build that knows version ${stored}, or restore a backup made at version ${build} or ` +
        'earlier. Nothing was changed.',
      stored,
      build,
    );
  }
}

/**
 * Brings a stored world from version `from` up to this build's, in place, and checks it reads
 * with today's schemas. Throws a StorageVersionError naming both versions when it cannot; the
 * caller then writes nothing, so the store is never half-migrated.
 */
export function migrateWorld(world: StoredWorld, from: number, options: MigrateOptions): Snapshot {
  const list = options.migrations ?? migrations;
  assertReadableVersion(from, options.where, list);
  const refuse = (why: string) => refusal(options.where, from, why, list);
  for (const migration of list) {
    if (migration.to <= from) continue;
    const events = structuredClone(world.events);
    const started = performance.now();
    try {
      migration.up(world);
      assertAuditKept(events, world.events);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw refuse(`migration ${migration.to} (${migration.name}) could not read it: ${message}`);
    }
    options.onMigrated?.({ ...migration, ms: performance.now() - started });
  }
  const problem = unreadable(world);
  if (problem) throw refuse(`it holds records this build cannot read: ${problem}`);
  return world as unknown as Snapshot;
}

/** Why a build refuses a stored world at version `from` that it could not bring up or read. */
export const refusal = (
  where: string,
  from: number,
  why: string,
  list: readonly Migration[] = migrations,
) =>
  new StorageVersionError(
    `${where} is at storage version ${from} and this build reads version ${buildVersionOf(list)}, ` +
      `but ${why}. Nothing was changed.`,
    from,
    buildVersionOf(list),
  );

const historySchema = z.array(policyChangeSchema);

const recordSchemas = {
  item: handoffSchema,
  'audit event': auditEventSchema,
  user: userSchema,
} satisfies Record<string, z.ZodMiniType>;

/** The kinds of record a stored world holds one by one. */
export type RecordKind = keyof typeof recordSchemas;

/**
 * Today's record schemas as one text (their JSON Schema), naming what this build reads. Every
 * record a build writes is made to its schemas, so records stored by builds that all read with
 * the same schemas (at the same storage version) are known to read; a build whose schemas
 * differ, even by an optional field, checks every record again before it trusts the store.
 */
export function describeRecordSchemas(): string {
  const described = Object.entries({
    ...recordSchemas,
    'routing policy history': historySchema,
    'team history': teamHistorySchema,
  }).map(([kind, schema]) => [kind, z.toJSONSchema(schema, { unrepresentable: 'any' })]);
  return JSON.stringify(described);
}

/** What today's schema rejects in one stored record, in words, or null when it reads. */
export function unreadableRecord(kind: RecordKind, record: unknown): string | null {
  const parsed = recordSchemas[kind].safeParse(record);
  if (parsed.success) return null;
  const id = isRecord(record) ? String(record.id) : '?';
  const issue = parsed.error.issues[0];
  return `${kind} ${id}: ${issue?.path.join('.') || 'the record'}: ${issue?.message}`;
}

/** What today's schemas reject among the stored settings (the histories), or null. */
export function unreadableSettings(settings: readonly [string, unknown][]): string | null {
  const history = settings.find(([key]) => key === POLICY_CHANGES_KEY)?.[1];
  const teams = settings.find(([key]) => key === TEAM_CHANGES_KEY)?.[1];
  if (history !== undefined && !historySchema.safeParse(history).success) {
    return 'the routing policy history';
  }
  if (teams !== undefined && !teamHistorySchema.safeParse(teams).success) return 'the team history';
  return null;
}

/** The first record today's schemas reject, in words, or null when all of them read. */
function unreadable(world: StoredWorld): string | null {
  const first = (kind: RecordKind, records: unknown[]) => {
    for (const record of records) {
      const problem = unreadableRecord(kind, record);
      if (problem) return problem;
    }
    return null;
  };
  return (
    first('item', world.handoffs) ??
    first('audit event', world.events) ??
    first('user', world.users) ??
    unreadableSettings(world.settings)
  );
}
