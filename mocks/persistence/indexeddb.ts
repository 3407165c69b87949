import { clear, createStore, entries, setMany } from 'idb-keyval';
import type { AuditEvent, Handoff, User } from '../../src/api/schemas';
import type { Change, Persistence, Snapshot, StoredReply } from '../core/persistence';

/** Keeps the demo world in the browser's IndexedDB, one record per item, so reloads lose nothing. */
export function indexedDbPersistence(dbName = 'handoff-desk-demo'): Persistence {
  const store = createStore(dbName, 'world');
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
      const snapshot: Snapshot = {
        handoffs: [],
        events: [],
        users: [],
        idempotency: [],
        settings: [],
      };
      for (const [key, value] of all) {
        const [kind, ...rest] = key.split(':');
        const id = rest.join(':');
        if (kind === 'h') snapshot.handoffs.push(value as Handoff);
        else if (kind === 'e') snapshot.events.push(value as AuditEvent);
        else if (kind === 'i') snapshot.idempotency.push([id, value as StoredReply]);
        else if (kind === 's') snapshot.settings.push([id, value]);
        else if (kind === 'users') snapshot.users = value as User[];
      }
      // IndexedDB returns records in key order, which is event order (see rows()).
      return snapshot.users.length > 0 ? snapshot : null;
    },
    async commit(change) {
      await setMany(rows(change), store);
    },
    async replace(snapshot) {
      await clear(store);
      await setMany([['users', snapshot.users], ...rows(snapshot)], store);
    },
  };
}

/** A demo world exactly as IndexedDB holds it, every record by its key: what "Export" downloads. */
export interface DemoWorldExport {
  format: 'handoff-desk-demo-world';
  entries: [string, unknown][];
}

export async function exportIndexedDbWorld(dbName = 'handoff-desk-demo'): Promise<DemoWorldExport> {
  const all = await entries<string, unknown>(createStore(dbName, 'world'));
  return { format: 'handoff-desk-demo-world', entries: all };
}
