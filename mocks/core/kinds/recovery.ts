import {
  type ClaimRequest,
  claimRequestSchema,
  type Handoff,
  type ReassignRequest,
  reassignRequestSchema,
  type User,
} from '../../../src/api/handoff-schemas';
import { makeProblem } from '../../../src/api/problem';
import { actionsFromText } from '../../../src/domain/actions';
import { AI_ACTOR } from '../../../src/domain/actors';
import { hasAuthorityOver, levelLabels } from '../../../src/domain/levels';
import { amountsOnItem } from '../../../src/domain/text-guard';
import { retryTask } from '../../ai/recover';
import type { ApiReply } from '../http-types';
import { refuseWrite } from '../item-write';
import { holderOf, ok, on, personOf, problemReply, type Route, withItem } from '../route-kit';
import type { BackendServices } from '../services';

/*
 * AI failure mid-task (seed: "plan for failures"): the failed item carries the diagnosis and
 * the last good step; a reviewer retries it, takes it over (see ./override) or hands it to
 * another level or person. The AI answers a retry at once and deterministically.
 */
export const recoveryRoutes = (s: BackendServices): Route[] => [
  on('retryHandoff', ({ user, json, params: { id } }) =>
    withItem<ClaimRequest>(s, claimRequestSchema, json, id, (body, h) => retry(s, user, body, h)),
  ),
  on('reassignHandoff', ({ user, json, params: { id } }) =>
    withItem<ReassignRequest>(s, reassignRequestSchema, json, id, (body, h) =>
      reassign(s, user, body, h),
    ),
  ),
];

function retry(s: BackendServices, user: User, body: ClaimRequest, h: Handoff): ApiReply {
  const refused = refuseTakingOn(s, user, h, body.version, 'retry');
  if (refused) return refused;
  const actor = personOf(user);
  const why = { reason: h.context.diagnosis, rule: null, confidence: h.context.confidence };
  const working = s.move(h, 'retry', { assignee: null });
  s.record(working, actor, 'retried', `${user.name} asked the AI to try again`, { why });
  const attempt = (s.world.events.get(h.id) ?? []).filter((e) => e.action === 'retried').length;
  const result = retryTask(h, attempt, s.now());
  const steps = [...h.context.steps, result.step];

  if (!result.ok) {
    const failed = s.move(working, 'ai_failed', {
      context: { ...h.context, steps, diagnosis: result.diagnosis },
    });
    s.record(failed, AI_ACTOR, 'failed', `Failed again on retry ${attempt}; needs a person`, {
      why: { ...why, rule: 'task_failure' },
    });
    return ok(failed);
  }
  const number = h.drafts.length + 1;
  const finished = s.move(working, 'ai_finished', {
    drafts: [
      ...h.drafts,
      {
        number,
        text: result.draft,
        author: AI_ACTOR,
        createdAt: s.now(),
        note: `Retry ${attempt}`,
        actions: actionsFromText(result.draft, amountsOnItem(h)),
      },
    ],
    context: {
      ...h.context,
      steps,
      diagnosis: null,
      nextAction: 'The AI finished on retry: check the new draft, then approve, edit or redirect.',
    },
  });
  s.record(
    finished,
    AI_ACTOR,
    'draft_revised',
    `Finished on retry ${attempt}: draft ${number} ready`,
    {
      why,
    },
  );
  // The person who asked for the retry is waiting for it: it comes back to them.
  const back = s.move(finished, 'claim', { assignee: holderOf(user) });
  s.record(back, actor, 'claimed', `Back with ${user.name}, who asked for the retry`);
  return ok(back);
}

function reassign(s: BackendServices, user: User, body: ReassignRequest, h: Handoff): ApiReply {
  const refused = refuseTakingOn(s, user, h, body.version, 'reassign');
  if (refused) return refused;
  const actor = personOf(user);
  const why = { reason: body.note, rule: null, confidence: h.context.confidence };

  if (body.level) {
    if (body.level === h.level) {
      return fieldProblem('/level', `The item is already at ${levelLabels[h.level]}.`);
    }
    const next = s.move(h, 'reassign', {
      level: body.level,
      assignee: null,
      escalation: { by: actor, at: s.now(), fromLevel: h.level, note: body.note },
    });
    s.record(
      next,
      actor,
      'reassigned',
      `Reassigned to ${levelLabels[body.level]} by ${user.name}`,
      {
        why,
      },
    );
    return ok(next);
  }

  const person = s.world.users.get(body.assigneeId ?? '');
  if (!person) return fieldProblem('/assigneeId', `No person with id "${body.assigneeId}".`);
  if (!hasAuthorityOver(person.level, h.level)) {
    return fieldProblem(
      '/assigneeId',
      `${person.name} (${levelLabels[person.level]}) cannot act on items at ${levelLabels[h.level]}.`,
    );
  }
  const next = s.move(h, 'claim', { assignee: holderOf(person) });
  s.record(next, actor, 'reassigned', `Reassigned to ${person.name} by ${user.name}`, { why });
  return ok(next);
}

/**
 * Retrying and reassigning both take the item on: refused as a claim would be (a stale version,
 * too little authority, another team's item, a status the move cannot leave), else null.
 */
const refuseTakingOn = (
  s: BackendServices,
  user: User,
  h: Handoff,
  version: number,
  event: 'retry' | 'reassign',
) => refuseWrite(s, h, user, { version, authority: 'claim', event });

const fieldProblem = (pointer: string, message: string) =>
  problemReply(makeProblem('validation', message, { errors: [{ pointer, message }] }));
