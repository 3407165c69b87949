import { bytesToHex, randomBytes } from '@noble/hashes/utils.js';
import type { z } from 'zod/mini';
import {
  type AgentHandoffRequest,
  agentDraftRequestSchema,
  agentHandoffRequestSchema,
  createAgentKeyRequestSchema,
  DEFAULT_LEASE_SECONDS,
  executionReportSchema,
  heartbeatRequestSchema,
  runFailureRequestSchema,
  startRunRequestSchema,
} from '../../../src/api/agent-schemas';
import type { ArrivalTicket } from '../../../src/api/arrival-schemas';
import type { Handoff, Step, User } from '../../../src/api/handoff-schemas';
import { makeProblem } from '../../../src/api/problem';
import { recordKeyChange } from '../audit/access-entries';
import type { ApiReply } from '../http-types';
import { ingestTicket } from '../policy/ingest';
import {
  type AgentPrincipal,
  agentActor,
  agentNameOf,
  isAgent,
  type Principal,
} from '../principal';
import {
  holderOf,
  invalid,
  notFound,
  ok,
  on,
  personOf,
  problemReply,
  type Route,
} from '../route-kit';
import { ANY_ITEM, type BackendServices, SYSTEM_ACTOR } from '../services';
import { issueKey, listKeys, nameInUse, revokeKey } from './keys';
import { isFinalOutcome, latestOutcome, pendingRedirectsOf } from './outcome';
import { allRuns, getRun, leaseUntil, putRun, runView, type StoredRun, takenOver } from './runs';

/*
 * The agent API: keys (issued by leads), runs under leases, handoffs from agents and their
 * outcomes, answers to redirects and execution reports. Everything an agent writes is audited
 * under its name.
 */

const KEY_MANAGERS = new Set(['lead', 'executive']);

const forbidden = (detail: string) => problemReply(makeProblem('forbidden', detail));

function refuseNonLead(user: User): ApiReply | null {
  return KEY_MANAGERS.has(user.role) ? null : forbidden('Only leads manage agent keys.');
}

const agentOf = (p: Principal) => p as AgentPrincipal;

/** The agent that owns an item: the one whose draft it first was. */
export const ownerOf = (h: Handoff) => agentNameOf(h.drafts[0]!.author);

class Refused {
  constructor(readonly reply: ApiReply) {}
}

/** The body parsed with the schema, or the 422 with a pointer per field. */
function parse<S extends z.ZodMiniType>(schema: S, json: unknown): z.output<S> | Refused {
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : new Refused(invalid(parsed.error));
}

const isReply = (v: unknown): v is ApiReply =>
  typeof v === 'object' && v !== null && 'status' in v && 'body' in v && !('id' in v);

/** The item, if the caller may act on it (a person, or the agent that owns it), or the problem. */
function ownItem(s: BackendServices, id: string, p: Principal): Handoff | ApiReply {
  const h = s.world.handoffs.get(id);
  if (!h) return notFound(id);
  if (isAgent(p) && ownerOf(h) !== p.name) return forbidden(`Handoff ${id} is not this agent’s.`);
  return h;
}

/** An agent's write to one of its items: the body as the schema reads it, and the item. */
function ownItemWrite<S extends z.ZodMiniType>(
  s: BackendServices,
  schema: S,
  json: unknown,
  id: string,
  p: Principal,
): { body: z.output<S>; h: Handoff } | Refused {
  const body = parse(schema, json);
  if (body instanceof Refused) return body;
  const h = ownItem(s, id, p);
  return isReply(h) ? new Refused(h) : { body, h };
}

/** The run, if this agent may still work on it, or the problem to answer. */
function liveRun(s: BackendServices, id: string, agent: AgentPrincipal): StoredRun | ApiReply {
  const run = getRun(s.world, id);
  if (!run) return problemReply(makeProblem('not_found', `No run with id "${id}".`));
  if (run.agent.name !== agent.name) return forbidden(`Run ${id} belongs to another agent.`);
  return refuseEnded(s, run) ?? run;
}

/** A run that may still renew its lease, or the 409 that says why not. */
function refuseEnded(s: BackendServices, run: StoredRun): ApiReply | null {
  if (run.status === 'working' || run.status === 'waiting') return null;
  if (run.status === 'finished') {
    return problemReply(makeProblem('illegal_transition', `Run ${run.id} has already finished.`));
  }
  const h = run.handoffId ? s.world.handoffs.get(run.handoffId) : undefined;
  const ended = run.status === 'lost' ? 'was declared lost' : 'failed';
  const detail =
    h && takenOver(h)
      ? `Run ${run.id} ${ended} (${run.diagnosis}) and ${h.assignee?.name ?? 'a person'} took ticket #${h.ticket.number} over; stop working on it.`
      : `Run ${run.id} ${ended} (${run.diagnosis}); ticket ${h ? `#${h.ticket.number} waits for a person as ${h.id}` : 'waits for a person'}. Stop working on it.`;
  return problemReply(makeProblem('run_taken_over', detail));
}

