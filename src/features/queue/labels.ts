import type { HandoffKind, HandoffStatus, SortField, Urgency } from '../../api/handoff-schemas';
import { statusLabels } from '../../domain/lifecycle';
import type { QueueSearch } from './queue-search';

export { categoryLabels } from '../../domain/labels';

export const kindLabels: Record<HandoffKind, string> = {
  initiation: 'Initiation',
  checkpoint: 'Checkpoint',
  completion: 'Completion',
  escalation: 'Escalation',
  override: 'Override',
};

export const urgencyLabels: Record<Urgency, string> = {
  low: 'Low',
  normal: 'Normal',
  high: 'High',
  critical: 'Critical',
};

export { flagRuleLabels as flagLabels } from '../../domain/flags';

export const assigneeLabels: Record<QueueSearch['assignee'], string> = {
  any: 'Anyone',
  me: 'Mine',
  unassigned: 'Unassigned',
};

export const sortLabels: Record<SortField, string> = {
  priority: 'Priority',
  dueAt: 'SLA due',
  confidence: 'Confidence',
  createdAt: 'Created',
};

/** The order the server uses when the URL does not say. */
export const defaultOrder = (sort: SortField) => (sort === 'priority' ? 'desc' : 'asc');

/** Open statuses first (what a reviewer works on), then the rest of the lifecycle. */
export const statusOrder: readonly HandoffStatus[] = [
  'pending',
  'claimed',
  'escalated',
  'failed',
  'ai_working',
  'redirected',
  'approved',
  'auto_approved',
  'rejected',
  'expired',
];

export { statusLabels };

/** "a, b or c" */
export function orList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}
