import { clear, createStore, delMany, entries, setMany } from 'idb-keyval';
import { type Change, type Persistence, snapshotChange } from '../core/persistence';
import {
  assertReadableVersion,
  migrations as buildMigrations,
  type Migration,
  migrateWorld,
  type StoredRecord,
  type StoredWorld,
} from './migrations';

export const DEMO_DB_NAME = 'handoff-desk-demo';
/** The record that holds the world's storage version; worlds saved before it have none. */
const VERSION_KEY = 'version';
const WHERE = 'The demo world saved in this browser';

export interface IndexedDbOptions {
  /** The migrations to run; this build's unless a test supplies others. */
  migrations?: readonly Migration[];
  /** Hears each migration that ran, by name. */
  log?: (line: string) => void;
}

const worldStore = (dbName: string) => createStore(dbName, 'world');

/**
 * Keeps the demo world in the browser's IndexedDB, one record per item, so reloads lose
 * nothing. Loading migrates a world saved by an earlier build before the backend reads it,
 * and writes back only what changed, with the new version, in one IndexedDB transaction.
 */
export function indexedDbPersistence(
  dbName = DEMO_DB_NAME,
  options: IndexedDbOptions = {},
): Persistence {
  const list = options.migrations ?? buildMigrations;
  const buildVersion = list.at(-1)?.to ?? 0;
  const store = worldStore(dbName);
  const rows = (change: Change): [IDBValidKey, unknown][] => [
    ...change.handoffs.map((h): [string, unknown] => [`h:${h.id}`, h]),
    // Keyed so that key order is event order, even for events written in the same millisecond.
    ...change.events.map((e): [string, unknown] => [
      `e:${e.at}|${String(e.version).padStart(8, '0')}|${e.id}`,
      e,
    ]),
    ...change.idempotency.map(([k, v]): [string, unknown] => [`i:${k}`, v]),
    ...change.settings.map(([k, v]): [string, unknown] => [`s:${k}`, v]),
  ];
  return {
    async load() {
      const all = await entries<string, unknown>(store);
      if (all.length === 0) return null;
      const stored = all.find(([key]) => key === VERSION_KEY)?.[1];
      const from = typeof stored === 'number' ? stored : 0;
      assertReadableVersion(from, WHERE, list);
      const world: StoredWorld = {
        handoffs: [],
        events: [],
        users: [],
        idempotency: [],
        settings: [],
      };
      // Each record's key and the value it held, to write back only what a migration changed.
      const records: { key: string; json: string; read: () => unknown }[] = [];
      const keep = (key: string, value: unknown, read: () => unknown) =>
        records.push({ key, json: JSON.stringify(value), read });
      for (const [key, value] of all) {
        const [kind, ...rest] = key.split(':');
        const id = rest.join(':');
        if (kind === 'h' || kind === 'e') {
          const into = kind === 'h' ? world.handoffs : world.events;
          const at = into.push(value as StoredRecord) - 1;
          keep(key, value, () => into[at]);
        } else if (kind === 'i' || kind === 's') {
          const into = kind === 'i' ? world.idempotency : world.settings;
          const at = into.push([id, value]) - 1;
          keep(key, value, () => into[at]?.[1]);
        } else if (kind === 'users') {
          world.users = value as StoredRecord[];
          keep(key, value, () => world.users);
        }
      }
      // IndexedDB returns records in key order, which is event order (see rows()).
      const snapshot = migrateWorld(world, from, {
        where: WHERE,
        migrations: list,
        onMigrated: (run) => options.log?.(`Migrated to storage version ${run.to}: ${run.name}`),
      });
      if (from < buildVersion) {
        const changed = records.filter((r) => JSON.stringify(r.read()) !== r.json);
        await setMany(
          [
            [VERSION_KEY, buildVersion],
            ...changed.map((r): [string, unknown] => [r.key, r.read()]),
          ],
          store,
        );
      }
      return snapshot.users.length > 0 ? snapshot : null;
    },
    async commit(change, alongside) {
      // The browser keeps nothing beside the world.
      alongside?.();
      await setMany(rows(change), store);
      const forgotten = change.forgotten ?? [];
      if (forgotten.length > 0)
        await delMany(
          forgotten.map((k) => `i:${k}`),
          store,
        );
    },
    async replace(snapshot) {
      await clear(store);
      await setMany(
        [[VERSION_KEY, buildVersion], ['users', snapshot.users], ...rows(snapshotChange(snapshot))],
        store,
      );
    },
  };
}

/** A demo world exactly as IndexedDB holds it, every record by its key: what "Export" downloads. */
export interface DemoWorldExport {
  format: 'handoff-desk-demo-world';
  entries: [string, unknown][];
}

export async function exportIndexedDbWorld(dbName = DEMO_DB_NAME): Promise<DemoWorldExport> {
  const all = await entries<string, unknown>(worldStore(dbName));
  return { format: 'handoff-desk-demo-world', entries: all };
}

/** Puts an exported world back as it was exported (for tests and for a world to inspect). */
export async function importIndexedDbWorld(
  world: DemoWorldExport,
  dbName = DEMO_DB_NAME,
): Promise<void> {
  const store = worldStore(dbName);
  await clear(store);
  await setMany(world.entries, store);
}

/** Drops the saved world, so the next start seeds a fresh one. */
export async function clearIndexedDbWorld(dbName = DEMO_DB_NAME): Promise<void> {
  await clear(worldStore(dbName));
}
