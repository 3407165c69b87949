import type { Run } from '../../../src/api/agent-schemas';
import type { ArrivalTicket } from '../../../src/api/arrival-schemas';
import type { Handoff } from '../../../src/api/handoff-schemas';
import type { BackendServices } from '../services';
import type { World } from '../world';

/*
 * Agents' runs: one agent's work on one ticket under a lease it renews by heartbeat. Kept in
 * the world, one setting per run, so a heartbeat writes one small record.
 */

const RUN = 'agent-run:';

/** A run as stored: the ticket it is about, so a lost run can still become a handoff. */
export interface StoredRun extends Run {
  ticket: ArrivalTicket | null;
}

export const getRun = (world: World, id: string) => world.setting<StoredRun>(RUN + id);

export const putRun = (s: BackendServices, run: StoredRun) => s.world.putSetting(RUN + run.id, run);

export const allRuns = (world: World) => world.settingsUnder<StoredRun>(RUN);

/** The run that produced or works on this item, newest first. */
export function runOfHandoff(world: World, handoffId: string): StoredRun | undefined {
  let found: StoredRun | undefined;
  for (const run of allRuns(world)) if (run.handoffId === handoffId) found = run;
  return found;
}

/**
 * The run as callers see it: a lost or failed run whose item a person has since picked up
 * reads as taken over.
 */
export function runView(world: World, run: StoredRun): Run {
  const { ticket: _ticket, ...view } = run;
  if ((run.status === 'lost' || run.status === 'failed') && run.handoffId) {
    const h = world.handoffs.get(run.handoffId);
    if (h && takenOver(h)) return { ...view, status: 'taken_over' };
  }
  return view;
}

/** A person holds or decided the item since the agent let go of it. */
export const takenOver = (h: Handoff) => h.status !== 'failed' && h.status !== 'redirected';

export const leaseUntil = (s: BackendServices, seconds: number) =>
  new Date(s.clock() + seconds * 1000).toISOString();
