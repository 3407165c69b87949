import type { Actor, AuditAction, Category } from '../api/handoff-schemas';

/* Words for the contract's enums, one place for every screen that shows them. */

export const categoryLabels: Record<Category, string> = {
  billing: 'Billing',
  shipping: 'Shipping',
  technical: 'Technical',
  account: 'Account',
  legal: 'Legal',
};

export const auditActionLabels: Record<AuditAction, string> = {
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
  expired: 'Gate timed out',
  failed: 'Failed',
  initiated: 'Task handed to the AI',
  paused: 'AI paused',
  taken_over: 'Taken over',
  retried: 'Retried',
  reassigned: 'Reassigned',
  rerouted: 'Re-routed to a team',
  post_hoc_reviewed: 'Post-hoc reviewed',
  executed: 'Executed',
  execution_failed: 'Execution failed',
  agent_lost: 'Agent stopped responding',
};

export const actorTypeLabels: Record<Actor['type'], string> = {
  person: 'Person',
  ai: 'AI',
  system: 'System',
};
