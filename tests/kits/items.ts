import { nextActionFor } from '../../mocks/seed/next-action';
import {
  type GateDefault,
  type Handoff,
  handoffSchema,
  type Level,
  type Ticket,
} from '../../src/api/handoff-schemas';
import { actionsFromText } from '../../src/domain/actions';
import { AI_ACTOR } from '../../src/domain/actors';
import { ruleLevelOf } from '../../src/domain/decisions';
import { defaultRulesTable } from '../../src/domain/default-policy';
import { evaluateRules } from '../../src/domain/rules';
import { backend, TEST_NOW } from '../msw';
import { ticket } from './tickets';

/*
 * Handoffs of a chosen shape, put into the backend world the tests run against. Built from
 * the contract's schema (parsed on the way in) and flagged by the same rules table the seed
 * uses, so a test that needs "a hard stop" or "a $649 refund" says so instead of borrowing a
 * seed story that happens to have it.
 */

export interface ItemShape {
  /** Ticket number; the id is `h-<number>`. Defaults to a number no seed story uses. */
  number?: number;
  subject?: string;
  /** The customer's words; "legal action" in them raises the policy-keyword hard stop. */
  body?: string;
  ticket?: Partial<Omit<Ticket, 'customer'>> & { customer?: Partial<Ticket['customer']> };
  /** The AI's current draft; defaults to a short reply, with the refund when one is given. */
  draft?: string;
  /** A refund the draft promises, in dollars. */
  refund?: number;
  /** Options for the reviewer to choose between (two or more raise "Multiple valid options"). */
  options?: { label: string; draft: string; rationale?: string }[];
  confidence?: number;
  /** What went wrong when the AI could not finish: a failed task. */
  diagnosis?: string;
  /** An approval gate timing out this many minutes from now, with its default. */
  gate?: { minutes: number; defaultAction?: GateDefault };
  /** A customer message that arrived after the draft. */
  followUp?: string;
  level?: Level;
  /** The team holding the item, as routing recorded it; none unless given. */
  team?: Handoff['team'];
}

let nextNumber = 9100;
const minutes = (n: number) => new Date(TEST_NOW + n * 60_000).toISOString();

/** Builds a pending handoff of the given shape (not yet in the world). */
export function buildItem(shape: ItemShape = {}): Handoff {
  const number = shape.number ?? ++nextNumber;
  const t = ticket({
    id: `t-${number}`,
    number,
    receivedAt: minutes(-30),
    ...(shape.subject ? { subject: shape.subject } : {}),
    ...(shape.body ? { body: shape.body } : {}),
    ...shape.ticket,
    ...(shape.followUp ? { followUps: [{ at: minutes(-1), body: shape.followUp }] } : {}),
  });
  const refund =
    shape.refund === undefined ? '' : ` I've issued a refund of $${shape.refund.toFixed(2)}.`;
  const draft =
    shape.draft ??
    `Hi ${t.customer.name.split(' ')[0]},\n\nThanks for writing.${refund}\n\nBest,\nSupport`;
  const options = (shape.options ?? []).map((o, i) => ({ id: `o-${i + 1}`, rationale: '', ...o }));
  const ai = { confidence: shape.confidence ?? 0.9, options, diagnosis: shape.diagnosis ?? null };
  const flags = evaluateRules(t, ai, defaultRulesTable);
  return handoffSchema.parse({
    id: `h-${number}`,
    kind: 'checkpoint',
    status: 'pending',
    ticket: t,
    context: {
      steps: [
        {
          id: `s-${number}-1`,
          type: 'draft',
          summary: 'Drafted a reply',
          startedAt: minutes(-20),
          finishedAt: minutes(-19),
          outcome: shape.diagnosis ? 'failed' : 'ok',
        },
      ],
      ...ai,
      flags,
      nextAction: nextActionFor(flags, 'pending', options.length > 1 ? 'the reply' : null),
    },
    // Routed as an arrival would be: at least the level the fired rules ask for.
    level: shape.level ?? ruleLevelOf(flags, defaultRulesTable)?.level ?? 'l1',
    assignee: null,
    team: shape.team ?? null,
    dueAt: minutes(120),
    gate: shape.gate
      ? {
          timeoutAt: minutes(shape.gate.minutes),
          warnAt: minutes(shape.gate.minutes - 5),
          defaultAction: shape.gate.defaultAction ?? 'hold_and_escalate',
          applied: null,
        }
      : null,
    version: 1,
    drafts: [
      {
        number: 1,
        text: draft,
        author: AI_ACTOR,
        createdAt: minutes(-19),
        note: 'First draft',
        actions: actionsFromText(draft),
      },
    ],
    workingDraft: null,
    selectedOptionId: null,
    outcome: null,
    escalation: null,
    policyVersion: 1,
    sampledForReview: false,
    createdAt: minutes(-20),
    updatedAt: minutes(-19),
  });
}

/** Puts a handoff of the given shape into the world the app under test talks to. */
export function putItem(shape: ItemShape = {}): Handoff {
  const h = buildItem(shape);
  backend.state.putHandoff(h);
  return h;
}

/**
 * A late order: a legal threat (a hard stop, which the policy-keyword rule keeps for L2
 * Specialist and above), a $649 refund in the draft (above L1 and L2), and two options to
 * choose between, the second a $129.80 credit (above L1's $100). Without the threat it is an
 * L1 item with the same stakes.
 */
export function lateOrder({ threat = true }: { threat?: boolean } = {}) {
  const refund = "I've issued a full refund of $649.00 to your original payment method.";
  const credit = "I've sent a replacement by express shipping and added a 20% credit ($129.80).";
  return putItem({
    number: 7001,
    subject: 'My desk is three weeks late',
    body: threat
      ? 'Nobody answers my emails. If this is not fixed this week I will take legal action.'
      : 'Nobody answers my emails. Please fix this before the end of the week.',
    draft: `Hi Dana,\n\n${refund}\n\nBest,\nSupport`,
    options: [
      { label: 'Full refund ($649.00)', draft: `Hi Dana,\n\n${refund}\n\nBest,\nSupport` },
      { label: '20% credit + reshipping', draft: `Hi Dana,\n\n${credit}\n\nBest,\nSupport` },
    ],
  });
}
