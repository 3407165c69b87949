import type { ProposedAction } from '../../../src/api/action-schemas';
import type { ArrivalAi, ArrivalTicket } from '../../../src/api/arrival-schemas';
import type {
  Actor,
  Gate,
  Handoff,
  HandoffKind,
  RuleFlag,
  Step,
  Ticket,
} from '../../../src/api/handoff-schemas';
import type { RoutingPolicy } from '../../../src/api/routing-policy-schemas';
import type { RouteDecision } from '../../../src/api/what-if-schemas';
import { actionsFromText, commitmentsOfActions } from '../../../src/domain/actions';
import { AI_ACTOR } from '../../../src/domain/actors';
import { ruleConfig } from '../../../src/domain/default-policy';
import { flagRuleInfo } from '../../../src/domain/flags';
import { newGate } from '../../../src/domain/gates';
import { levelLabels } from '../../../src/domain/levels';
import { promisesToRoute } from '../../../src/domain/promises';
import { routeItem } from '../../../src/domain/routing';
import { evaluateRules } from '../../../src/domain/rules';
import { amountsOnItem } from '../../../src/domain/text-guard';
import { stableDraw } from '../../../src/domain/traffic';
import { nextActionFor } from '../../seed/next-action';
import { slaMs } from '../../seed/schedule';
import type { BackendServices } from '../services';
import { teamFor } from '../teams/store';
import { ladderInForce, policyInForce } from './store';

/*
 * A new ticket arrives with the AI's work on it: the rules table raises its flags and the
 * routing policy in force decides whether a person sees it first. This is the same decision
 * the what-if replays (routeItem over the same flags, commitments and post-hoc draw), so a
 * lead's preview is what the policy then does.
 */

/**
 * One arrival. `ticket` is the customer's message without the ids the desk gives it;
 * `ai` is the AI's reply, its confidence (0–1), any options it weighed and, when it could not
 * finish, its diagnosis. `receivedAt` defaults to now.
 */
export interface ArrivalInput {
  ticket: ArrivalTicket;
  ai: { draft: string; confidence: number } & Partial<Pick<ArrivalAi, 'options' | 'diagnosis'>>;
  receivedAt?: string;
  /** Who drafted it: the built-in AI unless an agent handed it off. */
  author?: Actor;
  /** What the draft proposes to do; read from its text when not given. */
  actions?: ProposedAction[];
  /** The agent's own steps and next action, when it sends them. */
  steps?: Step[];
  nextAction?: string;
  /** The work could not be finished (an agent failed or stopped): a person must pick it up. */
  failed?: boolean;
  /** The created event's outcome, when the usual "Drafted a reply; routed to …" is not it. */
  createdOutcome?: string;
}

export interface Ingested {
  handoff: Handoff;
  route: RouteDecision;
}

const RULES_ACTOR: Actor = { type: 'system', id: 'rules', name: 'Escalation rules' };
const ROUTER_ACTOR: Actor = { type: 'system', id: 'router', name: 'Confidence router' };

/**
 * Routes one arrival under the current policy and adds it to the world, audited: a pending
 * handoff at the routed level (created, then one 'flagged' event per rule that fired), or an
 * item the AI sent itself (created, then 'auto_approved' naming confidence and threshold),
 * marked when it was drawn for post-hoc review. Call inside a serialised write or job.
 */
