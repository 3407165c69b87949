import type { SystemJob } from '../services';
import { failRunWork } from './routes';
import { allRuns, putRun } from './runs';

/*
 * An agent that stops renewing its lease is gone: its run is lost, and its work becomes a
 * failed handoff at the level the policy routes the ticket to ("agent stopped responding
 * during <step>"), which a person can take over. Once: a lost run is never lost again.
 */
export const loseLapsedRuns: SystemJob = (s) => {
  const now = s.clock();
  for (const run of allRuns(s.world)) {
    if (run.status !== 'working' && run.status !== 'waiting') continue;
    if (Date.parse(run.leaseExpiresAt) > now) continue;
    const diagnosis = `${run.agent.name} stopped responding during ${run.step}`;
    const handoff = failRunWork(s, run, diagnosis, 'system');
    putRun(s, { ...run, status: 'lost', diagnosis, handoffId: handoff?.id ?? run.handoffId });
  }
};
