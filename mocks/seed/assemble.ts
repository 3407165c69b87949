import type { AuditEvent, Handoff, Level } from '../../src/api/handoff-schemas';
import { actionsFromText } from '../../src/domain/actions';
import { AI_ACTOR } from '../../src/domain/actors';
import { defaultRoutingPolicy } from '../../src/domain/default-policy';
import { defaultTeamDirectory } from '../../src/domain/default-teams';
import { chooseTeam } from '../../src/domain/teams';
import { amountsOnItem } from '../../src/domain/text-guard';
import { stableDraw } from '../../src/domain/traffic';
import type { CaseContent } from './case';
import { HistoryWriter } from './history';
import { intern } from './intern';
import { isoAt } from './iso';
import { nextActionFor } from './next-action';
import { type Plan, seedRoute } from './plan';
import type { Random } from './random';
import type { Schedule } from './schedule';
import { buildSteps } from './steps';

const routedTo: Record<Level, string> = {
  ai: 'the AI',
  l1: 'L1',
  l2: 'L2',
  manager: 'a manager',
  executive: 'an executive',
};

/** Gives a case its ticket number and turns case, plan and schedule into a handoff with its trail. */
export function assemble(
  rng: Random,
  number: number,
  c: CaseContent,
  plan: Plan,
  times: Schedule,
  now: number,
): { handoff: Handoff; events: AuditEvent[] } {
  const id = `h-${number}`;
  const createdAt = isoAt(times.createdAt);
  const { steps, receivedAt } = buildSteps(
    rng,
    id,
    c,
    plan.status === 'ai_working',
    times.createdAt,
  );
  const created: Handoff = {
    id,
    kind: plan.kind,
    status: plan.start,
    ticket: { ...c.ticket, id: `t-${number}`, number, receivedAt: isoAt(receivedAt) },
    context: {
      steps,
      confidence: c.confidence,
      flags: c.flags,
      options: c.options.map((o, i) => ({ id: `${id}-o${i + 1}`, ...o })),
      nextAction: intern(nextActionFor(c.flags, plan.status, c.optionsTopic)),
      diagnosis: c.diagnosis,
    },
    level: plan.level,
    assignee: null,
    dueAt: isoAt(times.dueAt),
    gate: times.gate,
    version: 1,
    drafts: [
      {
        number: 1,
        text: c.draft,
        author: AI_ACTOR,
        createdAt,
        note: 'First draft',
        actions: actionsFromText(c.draft, amountsOnItem({ ticket: c.ticket, context: { steps } })),
      },
    ],
    workingDraft: null,
    selectedOptionId: null,
    outcome: null,
    escalation: null,
    // The seeded floor ran under the default policy; the AI's own sends are sampled as it says.
    policyVersion: defaultRoutingPolicy.version,
    sampledForReview: plan.moves.some((m) => m.type === 'auto_approve') && sampled(id, c),
    team: plan.level === 'ai' ? null : seedTeam(c),
    createdAt,
    updatedAt: createdAt,
  };
  const history = new HistoryWriter(created, intern(createdOutcome(c, plan)));
  plan.moves.forEach((move, i) => {
    const at = times.moveAt[i] ?? times.createdAt;
    history.apply(move, at, times.moveAt[i + 1] ?? now - 1_000);
  });
  return { handoff: history.handoff, events: history.events };
}

/**
 * Whether live routing would have drawn this item for post-hoc review: its category's sample
 * rate by the item's own draw, and every item flagged for review that the AI sent anyway.
 */
function sampled(id: string, c: CaseContent): boolean {
  return seedRoute(c, stableDraw(id)).route === 'auto_approve_sampled';
}

function createdOutcome(c: CaseContent, plan: Plan): string {
  const to = routedTo[plan.level];
  if (plan.start === 'ai_working') {
    if (plan.moves.some((m) => m.type === 'auto_approve'))
      return 'Drafted a reply; checking it before sending';
    return 'Picked up the ticket; drafting a reply';
  }
  if (c.diagnosis !== null) return `Could not finish; routed to ${to} with a diagnosis`;
  if (c.flags.some((f) => f.hardStop))
    return `Drafted a reply; stopped for a human decision and routed to ${to}`;
  if (c.options.length > 1)
    return `Drafted ${c.options.length} options; routed to ${to} to choose one`;
  return `Drafted a reply; routed to ${to} for review`;
}

const seedTeams = new Map<string, NonNullable<Handoff['team']>>();

/** The seeded floor ran under the default teams; one route object per rule, shared by items. */
function seedTeam(c: CaseContent): Handoff['team'] {
  const route = chooseTeam({ ticket: c.ticket, flags: c.flags }, defaultTeamDirectory);
  if (!route) return null;
  const key = `${route.teamId} ${route.ruleId ?? route.reason}`;
  const shared = seedTeams.get(key);
  if (shared) return shared;
  seedTeams.set(key, route);
  return route;
}
