import type { ActorType, AuditLogAction } from '../../api/audit-schemas';

export const actionLabels: Record<AuditLogAction, string> = {
  created: 'Created',
  flagged: 'Flagged',
  claimed: 'Claimed',
  released: 'Released',
  draft_saved: 'Draft edited',
  approved: 'Approved',
  rejected: 'Rejected',
  escalated: 'Escalated',
  redirected: 'Redirected',
  draft_revised: 'Draft revised',
  auto_approved: 'Auto-approved',
  expired: 'Expired',
  failed: 'Failed',
  initiated: 'Task handed to the AI',
  paused: 'AI paused',
  taken_over: 'Taken over',
  retried: 'Retried',
  reassigned: 'Reassigned',
  post_hoc_reviewed: 'Post-hoc reviewed',
  policy_changed: 'Policy changed',
  policy_rolled_back: 'Policy rolled back',
};

export const actorTypeLabels: Record<ActorType, string> = {
  person: 'Person',
  ai: 'AI',
  system: 'System',
};

const count = new Intl.NumberFormat('en');
export const formatCount = (n: number) => count.format(n);
