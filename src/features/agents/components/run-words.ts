import type { Run, RunStatus } from '../../../api/agent-schemas';
import { formatDuration } from '../../../lib/time';

export const runStatusLabels: Record<RunStatus, string> = {
  working: 'Working',
  waiting: 'Waiting',
  finished: 'Finished',
  failed: 'Failed',
  lost: 'Lost',
  taken_over: 'Taken over',
};

/** What the run waits on now, in words a lead reads. */
export function waitingOn(run: Run): string {
  switch (run.status) {
    case 'working':
      return `Itself: ${run.step}`;
    case 'waiting':
      return 'A person’s decision';
    case 'lost':
      return `A person: the agent stopped responding during ${run.step}`;
    case 'failed':
      return `A person: ${run.diagnosis ?? 'the agent reported a failure'}`;
    case 'taken_over':
      return 'Nothing: a person took the ticket over';
    case 'finished':
      return 'Nothing: done';
  }
}

/** How long ago the last heartbeat came, and whether the lease still holds. */
export function heartbeatAge(run: Run, now: number): string {
  const age = formatDuration(now - Date.parse(run.lastHeartbeatAt));
  const live = run.status === 'working' || run.status === 'waiting';
  if (!live) return `${age} ago`;
  const left = Date.parse(run.leaseExpiresAt) - now;
  return left > 0 ? `${age} ago · lease ${formatDuration(left)} left` : `${age} ago · lease lapsed`;
}

export interface AgentSummary {
  name: string;
  runs: Run[];
  live: number;
  lost: number;
  lastHeartbeatAt: string | null;
}

/** The agents that have runs, each with its runs (newest first) and what needs a person. */
export function agentsOf(runs: readonly Run[], names: readonly string[] = []): AgentSummary[] {
  const by = new Map<string, Run[]>();
  for (const name of names) by.set(name, []);
  for (const r of runs) by.set(r.agent.name, [...(by.get(r.agent.name) ?? []), r]);
  return [...by.entries()]
    .map(([name, list]) => ({
      name,
      runs: list,
      live: list.filter((r) => r.status === 'working' || r.status === 'waiting').length,
      lost: list.filter((r) => r.status === 'lost').length,
      lastHeartbeatAt: list.reduce<string | null>(
        (m, r) => (m === null || r.lastHeartbeatAt > m ? r.lastHeartbeatAt : m),
        null,
      ),
    }))
    .sort((a, b) => b.lost - a.lost || a.name.localeCompare(b.name));
}
