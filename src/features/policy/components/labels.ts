import type { RuleResponse } from '../../../api/handoff-schemas';
import type { OversightPattern } from '../../../api/routing-policy-schemas';
import type { TrafficOutcome } from '../../../api/what-if-schemas';

export { categoryLabels } from '../../../domain/labels';

export const patternLabels: Record<OversightPattern, string> = {
  pre_flight: 'Pre-flight approval',
  checkpoint_approval: 'Checkpoint approval',
  post_hoc_sample: 'Post-hoc sample',
  exception_based: 'Exception-based',
};

export const responseLabels: Record<RuleResponse, string> = {
  flag_for_review: 'Flag for review',
  hard_stop: 'Hard stop',
  present_choices: 'Present choices',
  report_with_diagnosis: 'Report with diagnosis',
  require_approval: 'Require approval',
};

export const outcomeLabels: Record<TrafficOutcome, string> = {
  approved_unedited: 'Approved as drafted',
  edited: 'Edited',
  rejected: 'Rejected',
  escalated: 'Escalated',
};

export const percent = (value: number) => `${Math.round(value * 1000) / 10}%`;