const ticketOf = (h: Handoff): ArrivalTicket => {
  const { id: _id, number: _n, receivedAt: _r, followUps: _f, ...ticket } = h.ticket;
  return ticket;
};

/**
 * Opens the failed handoff a person picks up when an agent's work stops: from the run's ticket
 * (no handoff yet), or by failing the item the agent was revising.
 */
export function failRunWork(
  s: BackendServices,
  run: StoredRun,
  diagnosis: string,
  by: 'agent' | 'system',
): Handoff | null {
  const actor = by === 'agent' ? agentActor(run.agent) : SYSTEM_ACTOR;
  const action = by === 'agent' ? 'failed' : 'agent_lost';
  const why = { reason: diagnosis, rule: 'task_failure' as const, confidence: null };
  const h = run.handoffId ? s.world.handoffs.get(run.handoffId) : undefined;
  if (h) {
    if (h.status === 'redirected') {
      const failed = s.move(h, 'ai_failed', { context: { ...h.context, diagnosis } });
      s.record(failed, actor, action, `${diagnosis}; the item needs a person`, { why });
      return failed;
    }
    // Still with a person, or decided: the trail says the agent is gone.
    s.record(h, actor, action, diagnosis, { why });
    return s.world.handoffs.get(h.id) ?? h;
  }
  if (!run.ticket) return null;
  const { handoff } = ingestTicket(s, {
    ticket: run.ticket,
    ai: { draft: '', confidence: 0, diagnosis },
    author: agentActor(run.agent),
    actions: [],
    failed: true,
    createdOutcome: `${run.agent.name} picked up the ticket; could not finish`,
    nextAction: 'The agent could not finish: take the ticket over and answer it yourself.',
  });
  s.record(handoff, actor, action, `${diagnosis}; the ticket needs a person`, { why });
  return s.world.handoffs.get(handoff.id) ?? handoff;
}

const stepsOf = (id: string, steps: AgentHandoffRequest['steps'], at: string): Step[] =>
  (steps ?? []).map((step, i) => ({
    id: `${id}-s${i + 1}`,
    type: step.type,
    summary: step.summary,
    outcome: step.outcome ?? 'ok',
    startedAt: step.startedAt ?? at,
    finishedAt: step.finishedAt ?? at,
  }));

const executionReported = (s: BackendServices, id: string) =>
  (s.world.events.get(id) ?? []).some(
    (e) => e.action === 'executed' || e.action === 'execution_failed',
  );

