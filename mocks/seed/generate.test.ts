import { beforeAll, describe, expect, it } from 'vitest';
import {
  type AuditEvent,
  auditEventSchema,
  type FlagRule,
  flagRuleSchema,
  type Handoff,
  handoffSchema,
  userSchema,
} from '../../src/api/handoff-schemas';
import { defaultLadder } from '../../src/domain/default-ladder';
import { defaultRoutingPolicy, defaultRulesTable } from '../../src/domain/default-policy';
import { GATE_WARNING_MS } from '../../src/domain/gates';
import { rank } from '../../src/domain/levels';
import { optionsInForce } from '../../src/domain/options';
import { routeItem } from '../../src/domain/routing';
import { evaluateRules } from '../../src/domain/rules';
import { trafficItemFromHandoff } from '../../src/domain/traffic';
import { DEMO_WORLD_SIZE, generateWorld, type SeedWorld, seedUsers } from './generate';
import { SHOWCASE_NUMBERS } from './showcase';

const now = new Date('2025-06-02T12:00:00.000Z');
const nowMs = now.getTime();
const HOUR = 3_600_000;

let world: SeedWorld;
let trails: Map<string, AuditEvent[]>;

beforeAll(() => {
  world = generateWorld({ now });
  trails = new Map();
  for (const e of world.events) {
    const list = trails.get(e.handoffId) ?? [];
    list.push(e);
    trails.set(e.handoffId, list);
  }
});

const trailOf = (h: Handoff) => trails.get(h.id) ?? [];
/** The items the default policy sent to a person rather than letting the AI answer. */
const toPeople = () =>
  world.handoffs.filter((h) => h.status !== 'auto_approved' && h.status !== 'ai_working');
/** Shares that need more than the default world's hundred-odd people's items to be stable. */
let large: SeedWorld | null = null;
const largeWorld = () => {
  large ??= generateWorld({ now, count: 3000 });
  return large;
};
const openStatuses = ['pending', 'claimed', 'escalated', 'failed'];

