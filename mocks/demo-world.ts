import { Backend } from './core/backend';
import {
  clearIndexedDbWorld,
  DEMO_DB_NAME,
  exportIndexedDbWorld,
  indexedDbPersistence,
} from './persistence/indexeddb';
import { StorageVersionError } from './persistence/migrations';

/** A saved world this build cannot read, with what the evaluator can do about it. */
export interface UnreadableWorld {
  /** Why, naming the world's version and the build's. */
  message: string;
  /** The saved world exactly as stored, as JSON text to download. */
  exportWorld: () => Promise<string>;
  /** Drops the saved world, so the next start seeds a fresh one. */
  reset: () => Promise<void>;
}

/**
 * The demo's backend over the world saved in this browser, migrated first when an earlier
 * build saved it; or, when it cannot be read, the world left as it is with a way to export it
 * and a way to start over. `count` sizes a world seeded afresh; a saved one keeps its own.
 */
export async function openDemoWorld(
  dbName = DEMO_DB_NAME,
  count?: number,
): Promise<{ backend: Backend } | { unreadable: UnreadableWorld }> {
  try {
    return { backend: await Backend.create({ persistence: indexedDbPersistence(dbName), count }) };
  } catch (error) {
    if (!(error instanceof StorageVersionError)) throw error;
    return {
      unreadable: {
        message: error.message,
        exportWorld: async () => JSON.stringify(await exportIndexedDbWorld(dbName), null, 2),
        reset: () => clearIndexedDbWorld(dbName),
      },
    };
  }
}