export function ingestTicket(s: BackendServices, input: ArrivalInput): Ingested {
  const policy = policyInForce(s);
  const now = s.now();
  const number = nextTicketNumber(s);
  const id = `h-${number}`;
  const ticket: Ticket = {
    ...input.ticket,
    id: `t-${number}`,
    number,
    receivedAt: input.receivedAt ?? now,
  };
  const options = (input.ai.options ?? []).map((o, i) => ({ id: `${id}-o${i + 1}`, ...o }));
  const diagnosis = input.ai.diagnosis ?? null;
  const { confidence, draft } = input.ai;

  const flags = evaluateRules(ticket, { confidence, options, diagnosis }, policy.rules, {
    customerTicketTimes: ticketTimesOf(s, ticket.customer.id),
  });
  // As the what-if reads an item: from the AI's first draft and options, by the item's own draw.
  // An agent's proposed actions count as well, beside the draft and beside each option (a person
  // who keeps the first option approves them as proposed): the higher stake routes.
  const promised = promisesToRoute(draft, options);
  const proposed = input.actions ? commitmentsOfActions(input.actions) : [];
  const route = routeItem(
    {
      category: ticket.category,
      confidence,
      flags,
      commitments: [...promised.commitments, ...proposed],
      choices: promised.choices.map((choice) => [...choice, ...proposed]),
      random01: stableDraw(id),
    },
    policy,
    { ladder: ladderInForce },
  );
  const failed = input.failed === true;
  const human = failed || route.route === 'human_review';
  const created: Handoff = {
    id,
    kind: human ? kindFor(flags, diagnosis) : 'completion',
    status: failed ? 'failed' : human ? 'pending' : 'ai_working',
    ticket,
    context: {
      steps: input.steps ?? stepsFor(id, ticket, confidence, flags, policy, now),
      confidence,
      flags,
      options,
      nextAction: input.nextAction ?? nextActionFor(flags, human ? 'pending' : 'ai_working', null),
      diagnosis,
    },
    // Failed work goes to a person even where the policy would let the AI send it.
    level: failed && route.level === 'ai' ? 'l1' : route.level,
    assignee: null,
    dueAt: new Date(s.clock() + slaMs[ticket.urgency]).toISOString(),
    gate: human && !failed ? gateFor(route, s.clock()) : null,
    version: 1,
    drafts: [
      {
        number: 1,
        text: draft,
        author: input.author ?? AI_ACTOR,
        createdAt: now,
        note: 'First draft',
        actions:
          input.actions ??
          actionsFromText(draft, amountsOnItem({ ticket, context: { steps: [] } })),
      },
    ],
    workingDraft: null,
    selectedOptionId: null,
    outcome: null,
    escalation: null,
    policyVersion: policy.version,
    sampledForReview: route.route === 'auto_approve_sampled',
    team: human ? teamFor(s, { ticket, context: { flags } }) : null,
    createdAt: now,
    updatedAt: now,
  };
  s.world.putHandoff(created);
  const reason = route.reasons.join(' ');
  s.record(
    created,
    input.author ?? AI_ACTOR,
    'created',
    input.createdOutcome ??
      (human
        ? `Drafted a reply; routed to ${levelLabels[route.level]}${created.team ? ` in ${created.team.teamName}` : ''} under policy v${policy.version}`
        : `Drafted a reply; checking it against policy v${policy.version}`),
    { why: { reason, rule: null, confidence } },
  );
  for (const flag of flags) {
    s.record(created, RULES_ACTOR, 'flagged', flag.message, {
      why: {
        reason: `${flagRuleInfo[flag.rule].label} rule v${flag.ruleVersion}: ${flag.response.replace(/_/g, ' ')}`,
        rule: flag.rule,
        confidence: flag.rule === 'low_confidence' ? confidence : null,
      },
    });
  }
  if (human) return { handoff: created, route };

  const sent = s.move(created, 'auto_approve', {
    outcome: {
      action: 'approve',
      by: ROUTER_ACTOR,
      at: now,
      edited: false,
      finalText: draft,
      reason: null,
      ...(input.actions ? { finalActions: input.actions } : {}),
    },
  });
  s.record(
    sent,
    ROUTER_ACTOR,
    'auto_approved',
    sent.sampledForReview
      ? `Sent without review under policy v${policy.version}; drawn for post-hoc review`
      : `Sent without review under policy v${policy.version}`,
    { why: { reason, rule: null, confidence } },
  );
  return { handoff: sent, route };
}

/** One past the highest ticket number in the world, so numbers keep rising with arrivals. */
function nextTicketNumber(s: BackendServices): number {
  let max = 0;
  for (const h of s.world.handoffs.values()) max = Math.max(max, h.ticket.number);
  let next = max + 1;
  while (s.world.handoffs.has(`h-${next}`)) next += 1;
  return next;
}

/** When this customer's other tickets arrived, for the anomaly rule's burst check. */
function ticketTimesOf(s: BackendServices, customerId: string): string[] {
  const times: string[] = [];
  for (const h of s.world.handoffs.values()) {
    if (h.ticket.customer.id === customerId) times.push(h.ticket.receivedAt);
  }
  return times;
}

function kindFor(flags: readonly RuleFlag[], diagnosis: string | null): HandoffKind {
  if (diagnosis !== null || flags.some((f) => f.hardStop)) return 'escalation';
  return 'checkpoint';
}

/** The approval gate the policy asks for, applied by the gate job when nobody decides in time. */
function gateFor(route: RouteDecision, now: number): Gate | null {
  const gate = route.gate;
  return gate ? newGate(now, gate.timeoutMinutes * 60_000, gate.defaultAction) : null;
}

function stepsFor(
  id: string,
  ticket: Ticket,
  confidence: number,
  flags: readonly RuleFlag[],
  policy: RoutingPolicy,
  at: string,
): Step[] {
  const threshold = ruleConfig(policy.rules, 'low_confidence').params.threshold;
  const fired = flags.map((f) => `${flagRuleInfo[f.rule].label} (v${f.ruleVersion})`);
  return [
    {
      id: `${id}-s1`,
      type: 'classify',
      summary: `Classified as ${ticket.category}, ${ticket.urgency} urgency`,
      startedAt: at,
      finishedAt: at,
      outcome: 'ok',
    },
    {
      id: `${id}-s2`,
      type: 'draft',
      summary: `Drafted a reply at ${Math.round(confidence * 100)}% confidence (flagged below ${Math.round(threshold * 100)}%)`,
      startedAt: at,
      finishedAt: at,
      outcome: 'ok',
    },
    {
      id: `${id}-s3`,
      type: 'check',
      summary:
        fired.length === 0
          ? `Checked against rules table v${policy.rules.version}: no rule fired`
          : `Checked against rules table v${policy.rules.version}: ${fired.join(', ')}`,
      startedAt: at,
      finishedAt: at,
      outcome: fired.length === 0 ? 'ok' : 'warning',
    },
  ];
}
