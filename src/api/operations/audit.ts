import {
  auditListParamsSchema,
  auditLogPageSchema,
  feedbackListParamsSchema,
  feedbackPageSchema,
} from '../audit-schemas';
import { defineOperations, identityProblems } from './define';

const pageProblems = {
  ...identityProblems,
  422: 'Bad parameters or a cursor this server did not issue',
} as const;

/** The global audit log and the feedback loop, both cursor-paged, newest first. */
export const auditOperations = defineOperations({
  listAudit: {
    method: 'GET',
    path: '/audit',
    summary: 'The global audit log: every item event and routing-policy change, newest first',
    query: auditListParamsSchema,
    queryProblem: 'The audit log parameters are not valid.',
    response: auditLogPageSchema,
    description: 'A page, newest first',
    problems: pageProblems,
    write: false,
  },
  listFeedback: {
    method: 'GET',
    path: '/feedback',
    summary:
      'Every correction of the AI (edited approval, rejection, redirect) as a training record',
    query: feedbackListParamsSchema,
    queryProblem: 'The feedback parameters are not valid.',
    response: feedbackPageSchema,
    description: 'A page, newest first',
    problems: pageProblems,
    write: false,
  },
});
