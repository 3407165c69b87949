import {
  batchDecisionRequestSchema,
  batchDecisionResultSchema,
  similarGroupsParamsSchema,
  similarGroupsSchema,
} from '../batch-schemas';
import { defineOperations, identityProblems } from './define';

/** Batch review: the queue's similar items in groups, and one decision over many items. */
export const batchOperations = defineOperations({
  listSimilarGroups: {
    method: 'GET',
    path: '/handoff-groups',
    summary:
      'Items waiting for a decision, grouped by likeness: category, flags, kind of proposed ' +
      'action, and drafts from one template or nearly the same text',
    query: similarGroupsParamsSchema,
    queryProblem: 'The group parameters are not valid.',
    response: similarGroupsSchema,
    description: 'The groups, largest first',
    problems: { ...identityProblems, 422: 'Bad parameters' },
    write: false,
  },
  decideBatch: {
    method: 'POST',
    path: '/handoffs/batch-decisions',
    summary:
      'Approve, reject, escalate or re-route many items in one action. Each item is checked on its own ' +
      '(version, holder, authority, hard stops, options, stale drafts) and applied or left ' +
      'out with its problem; a retry of the same batchId applies nothing twice',
    body: batchDecisionRequestSchema,
    response: batchDecisionResultSchema,
    description: 'A result per item',
    problems: {
      ...identityProblems,
      400: 'Malformed JSON or missing Idempotency-Key',
      413: 'Body too large',
      422: 'No items, more than 500, invalid fields, or a reused key with a different body',
    },
    write: true,
  },
});
