import {
  type BatchDecisionRequest,
  type BatchItemResult,
  batchDecisionRequestSchema,
  MAX_BATCH_ITEMS,
} from '../../../src/api/batch-schemas';
import type {
  AuditEvent,
  Decision,
  Handoff,
  Problem,
  User,
} from '../../../src/api/handoff-schemas';
import { makeProblem } from '../../../src/api/problem';
import { optionsInForce } from '../../../src/domain/options';
import { draftOf } from '../../../src/domain/similarity';
import { applyDecision } from '../handoffs/decide';
import type { ApiReply } from '../http-types';
import { invalid, ok, on, type Route } from '../route-kit';
import { bodyDigest } from '../security/cursor-seal';
import type { BackendServices, RouteGroup } from '../services';
import { rerouteItem } from '../teams/routes';
import { SimilarityIndex } from './similarity-index';

/*
 * Batch review: the items waiting for a decision in groups of alike ones, and one decision
 * over many items. The batch is a convenience for the reviewer, never a way around a rule:
 * every item is checked on its own exactly as a single decision is (version, holder,
 * authority, hard stops, options, stale drafts) and what needs individual attention is left
 * out with its reason. Each item's result is remembered under the batch id, so a retry after
 * a lost reply (with the same idempotency key or a new one) applies nothing twice.
 */

export const batchRoutes: RouteGroup = (s): Route[] => {
  // Kept across requests and brought up to date with the writes; a reset world starts over.
  const index = new SimilarityIndex();
  return [
    on('listSimilarGroups', ({ user, query }) => ok(index.groups(s.world, query, user, s.clock()))),
    on('decideBatch', ({ user, json }) => {
      const parsed = batchDecisionRequestSchema.safeParse(json);
      if (!parsed.success) {
        return invalid(
          parsed.error,
          `A batch holds between 1 and ${MAX_BATCH_ITEMS} items, each with its id and version.`,
        );
      }
      return decideBatch(s, user, parsed.data);
    }),
  ];
};

/* ---------- one decision over many items ---------- */

const problemWithout = ({ current: _current, ...rest }: Problem) => rest;

/** A refusal that lists what the item's single decision would have asked for. */
function reasonOf(problem: Problem): Problem {
  if (problem.code !== 'validation' || !problem.errors?.length) return problem;
  return {
    ...problem,
    detail: `Decide this item on its own: ${problem.errors.map((e) => e.message).join(' ')}`,
  };
}

export function decideBatch(s: BackendServices, user: User, body: BatchDecisionRequest): ApiReply {
  const share = Math.floor(body.timeOnBatchMs / body.items.length);
  const fingerprint = bodyDigest(JSON.stringify(body.decision));
  // Every audit event this batch writes carries its id.
  // The last event written, for the item's result.
  const written: { event: AuditEvent | null } = { event: null };
  const batchServices: BackendServices = Object.create(s, {
    record: {
      value: ((h, actor, action, outcome, extra = {}) => {
        written.event = s.record(h, actor, action, outcome, { ...extra, batchId: body.batchId });
        return written.event;
      }) satisfies BackendServices['record'],
    },
  });
  const listed = new Set<string>();
  const results: BatchItemResult[] = body.items.map(({ id, version }) => {
    const key = `batch-item ${user.id} ${body.batchId} ${id}`;
    const earlier = s.world.remembered(key);
    if (earlier) {
      if (earlier.fingerprint !== fingerprint) {
        return left(
          id,
          makeProblem(
            'idempotency_mismatch',
            'This batch already decided this item another way; use a new batch id.',
          ),
        );
      }
      return { ...(earlier.body as BatchItemResult), replayed: true };
    }
    if (listed.has(id)) {
      return left(id, makeProblem('validation', 'This item is listed twice in the batch.'));
    }
    listed.add(id);
    written.event = null;
    const result = decideOne(batchServices, user, body, id, version, share, written);
    s.world.remember(key, { fingerprint, status: 200, body: result, at: s.clock() });
    return result;
  });
  const count = (outcome: BatchItemResult['outcome']) =>
    results.filter((r) => r.outcome === outcome).length;
  return ok({
    batchId: body.batchId,
    results,
    applied: count('applied'),
    refused: count('refused'),
    conflicts: count('conflict'),
  });
}

function left(id: string, problem: Problem, h?: Handoff): BatchItemResult {
  const conflict = problem.code === 'version_conflict' || problem.code === 'not_claimant';
  return {
    id,
    outcome: conflict ? 'conflict' : 'refused',
    problem: problemWithout(reasonOf(problem)),
    version: h?.version ?? null,
    status: h?.status ?? null,
    eventId: null,
    replayed: false,
  };
}

function decideOne(
  s: BackendServices,
  user: User,
  body: BatchDecisionRequest,
  id: string,
  version: number,
  timeOnItemMs: number,
  written: { event: AuditEvent | null },
): BatchItemResult {
  const h = s.world.handoffs.get(id);
  if (!h) return left(id, makeProblem('not_found', `No handoff with id "${id}".`));
  const common = { version, timeOnItemMs, acknowledgedFlags: [] };
  const { decision } = body;
  if (decision.action === 'reroute') {
    // The same checks and audit as a single re-route: membership, authority, version, team.
    const reply = rerouteItem(s, user, h, {
      version,
      teamId: decision.teamId,
      reason: decision.reason,
    });
    if (reply.status !== 200) return left(id, reply.body as Problem, s.world.handoffs.get(id));
    const moved = reply.body as Handoff;
    return {
      id,
      outcome: 'applied',
      problem: null,
      version: moved.version,
      status: moved.status,
      eventId: written.event?.id ?? null,
      replayed: false,
    };
  }
  let single: Decision;
  if (decision.action === 'approve') {
    // Someone's edit is a different reply from the one the group shares.
    if (h.workingDraft && h.workingDraft.text !== draftOf(h)) {
      return left(
        id,
        makeProblem(
          'validation',
          `Decide this item on its own: ${h.workingDraft.by.name} edited its draft.`,
        ),
        h,
      );
    }
    const options = optionsInForce(h);
    const only = options.length === 1 ? options[0]!.id : null;
    single = {
      ...common,
      action: 'approve',
      finalText: draftOf(h),
      selectedOptionId: only,
      // The batch confirms no customer message: an item with one newer than its draft is stale.
      seenCustomerMessageAt: null,
    };
  } else if (decision.action === 'reject') {
    single = { ...common, action: 'reject', reason: decision.reason };
  } else {
    single = { ...common, ...decision };
  }
  const reply = applyDecision(s, user, single, h);
  if (reply.status !== 200) return left(id, reply.body as Problem, s.world.handoffs.get(id));
  const done = reply.body as { handoff: Handoff; event: { id: string } };
  return {
    id,
    outcome: 'applied',
    problem: null,
    version: done.handoff.version,
    status: done.handoff.status,
    eventId: done.event.id,
    replayed: false,
  };
}
