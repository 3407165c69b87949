import type { Actor, AuditEvent, Handoff } from '../../src/api/handoff-schemas';
import type { LifecycleEvent } from '../../src/domain/lifecycle';
import type { ApiReply, ApiRequest, Route } from './http-types';
import type { Persistence } from './persistence';
import type { World } from './world';

export interface BackendOptions {
  persistence?: Persistence;
  clock?: () => number;
  seed?: number;
  count?: number;
  /** Largest accepted request body, in bytes. */
  maxBodyBytes?: number;
  /** Whether POST /demo/reset may restore the seed (demo mode and test servers only). */
  allowReset?: boolean;
  /** How long an idempotency key is remembered, in ms (24 h unless set). */
  idempotencyTtlMs?: number;
  /** At most this many idempotency records are kept; the oldest go first. */
  maxIdempotencyRecords?: number;
  /** Signs the cursors this backend issues; a random one per start unless given. */
  cursorSecret?: string;
  /**
   * Whether a request without a principal may name its actor in X-Actor-Id: true (the default)
   * for the in-browser demo and in-process tests; a server sets it only when started with
   * `--insecure-actor-header`.
   */
  trustActorHeader?: boolean;
  /** How long an agent's run lives without a heartbeat, in seconds (30 unless set). */
  leaseSeconds?: number;
}

export type AuditExtra = Partial<
  Pick<AuditEvent, 'why' | 'diff' | 'timeOnItemMs' | 'acknowledgedFlags' | 'batchId'>
>;

/**
 * What endpoint groups and system jobs may use of the backend. Everything here runs inside a
 * serialised write (for writes and jobs) or against a consistent world (for reads).
 */
export interface BackendServices {
  /** The current world; replaced on reset, so read it each time rather than keeping it. */
  readonly world: World;
  readonly options: BackendOptions;
  clock(): number;
  /** The clock as an ISO timestamp. */
  now(): string;
  /** Appends an audit event for `h` at its current version. */
  record(
    h: Handoff,
    actor: Actor,
    action: AuditEvent['action'],
    outcome: string,
    extra?: AuditExtra,
  ): AuditEvent;
  /** Applies a lifecycle event: the one place a status and version change. */
  move(h: Handoff, event: LifecycleEvent, patch?: Partial<Handoff>): Handoff;
  /** Restores the seeded world (serialised, committed and announced by the backend). */
  reset(): Promise<void>;
  /**
   * Resolves when a committed write touches item `id`, or after `ms`, whichever is first:
   * how a read waits for news (the outcome long-poll). ANY_ITEM waits for a write to any item.
   */
  waitForChange(id: string, ms: number): Promise<void>;
}

/** For `waitForChange`: a committed write to any item. */
export const ANY_ITEM = '*';

/** A group of endpoints, declared by a feature of the backend. */
export type RouteGroup = (s: BackendServices) => Route[];

/**
 * Work the backend does by itself on every tick (gate timeouts, SLA escalation, simulated
 * arrivals). It runs serialised like a write; whatever it changes is committed and announced
 * as done by the system. It must be idempotent over time: applying it twice at the same
 * clock changes nothing the second time.
 */
export type SystemJob = (s: BackendServices) => void;

/**
 * Looks at every request before the backend does; answering it (non-null) stops it there.
 * `random` is injectable so tests can decide the dice.
 */
export type RequestFilter = (
  s: BackendServices,
  req: ApiRequest,
  random?: () => number,
) => Promise<ApiReply | null>;

export const SYSTEM_ACTOR: Actor = { type: 'system', id: 'system', name: 'Handoff Desk' };
