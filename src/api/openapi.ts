import { z } from 'zod';
import * as a from './audit-schemas';
import { dashboardSchema, dashboardWindowSchema } from './dashboard-schemas';
import { demoSettingsSchema } from './demo-schemas';
import { ACTOR_HEADER, IDEMPOTENCY_HEADER } from './headers';
import * as p from './policy-schemas';
import * as ph from './post-hoc-schemas';
import * as s from './schemas';

/*
 * The OpenAPI 3.1 document for integrators, generated from the same zod schemas the client
 * and the reference backend use, so it cannot drift from either.
 */

const responses = {
  Handoff: s.handoffSchema,
  HandoffSummary: s.handoffSummarySchema,
  HandoffPage: s.handoffPageSchema,
  AuditEvent: s.auditEventSchema,
  AuditPage: s.auditPageSchema,
  DecisionResult: s.decisionResultSchema,
  User: s.userSchema,
  Users: s.usersSchema,
  Problem: s.problemSchema,
  ChangeEvent: s.changeEventSchema,
  RoutingPolicy: p.routingPolicySchema,
  WhatIfResult: p.whatIfResultSchema,
  PolicyChange: p.policyChangeSchema,
  PolicyChanges: p.policyChangesSchema,
  Ladder: p.ladderSchema,
  ArrivalResult: p.arrivalResultSchema,
  AuditEntry: a.auditEntrySchema,
  AuditLogPage: a.auditLogPageSchema,
  FeedbackRecord: a.feedbackRecordSchema,
  FeedbackPage: a.feedbackPageSchema,
  Dashboard: dashboardSchema,
  DemoSettings: demoSettingsSchema,
  PostHocPage: ph.postHocPageSchema,
  PostHocReview: ph.postHocReviewSchema,
  PostHocSettings: ph.postHocSettingsSchema,
};
const requests = {
  VersionRequest: s.claimRequestSchema,
  SaveDraftRequest: s.saveDraftRequestSchema,
  DecisionRequest: s.decisionRequestSchema,
  PauseRequest: s.pauseRequestSchema,
  ReassignRequest: s.reassignRequestSchema,
  InitiationRequest: s.initiationRequestSchema,
  PolicyChangeRequest: p.policyChangeRequestSchema,
  WhatIfRequest: p.whatIfRequestSchema,
  RollbackRequest: p.rollbackRequestSchema,
  ArrivalRequest: p.arrivalRequestSchema,
  PostHocReviewRequest: ph.postHocReviewRequestSchema,
};

function componentSchemas(schemas: Record<string, z.ZodType>, io: 'input' | 'output') {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const { schemas: out } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  });
  for (const schema of Object.values(out)) delete (schema as { $schema?: string }).$schema;
  return out;
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (id: string) => ({ content: { 'application/json': { schema: ref(id) } } });
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});

const actor = { $ref: '#/components/parameters/Actor' };
const idempotency = { $ref: '#/components/parameters/IdempotencyKey' };
const handoffId = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const common = { '401': problem('No or unknown identity'), '404': problem('No such item') };
const writeErrors = {
  ...common,
  '400': problem('Malformed JSON or missing Idempotency-Key'),
  '403': problem('Outside the actor’s authority'),
  '409': problem(
    'Version conflict, held by someone else, or illegal transition; carries `current`',
  ),
  '413': problem('Body too large'),
  '422': problem('Invalid fields (with JSON pointers) or a reused key with a different body'),
};

const listQuery = [
  ...['status', 'level', 'category', 'flag'].map((name) => ({
    name,
    in: 'query',
    description: 'Comma-separated values',
    schema: { type: 'string' },
  })),
  { name: 'assignee', in: 'query', schema: { type: 'string', enum: ['me', 'unassigned', 'any'] } },
  { name: 'slaAtRisk', in: 'query', schema: { type: 'boolean' } },
  { name: 'q', in: 'query', schema: { type: 'string', maxLength: 200 } },
  { name: 'sort', in: 'query', schema: { type: 'string', enum: s.sortFieldSchema.options } },
  { name: 'order', in: 'query', schema: { type: 'string', enum: ['asc', 'desc'] } },
  { name: 'cursor', in: 'query', schema: { type: 'string' } },
  { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500 } },
];

