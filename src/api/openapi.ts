import './zod-config';
import { z } from 'zod/mini';
import { proposedActionSchema } from './action-schemas';
import * as ag from './agent-schemas';
import { arrivalRequestSchema, arrivalResultSchema } from './arrival-schemas';
import * as a from './audit-schemas';
import { dashboardSchema } from './dashboard-schemas';
import { demoSettingsSchema } from './demo-schemas';
import * as s from './handoff-schemas';
import { ACTOR_HEADER, CLIENT_HEADER, IDEMPOTENCY_HEADER } from './headers';
import { ladderSchema } from './ladder-schemas';
import { type Operation, operationEntries } from './operations';
import {
  policyChangeRequestSchema,
  policyChangeSchema,
  policyChangesSchema,
  rollbackRequestSchema,
} from './policy-change-schemas';
import * as ph from './post-hoc-schemas';
import { routingPolicySchema } from './routing-policy-schemas';
import { whatIfRequestSchema, whatIfResultSchema } from './what-if-schemas';

/*
 * The OpenAPI 3.1 document for integrators, generated from the operation table and the same
 * zod schemas the client and the reference backend use, so it cannot drift from either.
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
  RoutingPolicy: routingPolicySchema,
  WhatIfResult: whatIfResultSchema,
  PolicyChange: policyChangeSchema,
  PolicyChanges: policyChangesSchema,
  Ladder: ladderSchema,
  ArrivalResult: arrivalResultSchema,
  AuditEntry: a.auditEntrySchema,
  AuditLogPage: a.auditLogPageSchema,
  FeedbackRecord: a.feedbackRecordSchema,
  FeedbackPage: a.feedbackPageSchema,
  Dashboard: dashboardSchema,
  DemoSettings: demoSettingsSchema,
  PostHocPage: ph.postHocPageSchema,
  PostHocReview: ph.postHocReviewSchema,
  PostHocSettings: ph.postHocSettingsSchema,
  ProposedAction: proposedActionSchema,
  AgentKey: ag.agentKeySchema,
  CreatedAgentKey: ag.createdAgentKeySchema,
  Run: ag.runSchema,
  RunResult: ag.runResultSchema,
  AgentHandoffResult: ag.agentHandoffResultSchema,
  HandoffOutcome: ag.handoffOutcomeSchema,
  OutcomeReply: ag.outcomeReplySchema,
  ExecutionResult: ag.executionResultSchema,
  AgentEvent: ag.agentEventSchema,
};
const requests = {
  VersionRequest: s.claimRequestSchema,
  SaveDraftRequest: s.saveDraftRequestSchema,
  DecisionRequest: s.decisionRequestSchema,
  PauseRequest: s.pauseRequestSchema,
  ReassignRequest: s.reassignRequestSchema,
  InitiationRequest: s.initiationRequestSchema,
  PolicyChangeRequest: policyChangeRequestSchema,
  WhatIfRequest: whatIfRequestSchema,
  RollbackRequest: rollbackRequestSchema,
  ArrivalRequest: arrivalRequestSchema,
  PostHocReviewRequest: ph.postHocReviewRequestSchema,
  CreateAgentKeyRequest: ag.createAgentKeyRequestSchema,
  StartRunRequest: ag.startRunRequestSchema,
  HeartbeatRequest: ag.heartbeatRequestSchema,
  RunFailureRequest: ag.runFailureRequestSchema,
  AgentHandoffRequest: ag.agentHandoffRequestSchema,
  AgentDraftRequest: ag.agentDraftRequestSchema,
  ExecutionReport: ag.executionReportSchema,
};

function componentSchemas(schemas: Record<string, z.ZodMiniType>, io: 'input' | 'output') {
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
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});

const actor = { $ref: '#/components/parameters/Actor' };
const idempotency = { $ref: '#/components/parameters/IdempotencyKey' };

/** Each component schema's name, so an operation refers to it rather than repeating it. */
const componentIds = new Map<z.ZodMiniType, string>(
  [...Object.entries(responses), ...Object.entries(requests)].map(([id, schema]) => [schema, id]),
);