describe('generateWorld', () => {
  it('is deterministic: same seed and now give a deep-equal world', () => {
    expect(generateWorld({ now, count: 200 })).toEqual(generateWorld({ now, count: 200 }));
  });

  it('gives a different world for a different seed', () => {
    const a = generateWorld({ now, count: 50, seed: 1 });
    const b = generateWorld({ now, count: 50, seed: 2 });
    expect(a.handoffs.map((h) => h.ticket.subject)).not.toEqual(
      b.handoffs.map((h) => h.ticket.subject),
    );
  });

  it('produces the requested number of handoffs, the worked example included', () => {
    expect(world.handoffs).toHaveLength(DEMO_WORLD_SIZE);
    expect(generateWorld({ now, count: 25 }).handoffs).toHaveLength(25);
    const [only] = generateWorld({ now, count: 1 }).handoffs;
    expect(only?.id).toBe('h-4521');
    expect(() => generateWorld({ now, count: 0 })).toThrow(RangeError);
  });

  it('builds only items that satisfy the contract', () => {
    for (const h of world.handoffs) expect(handoffSchema.safeParse(h).error).toBeUndefined();
    for (const e of world.events) expect(auditEventSchema.safeParse(e).error).toBeUndefined();
    for (const u of world.users) expect(userSchema.safeParse(u).error).toBeUndefined();
  });

  it('gives every ticket a unique 4-5 digit number that matches its ids', () => {
    const numbers = world.handoffs.map((h) => h.ticket.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const h of world.handoffs) {
      expect(h.ticket.number).toBeGreaterThanOrEqual(1000);
      expect(h.ticket.number).toBeLessThan(100_000);
      expect(h.id).toBe(`h-${h.ticket.number}`);
      expect(h.ticket.id).toBe(`t-${h.ticket.number}`);
    }
  });

  it('covers every category, mostly in English with a few other languages', () => {
    const categories = new Set(world.handoffs.map((h) => h.ticket.category));
    expect([...categories].sort()).toEqual([
      'account',
      'billing',
      'legal',
      'shipping',
      'technical',
    ]);
    const english = world.handoffs.filter((h) => h.ticket.language === 'en').length;
    expect(english / world.handoffs.length).toBeGreaterThan(0.9);
    expect(english).toBeLessThan(world.handoffs.length);
  });

  it('shows every flag rule somewhere, with policy keywords in a small share of requests', () => {
    const counts = new Map<FlagRule, number>();
    for (const h of world.handoffs)
      for (const f of h.context.flags) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
    for (const rule of flagRuleSchema.options) expect(counts.get(rule) ?? 0).toBeGreaterThan(0);
    const keywordShare = (counts.get('policy_keyword') ?? 0) / world.handoffs.length;
    expect(keywordShare).toBeGreaterThan(0.005);
    expect(keywordShare).toBeLessThan(0.05);
  });

  it('never hand-sets flags: each item’s flags are what the rules say about it', () => {
    for (const h of world.handoffs) {
      const { confidence, options, diagnosis } = h.context;
      expect(h.context.flags).toEqual(
        evaluateRules(h.ticket, { confidence, options, diagnosis }, defaultRulesTable),
      );
    }
  });

  it('stamps every item with the policy that routed it and every flag with its rule version', () => {
    for (const h of world.handoffs) {
      expect(h.policyVersion).toBe(defaultRoutingPolicy.version);
      for (const f of h.context.flags) expect(f.ruleVersion).toBe(1);
      if (h.sampledForReview) expect(h.status).toBe('auto_approved');
    }
  });

  it('spreads confidence mostly high, with a tail below the review threshold among people’s items', () => {
    const values = world.handoffs.map((h) => h.context.confidence);
    expect(values.filter((c) => c < 0.7).length / values.length).toBeLessThan(0.1);
    expect(values.filter((c) => c >= 0.85).length / values.length).toBeGreaterThan(0.8);
    const people = toPeople().map((h) => h.context.confidence);
    const low = people.filter((c) => c < 0.7).length / people.length;
    expect(low).toBeGreaterThan(0.1);
    expect(low).toBeLessThan(0.5);
  });

  it('plans a floor of open work for people at every size, spread over levels and teams', () => {
    const openOf = (w: SeedWorld) =>
      w.handoffs.filter(
        (h) => openStatuses.includes(h.status) && !SHOWCASE_NUMBERS.includes(h.ticket.number),
      );
    // The demo's floor: a realistic queue, not a handful.
    const open = openOf(world);
    expect(open.length).toBeGreaterThanOrEqual(80);
    expect(open.length).toBeLessThanOrEqual(150);
    const byLevel = new Map<string, number>();
    const byTeam = new Map<string, number>();
    for (const h of open) {
      byLevel.set(h.level, (byLevel.get(h.level) ?? 0) + 1);
      byTeam.set(h.team?.teamId ?? 'none', (byTeam.get(h.team?.teamId ?? 'none') ?? 0) + 1);
    }
    expect(byLevel.get('l1')).toBeGreaterThan(30);
    expect(byLevel.get('l2')).toBeGreaterThan(10);
    expect(byLevel.get('manager')).toBeGreaterThan(0);
    for (const team of ['support', 'billing', 'legal', 'multilingual', 'retention']) {
      expect(byTeam.get(team) ?? 0, team).toBeGreaterThan(0);
    }
    // A small test world keeps the same floor: the AI's own sends shrink, people's work does not.
    const small = generateWorld({ now, count: 200 });
    expect(openOf(small).length).toBeGreaterThanOrEqual(75);
    const sent = small.handoffs.filter((h) => h.status === 'auto_approved').length;
    expect(sent).toBeGreaterThan(20);
    expect(sent).toBeLessThan(80);
  });

  it('lets the AI answer the routine bulk itself and sends about one ticket in eight to a person', () => {
    const routed = world.handoffs.filter((h) => h.status !== 'ai_working');
    const share = toPeople().length / routed.length;
    expect(share).toBeGreaterThanOrEqual(0.1);
    expect(share).toBeLessThanOrEqual(0.15);
    for (const h of world.handoffs.filter((x) => x.status === 'auto_approved')) {
      expect(h.context.flags.filter((f) => f.hardStop || f.rule === 'high_value')).toEqual([]);
      expect(h.context.confidence).toBeGreaterThanOrEqual(
        defaultRoutingPolicy.categories[h.ticket.category].confidenceThreshold,
      );
      expect(h.level).toBe('ai');
      expect(h.team).toBeNull();
    }
  });

  it('offers options on a share of people’s items, each with its own full draft', () => {
    const withOptions = world.handoffs.filter((h) => h.context.options.length > 0);
    const people = toPeople();
    const share = people.filter((h) => h.context.options.length > 0).length / people.length;
    expect(share).toBeGreaterThan(0.08);
    expect(share).toBeLessThan(0.4);
    for (const h of withOptions) {
      expect(h.context.options.length).toBeGreaterThanOrEqual(2);
      expect(h.context.options.length).toBeLessThanOrEqual(3);
      for (const o of h.context.options) {
        expect(o.draft).toMatch(/^(Hi|Hola|Hallo|Bonjour) /);
        expect(o.rationale.length).toBeGreaterThan(20);
      }
    }
  });

  it('escalates task failures with a diagnosis naming the last good step', () => {
    const failed = world.handoffs.filter((h) => h.context.diagnosis !== null);
    expect(failed.length).toBeGreaterThan(0);
    for (const h of failed) {
      expect(h.kind).toBe('escalation');
      expect(['failed', 'pending']).toContain(h.status);
      expect(h.context.diagnosis).toMatch(/last good step/);
      expect(h.context.steps.some((s) => s.outcome === 'failed')).toBe(true);
    }
  });

  it('writes replies in the customer’s context: their name and their order', () => {
    for (const h of world.handoffs) {
      const first = h.ticket.customer.name.split(' ')[0] ?? '';
      const draft = h.drafts[0]?.text ?? '';
      expect(draft.split('\n')[0]).toContain(first);
      const order = /order #(\d+)/i.exec(h.ticket.body)?.[1];
      if (order && h.ticket.language === 'en' && h.context.diagnosis === null)
        expect(draft).toContain(order);
    }
  });

  it('lays out the AI’s steps a few seconds apart, before the handoff was created', () => {
    for (const h of world.handoffs) {
      const created = Date.parse(h.createdAt);
      expect(Date.parse(h.ticket.receivedAt)).toBeLessThan(created);
      let previous = Date.parse(h.ticket.receivedAt);
      for (const step of h.context.steps) {
        const started = Date.parse(step.startedAt);
        const finished = Date.parse(step.finishedAt);
        expect(started).toBeGreaterThanOrEqual(previous);
        expect(finished).toBeGreaterThanOrEqual(started);
        expect(finished - started).toBeLessThan(10_000);
        previous = finished;
      }
      expect(previous).toBeLessThanOrEqual(created);
      expect(h.context.steps[0]?.type).toBe('classify');
    }
  });

  it('keeps every timestamp within the last three days and never in the future', () => {
    for (const h of world.handoffs) {
      const created = Date.parse(h.createdAt);
      expect(created).toBeGreaterThan(nowMs - 72 * HOUR);
      expect(created).toBeLessThan(nowMs);
      expect(Date.parse(h.updatedAt)).toBeLessThanOrEqual(nowMs);
      expect(Date.parse(h.updatedAt)).toBeGreaterThanOrEqual(created);
    }
    for (const e of world.events) expect(Date.parse(e.at)).toBeLessThanOrEqual(nowMs);
  });

  it('puts open deadlines between two hours overdue and two days ahead, only a few breached', () => {
    const open = world.handoffs.filter((h) => openStatuses.includes(h.status));
    const due = open.map((h) => Date.parse(h.dueAt) - nowMs);
    for (const d of due) {
      expect(d).toBeGreaterThanOrEqual(-2 * HOUR);
      expect(d).toBeLessThanOrEqual(48 * HOUR);
    }
    const breached = due.filter((d) => d < 0).length;
    expect(breached / open.length).toBeLessThan(0.15);
    const big = largeWorld().handoffs.filter((h) => openStatuses.includes(h.status));
    expect(big.filter((h) => Date.parse(h.dueAt) < nowMs).length).toBeGreaterThan(0);
  });

  it('leaves no unclaimed item due in the first minutes: only held items may start breached', () => {
    const unclaimed = world.handoffs.filter(
      (h) => ['pending', 'escalated', 'failed'].includes(h.status) && h.assignee === null,
    );
    expect(unclaimed.length).toBeGreaterThan(0);
    for (const h of unclaimed) expect(Date.parse(h.dueAt) - nowMs).toBeGreaterThan(10 * 60_000);
    const heldBreached = largeWorld().handoffs.filter(
      (h) => h.status === 'claimed' && Date.parse(h.dueAt) < nowMs,
    );
    expect(heldBreached.length).toBeGreaterThan(0);
  });

  it('gates about a fifth of pending items, never defaulting to approve over a hard stop', () => {
    const pending = largeWorld().handoffs.filter(
      (h) => h.status === 'pending' && !SHOWCASE_NUMBERS.includes(h.ticket.number),
    );
    const gated = pending.filter((h) => h.gate !== null);
    expect(gated.length / pending.length).toBeGreaterThan(0.1);
    expect(gated.length / pending.length).toBeLessThan(0.3);
    const defaults = new Set(gated.map((h) => h.gate?.defaultAction));
    expect([...defaults].sort()).toEqual(['approve', 'hold_and_escalate', 'reject']);
    for (const h of gated) {
      const left = Date.parse(h.gate?.timeoutAt ?? '') - nowMs;
      expect(left).toBeGreaterThan(15 * 60_000);
      expect(left).toBeLessThanOrEqual(6 * HOUR);
      expect(Date.parse(h.gate?.timeoutAt ?? '') - Date.parse(h.gate?.warnAt ?? '')).toBe(
        GATE_WARNING_MS,
      );
      expect(h.gate?.applied).toBeNull();
      if (h.context.flags.some((f) => f.hardStop))
        expect(h.gate?.defaultAction).toBe('hold_and_escalate');
    }
    expect(largeWorld().handoffs.filter((h) => h.status !== 'pending' && h.gate !== null)).toEqual(
      [],
    );
  });

  it('mixes statuses like a floor mid-shift: the AI’s own sends first, then waiting work', () => {
    const statuses = new Map<string, number>();
    for (const h of world.handoffs) statuses.set(h.status, (statuses.get(h.status) ?? 0) + 1);
    expect(statuses.get('auto_approved')).toBe(Math.max(...statuses.values()));
    const pending = statuses.get('pending') ?? 0;
    const people = [...statuses].filter(([status]) => status !== 'auto_approved');
    expect(pending).toBe(Math.max(...people.map(([, n]) => n)));
    for (const s of [
      'claimed',
      'approved',
      'rejected',
      'auto_approved',
      'escalated',
      'ai_working',
      'failed',
    ]) {
      expect(statuses.get(s) ?? 0).toBeGreaterThan(0);
    }
    const kinds = new Set(world.handoffs.map((h) => h.kind));
    expect([...kinds].sort()).toEqual(['checkpoint', 'completion', 'escalation', 'initiation']);
    const levels = new Set(world.handoffs.map((h) => h.level));
    expect(levels).toContain('manager');
  });

  it('keeps ownership and outcomes consistent with the status', () => {
    const userIds = new Set(world.users.map((u) => u.id));
    for (const h of world.handoffs) {
      if (h.status === 'claimed') expect(userIds.has(h.assignee?.id ?? '')).toBe(true);
      if (['pending', 'escalated', 'ai_working', 'failed'].includes(h.status))
        expect(h.assignee).toBeNull();
      if (['approved', 'rejected', 'auto_approved'].includes(h.status))
        expect(h.outcome).not.toBeNull();
      else expect(h.outcome).toBeNull();
      if (h.status === 'escalated') {
        expect(h.escalation).not.toBeNull();
        expect(rank(h.level)).toBeGreaterThan(rank(h.escalation?.fromLevel ?? 'executive'));
      }
      if (h.outcome?.action === 'approve') {
        const base =
          h.context.options.find((o) => o.id === h.selectedOptionId)?.draft ??
          h.drafts.at(-1)?.text;
        expect(h.outcome.edited).toBe(h.outcome.finalText !== base);
        // A redirect's newer draft supersedes the options: then no option is chosen.
        if (optionsInForce(h).length > 1 && h.status === 'approved')
          expect(h.selectedOptionId).not.toBeNull();
      }
      if (h.outcome?.action === 'reject') expect(h.outcome.reason).toBeTruthy();
      expect(h.workingDraft).toBeNull();
    }
  });

  it('starts every trail with the AI creating the item and one flagged event per flag', () => {
    for (const h of world.handoffs) {
      const [created, ...rest] = trailOf(h);
      expect(created).toMatchObject({ action: 'created', actor: { type: 'ai' }, version: 1 });
      expect(created?.why.confidence).toBe(h.context.confidence);
      const flagged = rest.slice(0, h.context.flags.length);
      expect(flagged.map((e) => [e.action, e.why.rule, e.outcome, e.version])).toEqual(
        h.context.flags.map((f) => ['flagged', f.rule, f.message, 1]),
      );
    }
  });

  it('numbers events per handoff and ends each trail at the handoff’s version', () => {
    const ids = new Set(world.events.map((e) => e.id));
    expect(ids.size).toBe(world.events.length);
    for (const h of world.handoffs) {
      const trail = trailOf(h);
      trail.forEach((e, i) => {
        expect(e.id).toBe(`e-${h.id}-${i + 1}`);
        if (i > 0) {
          expect(Date.parse(e.at)).toBeGreaterThanOrEqual(Date.parse(trail[i - 1]?.at ?? ''));
          expect(e.version).toBeGreaterThanOrEqual(trail[i - 1]?.version ?? 0);
        }
      });
      expect(trail.at(-1)?.version).toBe(h.version);
      expect(trail.at(-1)?.at).toBe(h.updatedAt);
    }
  });

  it('records decisions with the deciding person, matching the status', () => {
    const actionFor: Record<string, string> = {
      approved: 'approved',
      rejected: 'rejected',
      escalated: 'escalated',
      auto_approved: 'auto_approved',
      failed: 'failed',
      claimed: 'claimed|draft_revised',
    };
    for (const h of world.handoffs) {
      const last = trailOf(h).at(-1);
      const expected = actionFor[h.status];
      if (expected) expect(last?.action).toMatch(new RegExp(`^(${expected})$`));
      if (h.status === 'approved') {
        expect(last?.actor).toEqual(h.outcome?.by);
        expect(last?.actor.type).toBe('person');
        expect(last?.timeOnItemMs).toBeGreaterThan(0);
        for (const f of h.context.flags.filter((x) => x.hardStop))
          expect(last?.acknowledgedFlags).toContain(f.rule);
        expect(last?.diff === null).toBe(!h.outcome?.edited);
      }
    }
  });

  it('leaves every untouched item for people at the level the policy routes a new arrival like it to', () => {
    const untouched = world.handoffs.filter(
      (h) => h.status === 'pending' && h.escalation === null && h.drafts.length === 1,
    );
    expect(untouched.length).toBeGreaterThan(40);
    const misrouted = untouched
      .map((h) => ({
        id: h.id,
        level: h.level,
        routed: routeItem(trafficItemFromHandoff(h), defaultRoutingPolicy, {
          ladder: defaultLadder,
        }).level,
      }))
      .filter((r) => r.level !== r.routed);
    expect(misrouted).toEqual([]);
  });

  it('keeps a draft history for items sent back to the AI', () => {
    const revised = world.handoffs.filter((h) => h.drafts.length > 1);
    expect(revised.length).toBeGreaterThan(0);
    for (const h of revised) {
      const [first, second] = h.drafts;
      expect(second?.author.type).toBe('ai');
      expect(second?.text).not.toBe(first?.text);
      expect(second?.note).toMatch(/^Redirected: /);
      expect(trailOf(h).map((e) => e.action)).toContain('draft_revised');
    }
  });

  it('leaves a one-sentence next action that follows from the flags', () => {
    for (const h of world.handoffs) {
      expect(h.context.nextAction).toMatch(/^[A-Z].*\.$/);
      expect(h.context.nextAction).not.toMatch(/\.\s+[A-Z]/);
      if (h.context.flags.some((f) => f.rule === 'multiple_options') && h.status !== 'ai_working') {
        expect(h.context.nextAction).toMatch(/^Review the draft and decide on /);
      }
    }
  });

  it('includes the users, Ana first as the demo identity', () => {
    expect(world.users).toEqual(seedUsers);
    expect(world.users[0]).toEqual({
      id: 'u-ana',
      name: 'Ana Ortiz',
      role: 'reviewer',
      level: 'l1',
    });
    expect(new Set(world.users.map((u) => u.role))).toEqual(
      new Set(['reviewer', 'manager', 'executive', 'lead']),
    );
    expect(world.users.find((u) => u.role === 'lead')?.level).toBe('l2');
  });
});