const query = (name: string, schema: object, description?: string) => ({
  name,
  in: 'query',
  schema,
  ...(description ? { description } : {}),
});
const csv = (values: readonly string[]) => ({
  type: 'string',
  description: `Comma-separated: ${values.join(', ')}`,
});
const pageQuery = [
  query('from', { type: 'string', format: 'date-time' }, 'Inclusive lower bound on the time'),
  query('to', { type: 'string', format: 'date-time' }, 'Inclusive upper bound on the time'),
  query(
    'cursor',
    { type: 'string' },
    'The previous page’s nextCursor; stable while new entries arrive',
  ),
  query('limit', { type: 'integer', minimum: 1, maximum: 1000 }),
];
const auditQuery = [
  query('actorType', { type: 'string', enum: a.actorTypeSchema.options }),
  query('actorId', { type: 'string' }),
  query('action', csv(a.auditLogActionSchema.options)),
  query('item', { type: 'string' }, 'An item id or ticket number ("4521" or "#4521")'),
  query('rule', csv(s.flagRuleSchema.options)),
  query('q', { type: 'string', maxLength: 200 }, 'Text in outcome, reason, actor, item'),
  ...pageQuery,
];
const feedbackQuery = [
  query('correction', csv(a.correctionSchema.options)),
  query('category', csv(s.categorySchema.options)),
  ...pageQuery,
];
const pagedRead = (summary: string, parameters: object[], page: string) => ({
  get: {
    summary,
    parameters: [actor, ...parameters],
    responses: {
      '200': { description: 'A page, newest first', ...json(page) },
      '401': problem('No or unknown identity'),
      '422': problem('Bad parameters or a cursor this server did not issue'),
    },
  },
});

const write = (summary: string, body: string | null, ok: string) => ({
  summary,
  parameters: [actor, idempotency, handoffId],
  ...(body ? { requestBody: { required: true, ...json(body) } } : {}),
  responses: { '200': { description: 'Done', ...json(ok) }, ...writeErrors },
});