function jsonSchema(schema: z.ZodMiniType, io: 'input' | 'output'): object {
  const id = componentIds.get(schema);
  if (id) return ref(id);
  const out = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });
  delete (out as { $schema?: string }).$schema;
  return out;
}

type Property = { type?: string; description?: string };

/** One parameter per field of a path or query schema; lists are comma-separated. */
function parameters(schema: z.ZodMiniObject | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const { properties = {}, required = [] } = jsonSchema(schema, 'input') as {
    properties?: Record<string, Property>;
    required?: string[];
  };
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: where,
    ...(where === 'path' || required.includes(name) ? { required: true } : {}),
    ...(property.type === 'array' ? { style: 'form', explode: false } : {}),
    ...(property.description ? { description: property.description } : {}),
    schema: property,
  }));
}

function success(op: Operation) {
  if (op.events)
    return {
      description: op.description,
      content: { 'text/event-stream': { schema: { type: 'string' } } },
      'x-event-schema': jsonSchema(op.events, 'output'),
    };
  if (!op.response) return { description: op.description };
  return {
    description: op.description,
    content: { 'application/json': { schema: jsonSchema(op.response, 'output') } },
  };
}

const callers = (op: Operation) => op.principals ?? ['person'];

function operationObject(op: Operation) {
  const who = callers(op);
  return {
    summary: op.summary,
    ...(who.includes('agent')
      ? {
          security: [{ agentKey: [] }, ...(who.includes('person') ? [{ session: [] }] : [])],
          'x-callers': who,
        }
      : {}),
    parameters: [
      ...(who.includes('person') ? [actor] : []),
      ...(op.write ? [idempotency] : []),
      ...parameters(op.params, 'path'),
      ...parameters(op.query, 'query'),
    ],
    ...(op.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(op.body, 'input') } },
          },
        }
      : {}),
    responses: {
      [String(op.status ?? 200)]: success(op),
      ...Object.fromEntries(
        Object.entries(op.problems).map(([status, description]) => [
          status,
          problem(description ?? ''),
        ]),
      ),
    },
  };
}

/** The document's paths, one entry per operation of the table. */
function documentPaths() {
  const out: Record<string, Record<string, ReturnType<typeof operationObject>>> = {};
  for (const [, op] of operationEntries) {
    out[op.path] ??= {};
    out[op.path]![op.method.toLowerCase()] = operationObject(op);
  }
  return out;
}

export function buildOpenApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Handoff Desk API',
      version: '1.0.0',
      description:
        'The contract between Handoff Desk and any backend. People sign in (POST /session, or ' +
        'the identity provider) and a session cookie says who acts; a browser write also carries ' +
        `${CLIENT_HEADER} and a same-origin Origin. The in-browser demo and a server started ` +
        `with --insecure-actor-header take the actor from ${ACTOR_HEADER} instead. Every write ` +
        `carries ${IDEMPOTENCY_HEADER} and the version it was made on. Agents call the ` +
        'operations marked with the `agentKey` security scheme with `Authorization: Bearer hd_…`, ' +
        'a key a lead issues (POST /agent-keys). ' +
        'Errors are RFC 9457 problem documents.',
    },
    servers: [{ url: '/api' }],
    paths: documentPaths(),
    components: {
      securitySchemes: {
        agentKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'An agent’s API key (hd_…), issued by a lead; shown once, stored hashed.',
        },
        session: { type: 'apiKey', in: 'cookie', name: 'handoff-desk-session' },
      },
      parameters: {
        Actor: {
          name: ACTOR_HEADER,
          in: 'header',
          required: false,
          description:
            'Who acts, in the demo and on a server started with --insecure-actor-header only.',
          schema: { type: 'string' },
        },
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
