import type { AuditLogAction } from '../../api/audit-schemas';
import { auditActionLabels } from '../../domain/labels';

export const actionLabels: Record<AuditLogAction, string> = {
  ...auditActionLabels,
  policy_changed: 'Policy changed',
  policy_rolled_back: 'Policy rolled back',
  team_created: 'Team created',
  team_updated: 'Team changed',
  team_deleted: 'Team deleted',
  team_rules_changed: 'Team rules changed',
  agent_key_issued: 'Agent key issued',
  agent_key_revoked: 'Agent key revoked',
};

export { actorTypeLabels } from '../../domain/labels';

const count = new Intl.NumberFormat('en');
export const formatCount = (n: number) => count.format(n);
