import type { Dashboard, DashboardWindow } from '../../api/dashboard-schemas';
import {
  confidentButWrong,
  decisionsByCategory,
  decisionTime,
  escalations,
  reviewRate,
  sla,
} from './decisions';
import { decisionsIn, type ItemFacts } from './facts';
import { queueDepth } from './queue-depth';
import { reviewerLoad } from './reviewers';
import { teamLoad } from './teams';

export const windowMs: Record<DashboardWindow, number> = {
  '8h': 8 * 3_600_000,
  '24h': 24 * 3_600_000,
  '72h': 72 * 3_600_000,
  '7d': 7 * 24 * 3_600_000,
};

/**
 * Every figure on the lead dashboard, from the items and their audit trails (each item's
 * facts from `itemFacts`, which a backend may keep per item version).
 */
export function computeDashboard(
  items: readonly ItemFacts[],
  window: DashboardWindow,
  now: number,
  /** The teams in force, so a team with nothing open still has its row. */
  teams: Parameters<typeof teamLoad>[2] = [],
): Omit<Dashboard, 'agreement'> {
  const w = { from: now - windowMs[window], now };
  const decisions = decisionsIn(items, w);
  return {
    window,
    from: new Date(w.from).toISOString(),
    asOf: new Date(now).toISOString(),
    queueDepth: queueDepth(items, w),
    sla: sla(items, now),
    reviewRate: reviewRate(items, w),
    decisionsByCategory: decisionsByCategory(decisions),
    confidentButWrong: confidentButWrong(decisions),
    escalations: escalations(items, w),
    decisionTime: decisionTime(decisions),
    reviewers: reviewerLoad(
      decisions,
      items.map((t) => t.handoff),
    ),
    teams: teamLoad(items, w, teams),
  };
}
