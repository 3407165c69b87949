import { JsonTexts } from './json-text';
import type { Change, StoredReply } from './persistence';

/*
 * Group commit: the writes applied in one turn of the event loop are stored in one transaction,
 * and each is answered only once that transaction is durable. A store pays mostly per
 * transaction (its journal, its pages), so eight reviewers deciding at once cost about one
 * commit, not eight. The backend still applies writes one at a time, in order; only the
 * storing is shared. When the commit fails, every write in the group fails with it, and the
 * backend returns its world to what is stored.
 */

interface Member {
  change: Change;
  alongside?: () => void;
  /** Announces the member's change once it is stored (change streams, waiters), with the commit's JSON texts. */
  announce: (texts: JsonTexts) => void;
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface Group {
  members: Member[];
  /** The idempotency scopes its members remembered: a replay of one waits for the commit. */
  scopes: Set<string>;
  /** Resolves once the group is stored or has failed; never rejects. */
  settled: Promise<void>;
  done: () => void;
}

export interface CommitGroupOptions {
  /** Stores one change (with what is written beside it) in one transaction. */
  commit: (change: Change, alongside: (() => void) | undefined, texts: JsonTexts) => Promise<void>;
  /** Runs `flush` once the writes of this turn have been applied (after them, in order). */
  schedule: (flush: () => Promise<void>) => void;
}

export class CommitGroups {
  private open: Group | null = null;
  private readonly committed: (() => void)[] = [];

  constructor(private readonly options: CommitGroupOptions) {}

  /**
   * Adds an applied write to the open group (opening one, and scheduling its commit, if there
   * is none). Resolves once the write is stored and announced; rejects when the commit failed.
   */
  join(
    change: Change,
    announce: (texts: JsonTexts) => void,
    alongside?: () => void,
    scope?: string,
  ): Promise<void> {
    let group = this.open;
    if (!group) {
      let done = () => {};
      const settled = new Promise<void>((resolve) => {
        done = resolve;
      });
      group = { members: [], scopes: new Set(), settled, done };
      this.open = group;
      this.options.schedule(() => this.flush());
    }
    if (scope) group.scopes.add(scope);
    return new Promise<void>((resolve, reject) => {
      group.members.push({ change, alongside, announce, resolve, reject });
    });
  }

  /** Whether a write remembered under `scope` is applied but not yet stored. */
  holds(scope: string): boolean {
    return this.open?.scopes.has(scope) ?? false;
  }

  /** Whether writes are applied that are not stored yet (their group is open or committing). */
  get pending(): boolean {
    return this.open !== null;
  }

  /**
   * Resolves once the open group is stored or has failed (at once when there is none). Another
   * group may open before the caller runs on: check `pending` again, synchronously.
   */
  settled(): Promise<void> {
    return this.open?.settled ?? Promise.resolve();
  }

  /**
   * Runs `fn` at a moment the world holds only stored writes: now when no group is open,
   * otherwise right after the open group is stored (or has failed), before any other write.
   */
  whenCommitted(fn: () => void): void {
    if (this.open) this.committed.push(fn);
    else fn();
  }

  /** Stores the open group, then answers its members in the order they were applied. */
  async flush(): Promise<void> {
    const group = this.open;
    if (!group) return;
    let failure: { error: unknown } | null = null;
    const texts = new JsonTexts();
    try {
      const { members } = group;
      const alongside = members.flatMap((m) => (m.alongside ? [m.alongside] : []));
      await this.options.commit(
        mergeChanges(members.map((m) => m.change)),
        alongside.length > 0
          ? () => {
              for (const write of alongside) write();
            }
          : undefined,
        texts,
      );
    } catch (error) {
      failure = { error };
    }
    this.open = null;
    if (!failure) {
      for (const m of group.members) {
        try {
          m.announce(texts);
        } catch {
          // A broken listener must not fail writes that are stored.
        }
      }
    }
    for (const fn of this.committed.splice(0)) {
      try {
        fn();
      } catch (error) {
        console.error('A reader after a commit failed', error);
      }
    }
    for (const m of group.members) {
      if (failure) m.reject(failure.error);
      else m.resolve();
    }
    group.done();
  }
}

/**
 * One change holding several, as if they had been stored one after another: an item or a
 * setting written twice is stored as its last write, and an idempotency record follows its
 * last remember or forget.
 */
export function mergeChanges(changes: readonly Change[]): Change {
  if (changes.length === 1) return changes[0]!;
  const handoffs = new Map<string, Change['handoffs'][number]>();
  const settings = new Map<string, unknown>();
  const remembered = new Map<string, StoredReply>();
  const forgotten = new Set<string>();
  const events: Change['events'] = [];
  for (const change of changes) {
    for (const h of change.handoffs) {
      handoffs.delete(h.id);
      handoffs.set(h.id, h);
    }
    events.push(...change.events);
    // Within one change, as a store applies it: its records first, then what it forgets.
    for (const [key, reply] of change.idempotency) {
      forgotten.delete(key);
      remembered.delete(key);
      remembered.set(key, reply);
    }
    for (const key of change.forgotten ?? []) {
      remembered.delete(key);
      forgotten.add(key);
    }
    for (const [key, value] of change.settings) {
      settings.delete(key);
      settings.set(key, value);
    }
  }
  return {
    handoffs: [...handoffs.values()],
    events,
    idempotency: [...remembered],
    forgotten: [...forgotten],
    settings: [...settings],
  };
}
