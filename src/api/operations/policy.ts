import { arrivalRequestSchema, arrivalResultSchema } from '../arrival-schemas';
import { ladderSchema } from '../ladder-schemas';
import {
  policyChangeRequestSchema,
  policyChangeSchema,
  policyChangesSchema,
  rollbackRequestSchema,
} from '../policy-change-schemas';
import { routingPolicySchema } from '../routing-policy-schemas';
import { whatIfRequestSchema, whatIfResultSchema } from '../what-if-schemas';
import { defineOperations, identityProblems, idParams, read, writeProblems } from './define';

const editorsOnly = 'Only team leads, managers and executives change the policy';

/** The routing policy, its history, the escalation ladder, and arrivals the policy routes. */
export const policyOperations = defineOperations({
  getPolicy: read(
    '/policy',
    'The routing policy in force: per-category routing and the rules table',
    routingPolicySchema,
    'The policy',
  ),
  previewPolicy: {
    method: 'POST',
    path: '/policy/what-if',
    summary:
      'Replays the last week’s routed traffic under an edit, before it is saved: review ' +
      'rate against the 10–15% band, items newly skipping review, confident-but-wrong ' +
      'among them. Changes nothing; needs no Idempotency-Key',
    body: whatIfRequestSchema,
    response: whatIfResultSchema,
    description: 'The effect',
    problems: {
      ...identityProblems,
      400: 'Malformed JSON',
      422: 'An edit the policy would not accept (with JSON pointers)',
    },
    write: false,
  },
  listPolicyChanges: read(
    '/policy/changes',
    'Every policy change with who, when, why, before and after; newest first',
    policyChangesSchema,
    'The history',
  ),
  changePolicy: {
    method: 'POST',
    path: '/policy/changes',
    summary:
      'Change the policy (team leads, managers and executives), on the version the edit ' +
      'was made on, with a reason',
    body: policyChangeRequestSchema,
    response: policyChangeSchema,
    status: 201,
    description: 'The recorded change',
    problems: {
      ...writeProblems,
      403: editorsOnly,
      409: 'The policy moved on; carries `currentVersion`',
    },
    write: true,
  },
  rollbackPolicy: {
    method: 'POST',
    path: '/policy/changes/{id}/rollback',
    summary:
      'Restore the policy as it was before this change, as a new change (later changes ' +
      'are undone too and listed in `undoes`)',
    params: idParams,
    body: rollbackRequestSchema,
    response: policyChangeSchema,
    status: 201,
    description: 'The rollback, recorded',
    problems: { ...writeProblems, 403: editorsOnly, 404: 'No such change' },
    write: true,
  },
  getLadder: read(
    '/ladder',
    'The escalation ladder: each level’s authority, response target and context',
    ladderSchema,
    'The ladder',
  ),
  ingestArrival: {
    method: 'POST',
    path: '/handoffs/arrivals',
    summary:
      'A new ticket and the AI’s work on it (or, with no ticket, one the backend writes), ' +
      'flagged by the rules table and routed by the policy in force: a pending item at ' +
      'the routed level, or auto-approved (and maybe sampled for post-hoc review)',
    body: arrivalRequestSchema,
    response: arrivalResultSchema,
    status: 201,
    description: 'The new item and its route',
    problems: { ...writeProblems, 403: 'This server accepts arrivals from team leads only' },
    write: true,
  },
});
