import {
  type Handoff,
  type InitiationRequest,
  initiationRequestSchema,
  type Step,
  type User,
} from '../../../src/api/handoff-schemas';
import { makeProblem } from '../../../src/api/problem';
import { actionsFromText } from '../../../src/domain/actions';
import { AI_ACTOR } from '../../../src/domain/actors';
import { evaluateRules } from '../../../src/domain/rules';
import { amountsOnItem } from '../../../src/domain/text-guard';
import { draftForTask } from '../../ai/recover';
import { slaMs } from '../../seed/schedule';
import type { ApiReply } from '../http-types';
import { policyInForce } from '../policy/store';
import { holderOf, invalid, ok, on, personOf, problemReply, type Route } from '../route-kit';
import type { BackendServices } from '../services';

/*
 * Initiation (seed: "human → AI"): a reviewer hands the AI a task about a ticket, e.g. "draft
 * a follow-up to #4521 saying the refund went through". The AI works (at once, in the demo)
 * and the result comes back as a new item in the queue, held by the person who asked, with
 * every step in its audit trail.
 */
export const initiationRoutes = (s: BackendServices): Route[] => [
  on('initiateHandoff', ({ user, json }) => {
    const parsed = initiationRequestSchema.safeParse(json);
    if (!parsed.success) return invalid(parsed.error);
    return initiate(s, user, parsed.data);
  }),
];

function initiate(s: BackendServices, user: User, body: InitiationRequest): ApiReply {
  const source = s.world.handoffs.get(body.sourceId);
  if (!source) {
    const message = `No handoff with id "${body.sourceId}".`;
    return problemReply(
      makeProblem('validation', message, { errors: [{ pointer: '/sourceId', message }] }),
    );
  }
  const at = s.now();
  const id = nextId(s, source.id);
  const { ticket } = source;
  const text = draftForTask(source, body.instructions);
  const confidence = 0.8;
  const step = (n: number, type: Step['type'], summary: string): Step => ({
    id: `${id}-s${n}`,
    type,
    summary,
    startedAt: at,
    finishedAt: at,
    outcome: 'ok',
  });
  const steps = [
    step(1, 'retrieve', `Read ticket #${ticket.number} and the latest reply on it`),
    step(2, 'draft', `Drafted a reply from ${user.name}’s instructions`),
  ];
  const policy = policyInForce(s);
  const created: Handoff = {
    id,
    kind: 'initiation',
    status: 'ai_working',
    ticket,
    context: {
      steps,
      confidence,
      flags: evaluateRules(ticket, { confidence, options: [], diagnosis: null }, policy.rules),
      options: [],
      nextAction: 'Check the draft follows your instructions, then approve, edit or redirect it.',
      diagnosis: null,
    },
    level: user.level,
    // The task stays with the team that holds its ticket.
    team: source.team,
    assignee: null,
    dueAt: new Date(s.clock() + slaMs[ticket.urgency]).toISOString(),
    gate: null,
    version: 1,
    policyVersion: policy.version,
    // A person asked for this draft and reviews it: it is never drawn for post-hoc review.
    sampledForReview: false,
    drafts: [
      {
        number: 1,
        text,
        author: AI_ACTOR,
        createdAt: at,
        note: `Task from ${user.name}: “${body.instructions}”`,
        actions: actionsFromText(text, amountsOnItem(source)),
      },
    ],
    workingDraft: null,
    selectedOptionId: null,
    outcome: null,
    escalation: null,
    createdAt: at,
    updatedAt: at,
  };
  s.world.putHandoff(created);
  const why = { reason: body.instructions, rule: null, confidence: null };
  s.record(
    created,
    personOf(user),
    'initiated',
    `${user.name} handed the AI a task about ticket #${ticket.number} (from ${source.id})`,
    { why },
  );
  const finished = s.move(created, 'ai_finished');
  s.record(finished, AI_ACTOR, 'draft_revised', 'Draft 1 written from the instructions', {
    why: { ...why, confidence },
  });
  const back = s.move(finished, 'claim', { assignee: holderOf(user) });
  s.record(back, personOf(user), 'claimed', `Back with ${user.name}, who asked for it`);
  return ok(back, 201);
}

/** `h-4521-t1`, `h-4521-t2`…: readable, and stable for the same sequence of requests. */
function nextId(s: BackendServices, sourceId: string): string {
  const root = sourceId.replace(/-t\d+$/, '');
  let n = 1;
  while (s.world.handoffs.has(`${root}-t${n}`)) n += 1;
  return `${root}-t${n}`;
}
