import type { HandoffSummary, Urgency } from '../api/handoff-schemas';

/** An item is at risk when less than this share of its SLA window is left. */
export const SLA_RISK_WINDOW_MS = 60 * 60 * 1000;

export type SlaState = 'breached' | 'at_risk' | 'ok';

export function slaState(dueAt: string, now: number): SlaState {
  const left = Date.parse(dueAt) - now;
  if (left <= 0) return 'breached';
  if (left <= SLA_RISK_WINDOW_MS) return 'at_risk';
  return 'ok';
}

const urgencyWeight: Record<Urgency, number> = { low: 0, normal: 1, high: 2, critical: 3 };
const severityWeight = { info: 0, warning: 1, critical: 2 } as const;

/**
 * Higher is more urgent. Used by "claim next" and the default queue sort, so the reviewer and
 * the server agree on what comes first: breached and at-risk SLAs, then urgency, then the
 * worst flag, then the oldest item.
 */
export function priorityScore(
  item: Pick<HandoffSummary, 'dueAt' | 'urgency' | 'flags' | 'createdAt'>,
  now: number,
): number {
  const sla = slaState(item.dueAt, now);
  const slaPart = sla === 'breached' ? 3 : sla === 'at_risk' ? 2 : 0;
  const worstFlag = item.flags.reduce((m, f) => Math.max(m, severityWeight[f.severity]), -1) + 1;
  const age = Math.min(1, (now - Date.parse(item.createdAt)) / (7 * 24 * 3600 * 1000));
  return slaPart * 1000 + urgencyWeight[item.urgency] * 100 + worstFlag * 10 + age;
}