export function buildOpenApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Handoff Desk API',
      version: '1.0.0',
      description:
        'The contract between Handoff Desk and any backend. Every request names the actor in ' +
        `${ACTOR_HEADER}; every write carries ${IDEMPOTENCY_HEADER} and the version it was made on. ` +
        'Errors are RFC 9457 problem documents.',
    },
    servers: [{ url: '/api' }],
    paths: {
      '/handoffs': {
        get: {
          summary: 'The queue: filtered, sorted, cursor-paged, with counts per status',
          parameters: [actor, ...listQuery],
          responses: {
            '200': { description: 'A page', ...json('HandoffPage') },
            ...common,
            '422': problem('Bad parameters'),
          },
        },
      },
      '/handoffs/claim-next': {
        post: {
          summary: 'Claim the most urgent unclaimed item within the actor’s authority',
          parameters: [actor, idempotency],
          responses: {
            '200': { description: 'The claimed item', ...json('Handoff') },
            ...writeErrors,
          },
        },
      },
      '/handoffs/{id}': {
        get: {
          summary: 'One handoff with its context package',
          parameters: [actor, handoffId],
          responses: { '200': { description: 'The item', ...json('Handoff') }, ...common },
        },
      },
      '/handoffs/{id}/events': {
        get: {
          summary: 'The item’s audit trail, oldest first',
          parameters: [actor, handoffId],
          responses: { '200': { description: 'Events', ...json('AuditPage') }, ...common },
        },
      },
      '/handoffs/{id}/claim': { post: write('Take ownership', 'VersionRequest', 'Handoff') },
      '/handoffs/{id}/release': { post: write('Give ownership back', 'VersionRequest', 'Handoff') },
      '/handoffs/{id}/draft': {
        put: write('Autosave the reviewer’s edit', 'SaveDraftRequest', 'Handoff'),
      },
      '/handoffs/{id}/decisions': {
        post: write('Approve, reject, escalate or redirect', 'DecisionRequest', 'DecisionResult'),
      },
      '/handoffs/{id}/pause': {
        post: write('Stop the AI mid-task; the item waits for a person', 'PauseRequest', 'Handoff'),
      },
      '/handoffs/{id}/take-over': {
        post: write('Take an AI-working or failed item and hold it', 'VersionRequest', 'Handoff'),
      },
      '/handoffs/{id}/retry': {
        post: write('Have the AI try a failed task again', 'VersionRequest', 'Handoff'),
      },
      '/handoffs/{id}/reassign': {
        post: write(
          'Hand a failed item to another level (still failed) or to one person',
          'ReassignRequest',
          'Handoff',
        ),
      },
      '/initiations': {
        post: {
          summary: 'Hand the AI a task about an item’s ticket; the result is a new handoff',
          parameters: [actor, idempotency],
          requestBody: { required: true, ...json('InitiationRequest') },
          responses: { '201': { description: 'The new item', ...json('Handoff') }, ...writeErrors },
        },
      },
      '/events': {
        get: {
          summary:
            'Live changes as server-sent events: each `data:` line is one ChangeEvent (JSON); ' +
            'comments (`: connected`, `: keep-alive` every 15 s) carry no data',
          parameters: [actor],
          responses: {
            '200': {
              description: 'An open event stream',
              content: { 'text/event-stream': { schema: { type: 'string' } } },
              'x-event-schema': ref('ChangeEvent'),
            },
            '401': problem('No or unknown identity'),
          },
        },
      },
      '/handoffs/arrivals': {
        post: {
          summary:
            'A new ticket and the AI’s work on it (or, with no ticket, one the backend writes), ' +
            'flagged by the rules table and routed by the policy in force: a pending item at ' +
            'the routed level, or auto-approved (and maybe sampled for post-hoc review)',
          parameters: [actor, idempotency],
          requestBody: { required: true, ...json('ArrivalRequest') },
          responses: {
            '201': { description: 'The new item and its route', ...json('ArrivalResult') },
            ...writeErrors,
            '403': problem('This server accepts arrivals from team leads only'),
          },
        },
      },
      '/policy': {
        get: {
          summary: 'The routing policy in force: per-category routing and the rules table',
          parameters: [actor],
          responses: { '200': { description: 'The policy', ...json('RoutingPolicy') }, ...common },
        },
      },
      '/policy/what-if': {
        post: {
          summary:
            'Replays the last week’s decided traffic under an edit, before it is saved: review ' +
            'rate against the 10–15% band, items newly skipping review, confident-but-wrong ' +
            'among them. Changes nothing; needs no Idempotency-Key',
          parameters: [actor],
          requestBody: { required: true, ...json('WhatIfRequest') },
          responses: {
            '200': { description: 'The effect', ...json('WhatIfResult') },
            ...common,
            '400': problem('Malformed JSON'),
            '422': problem('An edit the policy would not accept (with JSON pointers)'),
          },
        },
      },
      '/policy/changes': {
        get: {
          summary: 'Every policy change with who, when, why, before and after; newest first',
          parameters: [actor],
          responses: {
            '200': { description: 'The history', ...json('PolicyChanges') },
            ...common,
          },
        },
        post: {
          summary:
            'Change the policy (team leads, managers and executives), on the version the edit ' +
            'was made on, with a reason',
          parameters: [actor, idempotency],
          requestBody: { required: true, ...json('PolicyChangeRequest') },
          responses: {
            '201': { description: 'The recorded change', ...json('PolicyChange') },
            ...writeErrors,
            '403': problem('Only team leads, managers and executives change the policy'),
            '409': problem('The policy moved on; carries `currentVersion`'),
          },
        },
      },
      '/policy/changes/{id}/rollback': {
        post: {
          summary:
            'Restore the policy as it was before this change, as a new change (later changes ' +
            'are undone too and listed in `undoes`)',
          parameters: [
            actor,
            idempotency,
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
          ],
          requestBody: { required: true, ...json('RollbackRequest') },
          responses: {
            '201': { description: 'The rollback, recorded', ...json('PolicyChange') },
            ...writeErrors,
            '403': problem('Only team leads, managers and executives change the policy'),
            '404': problem('No such change'),
          },
        },
      },
      '/ladder': {
        get: {
          summary: 'The escalation ladder: each level’s authority, response target and context',
          parameters: [actor],
          responses: { '200': { description: 'The ladder', ...json('Ladder') }, ...common },
        },
      },
      '/audit': pagedRead(
        'The global audit log: every item event and routing-policy change, newest first',
        auditQuery,
        'AuditLogPage',
      ),
      '/feedback': pagedRead(
        'Every correction of the AI (edited approval, rejection, redirect) as a training record',
        feedbackQuery,
        'FeedbackPage',
      ),
      '/dashboard': {
        get: {
          summary: 'The lead dashboard: queue depth, SLA, review rate, decisions, reviewer load',
          parameters: [
            actor,
            {
              name: 'window',
              in: 'query',
              schema: { type: 'string', enum: dashboardWindowSchema.options, default: '24h' },
            },
          ],
          responses: {
            '200': { description: 'Figures computed from the audit trail', ...json('Dashboard') },
            ...common,
            '422': problem('Unknown window'),
          },
        },
      },
      '/post-hoc-reviews': {
        get: {
          summary:
            'Auto-approved items the policy sampled for post-hoc review and nobody reviewed yet, ' +
            'oldest sent first',
          parameters: [
            actor,
            query('category', { type: 'string', enum: s.categorySchema.options }),
            query('cursor', { type: 'string' }, 'From the previous page’s `nextCursor`'),
            query('limit', { type: 'integer', minimum: 1, maximum: 200, default: 50 }),
          ],
          responses: {
            '200': { description: 'A page, oldest sent first', ...json('PostHocPage') },
            ...common,
            '422': problem('Bad parameters'),
          },
        },
      },
      '/handoffs/{id}/post-hoc-review': {
        post: {
          summary:
            'Grade a sampled auto-approved reply against its category rubric, once; ' +
            '"needs_follow_up" requires a note',
          parameters: [
            actor,
            idempotency,
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
          ],
          requestBody: { required: true, ...json('PostHocReviewRequest') },
          responses: {
            '201': { description: 'The recorded review', ...json('PostHocReview') },
            ...writeErrors,
            '404': problem('No such item'),
            '409': problem(
              'Stale version, already reviewed (by this person, or by everyone needed), or not ' +
                'sampled; carries `current`. An item drawn for double review takes a second, ' +
                'blind review from someone else; no reply names the first verdict before then',
            ),
          },
        },
      },
      '/post-hoc-settings': {
        get: {
          summary: 'The share of sampled items that get a second, blind review',
          parameters: [actor],
          responses: { '200': { description: 'Settings', ...json('PostHocSettings') }, ...common },
        },
        put: {
          summary: 'Set the double-review share (0 to 1); team leads, managers and executives',
          parameters: [actor, idempotency],
          requestBody: { required: true, ...json('PostHocSettings') },
          responses: {
            '200': { description: 'Saved', ...json('PostHocSettings') },
            ...writeErrors,
          },
        },
      },
      '/me': {
        get: {
          summary: 'Who is acting',
          parameters: [actor],
          responses: { '200': { description: 'The actor', ...json('User') }, ...common },
        },
      },
      '/users': {
        get: {
          summary: 'People who can act',
          parameters: [actor],
          responses: { '200': { description: 'Users', ...json('Users') }, ...common },
        },
      },
      '/demo/settings': {
        get: {
          summary:
            'Optional, demo and test backends only: the demo floor (arrivals, AI quality, chaos)',
          parameters: [actor],
          responses: { '200': { description: 'Settings', ...json('DemoSettings') }, ...common },
        },
        put: {
          summary: 'Change the demo floor; 403 where the server does not allow it',
          parameters: [actor, idempotency],
          requestBody: { required: true, ...json('DemoSettings') },
          responses: { '200': { description: 'Saved', ...json('DemoSettings') }, ...writeErrors },
        },
      },
      '/demo/reset': {
        post: {
          summary: 'Optional, demo and test backends only: restore the seeded world',
          parameters: [actor],
          responses: {
            '204': { description: 'Restored' },
            '403': problem('Reset is disabled on this server'),
            ...common,
          },
        },
      },
    },
    components: {
      parameters: {
        Actor: { name: ACTOR_HEADER, in: 'header', required: true, schema: { type: 'string' } },
        IdempotencyKey: {
          name: IDEMPOTENCY_HEADER,
          in: 'header',
          required: true,
          schema: { type: 'string', maxLength: 200 },
        },
      },
      schemas: { ...componentSchemas(responses, 'output'), ...componentSchemas(requests, 'input') },
    },
  };
}