describe('the worked example, #4521', () => {
  const example = () => {
    const h = world.handoffs.find((x) => x.id === 'h-4521');
    if (!h) throw new Error('h-4521 is missing');
    return h;
  };

  it('is in the world as a pending checkpoint about a delayed shipment, at L2 as its hard stop asks', () => {
    const h = example();
    expect(h).toMatchObject({
      kind: 'checkpoint',
      status: 'pending',
      level: 'l2',
      version: 1,
      assignee: null,
    });
    expect(h.ticket).toMatchObject({ number: 4521, category: 'shipping', language: 'en' });
    expect(h.ticket.customer.priorComplaints).toBe(3);
    expect(h.ticket.customer.tier).toBe('plus');
    expect(h.ticket.subject).toMatch(/late/i);
  });

  it('sits where a new arrival like it would be routed: L2 may approve the credit, a manager the refund', () => {
    const h = example();
    const route = routeItem(trafficItemFromHandoff(h), defaultRoutingPolicy, {
      ladder: defaultLadder,
    });
    expect(route).toMatchObject({ route: 'human_review', level: h.level });
    expect(route.reasons.join(' ')).toContain('Policy keyword');
  });

  it('has the upset customer asking for a refund and mentioning legal action', () => {
    const { body } = example().ticket;
    expect(body).toMatch(/refund/);
    expect(body).toContain('I will take legal action');
  });

  it('carries 85% confidence, two compensation options and the seed’s next action', () => {
    const { context, drafts } = example();
    expect(context.confidence).toBe(0.85);
    expect(context.options.map((o) => o.label)).toEqual([
      'Full refund ($649.00)',
      '20% credit + expedited reshipping',
    ]);
    expect(context.nextAction).toBe('Review the draft and decide on the compensation offer.');
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({
      number: 1,
      author: { type: 'ai', id: 'agent:Lumen AI agent', name: 'Lumen AI agent' },
      note: 'First draft',
    });
    expect(drafts[0]?.text).toContain('Sarah');
    expect(drafts[0]?.text).toContain('#88231');
  });

  it('is flagged by the rules for the legal mention and the choice to make', () => {
    const h = example();
    expect(h.context.flags.map((f) => f.rule)).toEqual(['policy_keyword', 'multiple_options']);
    const [keyword] = h.context.flags;
    expect(keyword?.hardStop).toBe(true);
    const span = keyword?.evidence[0];
    expect(h.ticket.body.slice(span?.start, span?.end)).toBe('legal action');
  });

  it('has the same content whatever the seed and count', () => {
    const strip = (h: Handoff | undefined) =>
      h && { ticket: h.ticket, context: h.context, drafts: h.drafts };
    const other = generateWorld({ now, seed: 99, count: 30 }).handoffs.find(
      (h) => h.id === 'h-4521',
    );
    expect(strip(other)).toEqual(strip(example()));
  });
});

