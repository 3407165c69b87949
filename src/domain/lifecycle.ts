import type { HandoffStatus } from '../api/handoff-schemas';

/*
 * The handoff lifecycle as an explicit state machine. Every status change in the backend goes
 * through `transition`, so an illegal move is refused in one place.
 */

export type LifecycleEvent =
  | 'claim'
  | 'release'
  | 'approve'
  | 'reject'
  | 'escalate'
  | 'redirect'
  | 'ai_revised'
  | 'ai_finished'
  | 'ai_failed'
  | 'auto_approve'
  | 'expire'
  /** A person stops the AI mid-task; the item waits for a person. */
  | 'pause'
  /** A person takes an item from the AI (working or failed) and holds it. */
  | 'take_over'
  /** The AI tries a failed task again. */
  | 'retry'
  /** A failed item moves to another level, still failed, for that level to pick up. */
  | 'reassign'
  /** An open item moves to another team; whoever held it lets go, and the new team takes it up. */
  | 'reroute';

type Moves = Partial<Record<LifecycleEvent, HandoffStatus>>;

/** An item waiting for a person, at whatever level: anyone with authority may take or decide it. */
const awaitingPerson: Moves = {
  claim: 'claimed',
  approve: 'approved',
  reject: 'rejected',
  escalate: 'escalated',
  redirect: 'redirected',
  expire: 'expired',
  reroute: 'pending',
};

const table: Record<HandoffStatus, Moves> = {
  ai_working: {
    ai_finished: 'pending',
    ai_failed: 'failed',
    auto_approve: 'auto_approved',
    pause: 'pending',
    take_over: 'claimed',
  },
  pending: awaitingPerson,
  escalated: { ...awaitingPerson, reroute: 'escalated' },
  failed: {
    claim: 'claimed',
    reject: 'rejected',
    escalate: 'escalated',
    redirect: 'redirected',
    take_over: 'claimed',
    retry: 'ai_working',
    reassign: 'failed',
    reroute: 'failed',
  },
  claimed: {
    release: 'pending',
    reroute: 'pending',
    approve: 'approved',
    reject: 'rejected',
    escalate: 'escalated',
    redirect: 'redirected',
    expire: 'expired',
  },
  redirected: { ai_revised: 'claimed', ai_failed: 'failed' },
  approved: {},
  rejected: {},
  auto_approved: {},
  expired: {},
};

export function nextStatus(from: HandoffStatus, event: LifecycleEvent): HandoffStatus | null {
  return table[from][event] ?? null;
}

export function canTransition(from: HandoffStatus, event: LifecycleEvent): boolean {
  return nextStatus(from, event) !== null;
}

/** Statuses a person can still act on. */
export const openStatuses: readonly HandoffStatus[] = ['pending', 'claimed', 'escalated', 'failed'];

/** Statuses waiting for someone to pick them up. */
export const claimableStatuses: readonly HandoffStatus[] = ['pending', 'escalated', 'failed'];

export function isOpen(status: HandoffStatus): boolean {
  return openStatuses.includes(status);
}

export function isFinal(status: HandoffStatus): boolean {
  return Object.keys(table[status]).length === 0;
}

export const statusLabels: Record<HandoffStatus, string> = {
  ai_working: 'AI working',
  pending: 'Pending',
  claimed: 'Claimed',
  approved: 'Approved',
  rejected: 'Rejected',
  escalated: 'Escalated',
  redirected: 'Redirected',
  auto_approved: 'Auto-approved',
  expired: 'Expired',
  failed: 'Failed',
};
