import { exampleHandoff } from '../../mocks/seed/example';
import type {
  Actor,
  AuditEvent,
  Category,
  FlagRule,
  Handoff,
  Level,
} from '../../src/api/handoff-schemas';
import { AI_ACTOR } from '../../src/domain/actors';
import { type ItemFacts, itemFacts } from '../../src/domain/metrics/facts';

/*
 * Small hand-built items and trails for the dashboard metrics' tests; each test says what it
 * is about.
 */

export const T0 = Date.UTC(2026, 10, 25, 0);
export const MIN = 60_000;
export const HOUR = 60 * MIN;
const iso = (ms: number) => new Date(ms).toISOString();

export const ana: Actor = { type: 'person', id: 'u-ana', name: 'Ana Ortiz' };
export const ben: Actor = { type: 'person', id: 'u-ben', name: 'Ben Okafor' };
export const ai: Actor = AI_ACTOR;
export const rules: Actor = { type: 'system', id: 'rules', name: 'Escalation rules' };
export const system: Actor = { type: 'system', id: 'system', name: 'Handoff Desk' };

const base = exampleHandoff(T0).handoff;

export interface ItemSpec {
  id?: string;
  category?: Category;
  level?: Level;
  status?: Handoff['status'];
  confidence?: number;
  createdAt?: number;
  dueAt?: number;
  /** The ticket's body and the draft, for the reading floor. */
  body?: string;
  draft?: string;
  assignee?: Actor | null;
  escalation?: { at: number; fromLevel: Level } | null;
}

let n = 0;

export function item(spec: ItemSpec = {}): Handoff {
  n += 1;
  const id = spec.id ?? `h-${n}`;
  const draft = spec.draft ?? base.drafts[0]!.text;
  return {
    ...base,
    id,
    status: spec.status ?? 'pending',
    level: spec.level ?? 'l1',
    ticket: {
      ...base.ticket,
      number: 1000 + n,
      category: spec.category ?? 'shipping',
      subject: 'Order',
      body: spec.body ?? base.ticket.body,
    },
    context: { ...base.context, confidence: spec.confidence ?? 0.9 },
    drafts: [{ ...base.drafts[0]!, text: draft }],
    outcome: null,
    assignee: spec.assignee ? { id: spec.assignee.id, name: spec.assignee.name } : null,
    escalation: spec.escalation
      ? { by: ana, at: iso(spec.escalation.at), fromLevel: spec.escalation.fromLevel, note: 'Up' }
      : null,
    createdAt: iso(spec.createdAt ?? T0),
    dueAt: iso(spec.dueAt ?? T0 + 24 * HOUR),
  };
}

export interface EventSpec {
  actor?: Actor;
  diff?: string | null;
  timeOnItemMs?: number | null;
  rule?: FlagRule | null;
  confidence?: number | null;
}

export function ev(
  h: Handoff,
  action: AuditEvent['action'],
  at: number,
  spec: EventSpec = {},
): AuditEvent {
  const person = ['claimed', 'released', 'approved', 'rejected', 'escalated', 'redirected'];
  return {
    id: `e-${h.id}-${action}-${at}`,
    handoffId: h.id,
    at: iso(at),
    actor:
      spec.actor ??
      (person.includes(action)
        ? ana
        : action === 'flagged'
          ? rules
          : action === 'auto_approved'
            ? system
            : ai),
    action,
    why: { reason: null, rule: spec.rule ?? null, confidence: spec.confidence ?? null },
    outcome: action,
    version: 1,
    diff: spec.diff ?? null,
    timeOnItemMs: spec.timeOnItemMs ?? null,
    acknowledgedFlags: [],
  };
}

/** An item and its trail as a metric reads them. */
export const facts = (h: Handoff, events: AuditEvent[]): ItemFacts =>
  itemFacts({ handoff: h, events });

/** A decided item: created at `at - 10 min`, decided at `at`. */
export function decided(
  action: 'approved' | 'rejected' | 'escalated' | 'redirected',
  at: number,
  spec: ItemSpec & EventSpec = {},
): ItemFacts {
  const status = {
    approved: 'approved',
    rejected: 'rejected',
    escalated: 'escalated',
    redirected: 'claimed',
  } as const;
  const h = item({ createdAt: at - 10 * MIN, status: status[action], ...spec });
  const events = [
    ev(h, 'created', at - 10 * MIN),
    ev(h, action, at, { timeOnItemMs: 60_000, ...spec }),
  ];
  return facts(h, events);
}