describe('scale', () => {
  // How long it takes is the benchmark's to say (`npm run bench` prints seeding time), not a test's.
  it('generates a large world of distinct items for scale tests', () => {
    const big = generateWorld({ now, count: 20_000 });
    expect(big.handoffs).toHaveLength(20_000);
    expect(new Set(big.handoffs.map((h) => h.id)).size).toBe(20_000);
  }, 60_000);
});

describe('the showcase items', () => {
  const byNumber = (n: number) => world.handoffs.find((h) => h.ticket.number === n)!;

  it('puts the soonest gate and a calm gate on plain pending L1 items, none closing in the first quarter hour', () => {
    const soon = byNumber(4522);
    expect(soon).toMatchObject({
      status: 'pending',
      level: 'l1',
      gate: { defaultAction: 'hold_and_escalate' },
    });
    const gates = world.handoffs.flatMap((h) => (h.gate ? [Date.parse(h.gate.timeoutAt)] : []));
    // Due soon: the first gate on the floor to close, warning before the first quarter hour ends.
    expect(Date.parse(soon.gate!.timeoutAt)).toBe(Math.min(...gates));
    expect(Date.parse(soon.gate!.timeoutAt) - nowMs).toBe(18 * 60_000);
    expect(Date.parse(soon.gate!.warnAt) - nowMs).toBeLessThan(15 * 60_000);
    for (const at of gates) expect(at - nowMs).toBeGreaterThan(15 * 60_000);
    const calm = byNumber(4523);
    expect(calm.gate).toMatchObject({ defaultAction: 'approve', applied: null });
    expect(calm.context.flags.some((f) => f.hardStop)).toBe(false);
  });

  it('has two failed tasks with a diagnosis and an item the AI is still working on', () => {
    for (const n of [4524, 4525]) {
      const failed = byNumber(n);
      expect(failed.status).toBe('failed');
      expect(failed.context.diagnosis).toMatch(/last good step/);
      expect(trailOf(failed).at(-1)?.action).toBe('failed');
    }
    expect(byNumber(4526).status).toBe('ai_working');
  });

  it('keeps showcase numbers out of the random world', () => {
    const numbers = world.handoffs.map((h) => h.ticket.number);
    expect(new Set(numbers).size).toBe(numbers.length);
  });
});
