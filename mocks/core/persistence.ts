import type { AuditEvent, Handoff, User } from '../../src/api/handoff-schemas';
import type { JsonTexts } from './json-text';

/*
 * Where the backend keeps its world. The core holds everything in memory and hands each
 * committed write to a Persistence before it answers, so an acknowledged write is durable.
 */

/**
 * What an idempotency key remembers: only what a replay needs. The request body is kept as a
 * digest, and `at` (epoch ms) lets the record expire.
 */
export interface StoredReply {
  fingerprint: string;
  status: number;
  body: unknown;
  at: number;
}

/**
 * What the world holds of an idempotency record: all of it, or everything but the answer's
 * body when its store can read the body back (`Persistence.storedReply`). A replay is rare,
 * while 100,000 remembered answers, each a whole item, would be most of the server's memory.
 */
export type ReplyNote = Omit<StoredReply, 'body'> & { body?: unknown };

export interface Snapshot {
  handoffs: Handoff[];
  events: AuditEvent[];
  users: User[];
  idempotency: [string, ReplyNote][];
  /** Named documents that are not items: the routing policy and its history, demo settings. */
  settings: [string, unknown][];
}

export interface Change {
  handoffs: Handoff[];
  events: AuditEvent[];
  idempotency: [string, StoredReply][];
  /** Idempotency keys that expired and are to be deleted. */
  forgotten?: string[];
  /** Settings replaced by this write, each stored whole. */
  settings: [string, unknown][];
}

export interface Persistence {
  /**
   * A commit costs mostly per transaction (its journal write, its pages), not per row: the
   * backend then stores the writes that arrive in one turn of the event loop in one commit.
   */
  readonly groupCommit?: boolean;
  load(): Promise<Snapshot | null>;
  /**
   * Stores one write; resolves once it is durable. `alongside` writes what the same store holds
   * beside the world (the server's webhook tables), in the same transaction where it has them.
   * A store that keeps JSON text takes it from `texts`, which the reply then shares.
   */
  commit(change: Change, alongside?: () => void, texts?: JsonTexts): Promise<void>;
  /** Replaces everything, e.g. on reset. */
  replace(snapshot: Snapshot): Promise<void>;
  /**
   * One committed idempotency record as stored, for a store that keeps them where it can read
   * one back at once (the server's database): its `load` may then give notes without bodies,
   * and the world keeps no bodies in memory. Stores without it hand every record whole.
   */
  storedReply?(key: string): StoredReply | undefined;
}

/** Keeps nothing: for tests and a throwaway in-process backend. */
export const memoryPersistence = (): Persistence => ({
  load: async () => null,
  commit: async (_change, alongside) => alongside?.(),
  replace: async () => {},
});

/**
 * A snapshot as a change to write whole (a reset, a fresh store). A note without its body
 * cannot be replayed from what it holds, so only whole records are written.
 */
export const snapshotChange = (snapshot: Snapshot): Change => ({
  ...snapshot,
  idempotency: snapshot.idempotency.filter(
    (entry): entry is [string, StoredReply] => 'body' in entry[1],
  ),
});