export const agentRoutes = (s: BackendServices): Route[] => {
  const leaseSeconds = () => s.options.leaseSeconds ?? DEFAULT_LEASE_SECONDS;
  return [
    on('listAgentKeys', ({ user }) => refuseNonLead(user) ?? ok({ items: listKeys(s.world) })),
    on('createAgentKey', ({ user, json }) => {
      const refused = refuseNonLead(user);
      if (refused) return refused;
      const body = parse(createAgentKeyRequestSchema, json);
      if (body instanceof Refused) return body.reply;
      if (nameInUse(s.world, body.name)) {
        const message = `A live key already belongs to an agent named “${body.name}”.`;
        return problemReply(
          makeProblem('validation', message, { errors: [{ pointer: '/name', message }] }),
        );
      }
      const { key, secret } = issueKey(s, body.name, holderOf(user));
      recordKeyChange(s, personOf(user), 'agent_key_issued', key);
      return ok({ ...key, secret }, 201);
    }),
    on('revokeAgentKey', ({ user, params: { id } }) => {
      const refused = refuseNonLead(user);
      if (refused) return refused;
      const done = revokeKey(s, id, holderOf(user));
      if (!done) return problemReply(makeProblem('not_found', `No agent key "${id}".`));
      if (done.revoked) recordKeyChange(s, personOf(user), 'agent_key_revoked', done.key);
      return ok(done.key);
    }),
    on('listAgentRuns', ({ query }) => {
      const runs = allRuns(s.world)
        .map((r) => runView(s.world, r))
        .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
      return ok({ items: runs.slice(0, query.limit ?? 100) });
    }),
    on('getAgentSelf', ({ principal }) => {
      const agent = agentOf(principal);
      return ok({ id: `agent:${agent.name}`, name: agent.name });
    }),
    on('startAgentRun', ({ principal, json }) => {
      const agent = agentOf(principal);
      const body = parse(startRunRequestSchema, json);
      if (body instanceof Refused) return body.reply;
      let subject = body.ticket?.subject ?? '';
      if (body.handoffId) {
        const h = ownItem(s, body.handoffId, principal);
        if (isReply(h)) return h;
        subject = h.ticket.subject;
      }
      const seconds = body.leaseSeconds ?? leaseSeconds();
      const now = s.now();
      const run: StoredRun = {
        id: `run-${bytesToHex(randomBytes(8))}`,
        agent: { id: `agent:${agent.name}`, name: agent.name },
        status: 'working',
        step: body.step,
        subject,
        handoffId: body.handoffId ?? null,
        leaseSeconds: seconds,
        leaseExpiresAt: leaseUntil(s, seconds),
        startedAt: now,
        lastHeartbeatAt: now,
        diagnosis: null,
        ticket: body.ticket ?? null,
      };
      putRun(s, run);
      return ok(runView(s.world, run), 201);
    }),
    on('heartbeatAgentRun', ({ principal, json, params: { id } }) => {
      const body = parse(heartbeatRequestSchema, json);
      if (body instanceof Refused) return body.reply;
      const run = liveRun(s, id, agentOf(principal));
      if (isReply(run)) return run;
      const next: StoredRun = {
        ...run,
        step: body.step ?? run.step,
        leaseExpiresAt: leaseUntil(s, run.leaseSeconds),
        lastHeartbeatAt: s.now(),
      };
      putRun(s, next);
      return ok(runView(s.world, next));
    }),
    on('failAgentRun', ({ principal, json, params: { id } }) => {
      const body = parse(runFailureRequestSchema, json);
      if (body instanceof Refused) return body.reply;
      const run = liveRun(s, id, agentOf(principal));
      if (isReply(run)) return run;
      const step = body.step ?? run.step;
      const diagnosis = `${body.diagnosis} (during ${step})`;
      const handoff = failRunWork(s, run, diagnosis, 'agent');
      const next: StoredRun = {
        ...run,
        status: 'failed',
        step,
        diagnosis,
        handoffId: handoff?.id ?? run.handoffId,
      };
      putRun(s, next);
      return ok({ run: runView(s.world, next), handoff });
    }),
    on('createAgentHandoff', ({ principal, json }) => {
      const agent = agentOf(principal);
      const body = parse(agentHandoffRequestSchema, json);
      if (body instanceof Refused) return body.reply;
      let run: StoredRun | undefined;
      if (body.runId) {
        const found = liveRun(s, body.runId, agent);
        if (isReply(found)) return found;
        if (found.handoffId) {
          return problemReply(
            makeProblem(
              'illegal_transition',
              `Run ${found.id} already handed off ${found.handoffId}.`,
            ),
          );
        }
        run = found;
      }
      const now = s.now();
      const ingested = ingestTicket(s, {
        ticket: body.ticket,
        ai: { draft: body.draft, confidence: body.confidence, options: body.options },
        author: agentActor(agent),
        actions: body.actions,
        nextAction: body.nextAction,
        steps: body.steps.length > 0 ? stepsOf('pending', body.steps, now) : undefined,
      });
      let handoff = ingested.handoff;
      if (body.steps.length > 0) {
        // Step ids follow the item's id, known only now.
        handoff = {
          ...handoff,
          context: { ...handoff.context, steps: stepsOf(handoff.id, body.steps, now) },
        };
        s.world.putHandoff(handoff);
      }
      if (run) {
        putRun(s, {
          ...run,
          status: 'waiting',
          step: 'waiting for review',
          handoffId: handoff.id,
          subject: body.ticket.subject,
          leaseExpiresAt: leaseUntil(s, run.leaseSeconds),
          lastHeartbeatAt: now,
        });
      }
      return ok({ handoff, route: ingested.route }, 201);
    }),
    on('getHandoffOutcome', async ({ principal, params: { id }, query }) => {
      const first = ownItem(s, id, principal);
      if (isReply(first)) return first;
      const since = query.since ?? 0;
      const deadline = s.clock() + (query.wait ?? 0) * 1000;
      for (;;) {
        const h = s.world.handoffs.get(id) ?? first;
        const outcome = latestOutcome(s.world, h, since);
        const left = deadline - s.clock();
        if (outcome || left <= 0) {
          return ok({
            handoffId: id,
            outcome,
            final: outcome ? isFinalOutcome(outcome) : false,
            version: h.version,
          });
        }
        await s.waitForChange(id, left);
      }
    }),
    on('listAgentRedirects', async ({ principal, query }) => {
      const agent = agentOf(principal);
      const deadline = s.clock() + (query.wait ?? 0) * 1000;
      let seen = s.world.revision;
      let items = pendingRedirectsOf(s.world, agent.name);
      for (;;) {
        const left = deadline - s.clock();
        if (items.length > 0 || left <= 0) return ok({ items });
        await s.waitForChange(ANY_ITEM, left);
        // None was pending when last looked, so only the items written since can be one now:
        // reading those, not the whole world, keeps a waiting agent off every write's path.
        const changed = s.world.changedSince(seen);
        seen = s.world.revision;
        items = pendingRedirectsOf(
          s.world,
          agent.name,
          changed === null
            ? s.world.handoffs.values()
            : changed.flatMap((id) => s.world.handoffs.get(id) ?? []),
        );
      }
    }),
    on('submitAgentDraft', ({ principal, json, params: { id } }) => {
      const write = ownItemWrite(s, agentDraftRequestSchema, json, id, principal);
      if (write instanceof Refused) return write.reply;
      const { body, h } = write;
      const agent = agentOf(principal);
      if (h.status !== 'redirected') {
        return problemReply(
          makeProblem(
            'illegal_transition',
            `The last decision on ${id} is not a redirect; there is nothing to answer.`,
            { current: h },
          ),
        );
      }
      if (body.inReplyTo !== h.version) {
        return problemReply(
          makeProblem(
            'version_conflict',
            `The redirect to answer produced version ${h.version}, not ${body.inReplyTo}.`,
            { current: h },
          ),
        );
      }
      const number = h.drafts.length + 1;
      const actor = agentActor(agent);
      // The reviewer's edit the redirect carried is what this version was revised from.
      const edit = h.workingDraft;
      const revised = s.move(h, 'ai_revised', {
        workingDraft: null,
        drafts: [
          ...h.drafts,
          {
            number,
            text: body.text,
            author: actor,
            createdAt: s.now(),
            note: body.note,
            actions: body.actions,
            ...(edit ? { revisedFrom: { text: edit.text, by: edit.by } } : {}),
          },
        ],
      });
      const redirectedBy = h.assignee?.name ?? 'the reviewer';
      s.record(
        revised,
        actor,
        'draft_revised',
        `Draft ${number} written from ${redirectedBy}’s instructions`,
        {
          why: { reason: body.note, rule: null, confidence: h.context.confidence },
        },
      );
      return ok(revised, 201);
    }),
    on('reportExecution', ({ principal, json, params: { id } }) => {
      const write = ownItemWrite(s, executionReportSchema, json, id, principal);
      if (write instanceof Refused) return write.reply;
      const { body, h } = write;
      const agent = agentOf(principal);
      if (h.status !== 'approved' && h.status !== 'auto_approved') {
        return problemReply(
          makeProblem('illegal_transition', `${id} is not approved; there is nothing to execute.`, {
            current: h,
          }),
        );
      }
      if (executionReported(s, id)) {
        return problemReply(
          makeProblem('illegal_transition', `The execution of ${id} was already reported.`, {
            current: h,
          }),
        );
      }
      const actor = agentActor(agent);
      const actions = h.outcome?.finalActions ?? h.drafts.at(-1)!.actions;
      const run = allRuns(s.world).findLast((r) => r.handoffId === id);
      if (run && (run.status === 'working' || run.status === 'waiting')) {
        putRun(s, { ...run, status: 'finished', step: `execution ${body.status}` });
      }
      if (body.status === 'applied') {
        s.record(
          h,
          actor,
          'executed',
          body.detail ? `Executed: ${body.detail}` : 'Executed as approved',
        );
        return ok({ handoff: s.world.handoffs.get(id) ?? h, failedHandoff: null });
      }
      const diagnosis = `Executing the approved decision on ${id} failed: ${body.detail}`;
      s.record(h, actor, 'execution_failed', diagnosis, {
        why: { reason: body.detail, rule: 'task_failure', confidence: null },
      });
      const { handoff: failed } = ingestTicket(s, {
        ticket: ticketOf(h),
        ai: {
          draft: h.outcome?.finalText ?? h.drafts.at(-1)!.text,
          confidence: h.context.confidence,
          diagnosis,
        },
        author: actor,
        actions,
        failed: true,
        createdOutcome: `${agent.name} could not execute the approved decision on ${id}`,
        nextAction:
          'The approved decision was not carried out: check what happened and finish it by hand.',
      });
      return ok({
        handoff: s.world.handoffs.get(id) ?? h,
        failedHandoff: s.world.handoffs.get(failed.id) ?? failed,
      });
    }),
  ];
};
