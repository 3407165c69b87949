import '../zod-config';
import { z } from 'zod/mini';
import {
  agentDraftRequestSchema,
  agentHandoffRequestSchema,
  agentHandoffResultSchema,
  agentKeySchema,
  agentKeysSchema,
  agentSelfSchema,
  createAgentKeyRequestSchema,
  createdAgentKeySchema,
  executionReportSchema,
  executionResultSchema,
  heartbeatRequestSchema,
  outcomeQuerySchema,
  outcomeReplySchema,
  pendingRedirectsSchema,
  redirectsQuerySchema,
  runFailureRequestSchema,
  runResultSchema,
  runSchema,
  runsSchema,
  startRunRequestSchema,
} from '../agent-schemas';
import { handoffSchema } from '../handoff-schemas';
import {
  defineOperations,
  identityProblems,
  idParams,
  itemProblems,
  writeProblems,
} from './define';

const agentOnly = ['agent'] as const;
const either = ['person', 'agent'] as const;

const agentIdentity = {
  401: 'No key, or an unknown, revoked or malformed one (`Authorization: Bearer hd_…`)',
  403: 'A person’s session cannot act as an agent',
} as const;

const runWrite = {
  ...agentIdentity,
  400: writeProblems[400],
  403: 'The run belongs to another agent',
  404: 'No such run',
  409: 'The run was lost or failed and a person took the ticket over, or it already ended',
  422: writeProblems[422],
} as const;

const leadsOnly = { ...identityProblems, 403: 'Only leads manage agent keys' } as const;

/** Agents: their keys (issued by leads), their runs and leases, their handoffs and outcomes. */
export const agentOperations = defineOperations({
  listAgentKeys: {
    method: 'GET',
    path: '/agent-keys',
    summary: 'Agent API keys, live and revoked (secrets are never shown again)',
    response: agentKeysSchema,
    description: 'Keys',
    problems: leadsOnly,
    write: false,
  },
  createAgentKey: {
    method: 'POST',
    path: '/agent-keys',
    summary: 'Issue an API key for a named agent; the secret is in this answer only',
    body: createAgentKeyRequestSchema,
    response: createdAgentKeySchema,
    status: 201,
    description: 'The key with its secret',
    problems: { ...leadsOnly, 400: writeProblems[400], 422: 'Invalid name, or one in use' },
    write: true,
  },
  revokeAgentKey: {
    method: 'DELETE',
    path: '/agent-keys/{id}',
    summary: 'Revoke a key: the agent’s next call is a 401',
    params: idParams,
    response: agentKeySchema,
    description: 'The key, revoked',
    problems: { ...leadsOnly, 400: writeProblems[400], 404: 'No such key' },
    write: true,
  },
  listAgentRuns: {
    method: 'GET',
    path: '/agent-runs',
    summary: 'Agents’ runs, newest first: working, waiting, lost, failed, finished',
    query: z.object({
      limit: z
        .optional(z.int().check(z.gte(1), z.lte(500)))
        .check(z.describe('Runs to return, 1 to 500.')),
    }),
    response: runsSchema,
    description: 'Runs',
    problems: identityProblems,
    write: false,
  },
  getAgentSelf: {
    method: 'GET',
    path: '/agent/me',
    summary: 'Which agent the key belongs to',
    response: agentSelfSchema,
    description: 'The agent',
    problems: agentIdentity,
    write: false,
    principals: agentOnly,
  },
  startAgentRun: {
    method: 'POST',
    path: '/agent/runs',
    summary: 'Start work on a ticket under a lease the agent renews by heartbeat',
    body: startRunRequestSchema,
    response: runSchema,
    status: 201,
    description: 'The run, with its lease',
    problems: { ...runWrite, 404: 'No such item' },
    write: true,
    principals: agentOnly,
  },
  heartbeatAgentRun: {
    method: 'POST',
    path: '/agent/runs/{id}/heartbeat',
    summary: 'Renew the run’s lease and say which step it is on',
    params: idParams,
    body: heartbeatRequestSchema,
    response: runSchema,
    description: 'The run, its lease renewed',
    problems: runWrite,
    write: true,
    principals: agentOnly,
  },
  failAgentRun: {
    method: 'POST',
    path: '/agent/runs/{id}/failure',
    summary: 'Report that the run cannot go on, with a diagnosis; a person picks it up',
    params: idParams,
    body: runFailureRequestSchema,
    response: runResultSchema,
    description: 'The failed run and the failed handoff',
    problems: runWrite,
    write: true,
    principals: agentOnly,
  },
  createAgentHandoff: {
    method: 'POST',
    path: '/agent/handoffs',
    summary: 'Hand work to a person: routed by the rules and the policy like every arrival',
    body: agentHandoffRequestSchema,
    response: agentHandoffResultSchema,
    status: 201,
    description: 'The handoff and where it went',
    problems: runWrite,
    write: true,
    principals: agentOnly,
  },
  getHandoffOutcome: {
    method: 'GET',
    path: '/handoffs/{id}/outcome',
    summary:
      'The decision on a handoff, by long-poll: waits up to `wait` seconds for one after `since`, ' +
      'and answers at once when there is one',
    params: idParams,
    query: outcomeQuerySchema,
    queryProblem: 'The outcome parameters are not valid.',
    response: outcomeReplySchema,
    description: 'The newest decision, or none within the wait',
    problems: { ...itemProblems, 403: 'The handoff is another agent’s' },
    write: false,
    principals: either,
  },
  listAgentRedirects: {
    method: 'GET',
    path: '/agent/redirects',
    summary:
      'This agent’s items sent back with instructions and waiting for its new draft, by ' +
      'long-poll: waits up to `wait` seconds when there are none',
    query: redirectsQuerySchema,
    queryProblem: 'The redirect parameters are not valid.',
    response: pendingRedirectsSchema,
    description: 'The redirects waiting for an answer, oldest first (none within the wait)',
    problems: agentIdentity,
    write: false,
    principals: agentOnly,
  },
  submitAgentDraft: {
    method: 'POST',
    path: '/agent/handoffs/{id}/drafts',
    summary: 'Answer a redirect with a new draft version and its actions',
    params: idParams,
    body: agentDraftRequestSchema,
    response: handoffSchema,
    status: 201,
    description: 'The item, back with the reviewer who redirected it',
    problems: {
      ...runWrite,
      403: 'The handoff is another agent’s',
      404: 'No such item',
      409: 'The last decision is not a redirect, or `inReplyTo` is not its version',
    },
    write: true,
    principals: agentOnly,
  },
  reportExecution: {
    method: 'POST',
    path: '/agent/handoffs/{id}/execution',
    summary: 'Report what the agent did with an approval: applied, or failed with detail',
    params: idParams,
    body: executionReportSchema,
    response: executionResultSchema,
    description: 'The item, and the failed handoff a failed execution opened',
    problems: {
      ...runWrite,
      403: 'The handoff is another agent’s',
      404: 'No such item',
      409: 'Not approved, or its execution was already reported',
    },
    write: true,
    principals: agentOnly,
  },
});
