// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  batchDecisionResultSchema,
  MAX_BATCH_ITEMS,
  similarGroupsSchema,
} from '../../../src/api/batch-schemas';
import { dashboardSchema } from '../../../src/api/dashboard-schemas';
import { auditPageSchema, type Handoff, problemSchema } from '../../../src/api/handoff-schemas';
import { actionsFromText } from '../../../src/domain/actions';
import { readingFloorMs } from '../../../src/domain/metrics/reading-floor';
import { Backend } from '../backend';
import { billingRoute, callBackend, plainItem } from '../test-items';

/*
 * The batch endpoint over the core: every item is checked on its own and either applied or
 * left out with its problem; the whole batch is refused only when it is empty or too large;
 * a retry of the same batch applies nothing twice.
 */

const NOW = Date.parse('2026-11-25T09:00:00.000Z');
const backend = await Backend.create({ count: 120, clock: () => NOW });
const template = plainItem(backend);

let serial = 0;
/** A fresh, unclaimed, flag-free L1 billing item whose draft promises a small refund. */
function fresh(patch: Partial<Handoff> = {}, amount = 12): Handoff {
  serial += 1;
  const text = `Hi Sam,\n\nI've issued a refund of $${amount.toFixed(2)} to your card; it arrives in 3-5 business days.\n\nBest regards,\nThe Lumen Support Team`;
  const h: Handoff = {
    ...template,
    id: `h-batch-${serial}`,
    level: 'l1',
    status: 'pending',
    assignee: null,
    gate: null,
    workingDraft: null,
    ticket: { ...template.ticket, category: 'billing', followUps: undefined },
    context: { ...template.context, flags: [], options: [] },
    drafts: [{ ...template.drafts[0]!, text, actions: actionsFromText(text) }],
    ...patch,
  };
  backend.state.putHandoff(h);
  return h;
}

const batch = (body: unknown, opts: { actor?: string; key?: string } = {}) =>
  callBackend(backend, 'POST', '/handoffs/batch-decisions', { body, ...opts });

const approveAll = (batchId: string, items: Handoff[], timeOnBatchMs = 60_000 * items.length) => ({
  batchId,
  decision: { action: 'approve' },
  items: items.map((h) => ({ id: h.id, version: h.version })),
  timeOnBatchMs,
});

const eventsOf = (id: string) => backend.state.events.get(id) ?? [];

describe('POST /handoffs/batch-decisions', () => {
  it('fails an unknown id, a stale version and an item outside the authority, and applies the rest', async () => {
    const good = [fresh(), fresh()];
    const stale = fresh();
    const high = fresh({ level: 'manager' });
    const body = approveAll('b-mixed', [...good, stale, high]);
    body.items[2]!.version = stale.version - 1 || 99;
    body.items.push({ id: 'h-nope', version: 1 });

    const reply = await batch(body);
    expect(reply.status).toBe(200);
    const result = batchDecisionResultSchema.parse(reply.body);
    expect(result.results.map((r) => [r.id, r.outcome, r.problem?.code ?? null])).toEqual([
      [good[0]!.id, 'applied', null],
      [good[1]!.id, 'applied', null],
      [stale.id, 'conflict', 'version_conflict'],
      [high.id, 'refused', 'forbidden'],
      ['h-nope', 'refused', 'not_found'],
    ]);
    expect(result).toMatchObject({ applied: 2, refused: 2, conflicts: 1 });
    expect(backend.state.handoffs.get(good[0]!.id)!.status).toBe('approved');
    expect(backend.state.handoffs.get(stale.id)!.status).toBe('pending');
    expect(backend.state.handoffs.get(high.id)!.status).toBe('pending');
    expect(result.results[3]!.problem!.detail).toMatch(/outside the authority/);
  });

  it('leaves out items that need individual attention, each with its reason', async () => {
    const ok = fresh();
    const hardStop = fresh({
      context: {
        ...template.context,
        options: [],
        flags: [
          {
            rule: 'policy_keyword',
            severity: 'critical',
            message: 'Mentions legal action',
            humanAction: 'Decide it yourself',
            hardStop: true,
            evidence: [],
            ruleVersion: 1,
            response: 'hard_stop',
          },
        ],
      },
    });
    const options = fresh({
      context: {
        ...template.context,
        flags: [],
        options: [
          { id: 'o1', label: 'Refund', rationale: 'r', draft: 'Refund it.' },
          { id: 'o2', label: 'Replace', rationale: 'r', draft: 'Replace it.' },
        ],
      },
    });
    const held = fresh({ status: 'claimed', assignee: { id: 'u-ben', name: 'Ben Okafor' } });
    const edited = fresh({
      workingDraft: {
        text: 'My own words',
        savedAt: template.createdAt,
        by: { id: 'u-ben', name: 'Ben Okafor' },
      },
    });
    const stale = fresh({
      ticket: {
        ...template.ticket,
        category: 'billing',
        followUps: [{ at: new Date(NOW - 60_000).toISOString(), body: 'Actually, cancel it.' }],
      },
    });
    const result = batchDecisionResultSchema.parse(
      // An L2 specialist: the policy-keyword rule keeps the hard stop from L1 altogether.
      (
        await batch(approveAll('b-attention', [ok, hardStop, options, held, edited, stale]), {
          actor: 'u-chen',
        })
      ).body,
    );
    const byId = new Map(result.results.map((r) => [r.id, r]));
    expect(byId.get(ok.id)!.outcome).toBe('applied');
    expect(byId.get(hardStop.id)!.problem!.detail).toMatch(/on its own.*hard-stop/i);
    expect(byId.get(options.id)!.problem!.detail).toMatch(/Select one of the AI’s options/);
    expect(byId.get(held.id)).toMatchObject({
      outcome: 'conflict',
      problem: { code: 'not_claimant' },
    });
    expect(byId.get(edited.id)!.problem!.detail).toMatch(/Ben Okafor edited its draft/);
    expect(byId.get(stale.id)!.outcome).toBe('refused');
    for (const h of [hardStop, options, held, edited, stale]) {
      expect(backend.state.handoffs.get(h.id)!.version).toBe(h.version);
    }
  });

  it('gives every applied item its own audit event carrying the batch id', async () => {
    const items = [fresh(), fresh(), fresh()];
    const result = batchDecisionResultSchema.parse(
      (
        await batch({
          batchId: 'b-reject',
          decision: { action: 'reject', reason: 'Refund policy changed today.' },
          items: items.map((h) => ({ id: h.id, version: h.version })),
          timeOnBatchMs: 90_000,
        })
      ).body,
    );
    expect(result.applied).toBe(3);
    for (const h of items) {
      const reply = await callBackend(backend, 'GET', `/handoffs/${h.id}/events`);
      const events = auditPageSchema.parse(reply.body).items;
      const decision = events.at(-1)!;
      expect(decision).toMatchObject({
        action: 'rejected',
        batchId: 'b-reject',
        timeOnItemMs: 30_000,
        why: { reason: 'Refund policy changed today.' },
      });
    }
    const eventIds = result.results.map((r) => r.eventId);
    expect(new Set(eventIds).size).toBe(3);
  });

  it('escalates each item one level with the note', async () => {
    const items = [fresh(), fresh()];
    const result = batchDecisionResultSchema.parse(
      (
        await batch({
          batchId: 'b-escalate',
          decision: { action: 'escalate', targetLevel: 'l2', note: 'Refund policy question.' },
          items: items.map((h) => ({ id: h.id, version: h.version })),
          timeOnBatchMs: 60_000,
        })
      ).body,
    );
    expect(result.applied).toBe(2);
    expect(backend.state.handoffs.get(items[0]!.id)).toMatchObject({
      status: 'escalated',
      level: 'l2',
    });
  });

  it('re-routes each item to another team on its own: membership, authority, version, team', async () => {
    const billing = billingRoute;
    const mine = [fresh({ team: billing }), fresh({ team: billing })];
    const high = fresh({ team: billing, level: 'l2' });
    const stale = fresh({ team: billing });
    const noTeam = fresh({ team: null });
    const reason = 'A legal matter, not a refund question.';
    const body = {
      batchId: 'b-reroute',
      decision: { action: 'reroute', teamId: 'legal', reason },
      items: [...mine, high, stale, noTeam].map((h) => ({ id: h.id, version: h.version })),
      timeOnBatchMs: 60_000,
    };
    body.items[3]!.version += 3;
    // Ana, an L1 reviewer in Billing & accounts.
    const result = batchDecisionResultSchema.parse((await batch(body, { actor: 'u-ana' })).body);
    expect(result.results.map((r) => [r.outcome, r.problem?.code ?? null])).toEqual([
      ['applied', null],
      ['applied', null],
      ['refused', 'forbidden'],
      ['conflict', 'version_conflict'],
      ['refused', 'forbidden'],
    ]);
    expect(result.results[2]!.problem!.detail).toMatch(/cannot move items at L2/);
    expect(result.results[4]!.problem!.detail).toMatch(/not in the team holding this item/);
    for (const h of mine) {
      // Legal's ladder starts at L2: each item climbs to it, with its own audit event.
      expect(backend.state.handoffs.get(h.id)).toMatchObject({
        level: 'l2',
        team: { teamId: 'legal', choice: 'rerouted' },
      });
      expect(eventsOf(h.id).at(-1)).toMatchObject({
        action: 'rerouted',
        batchId: 'b-reroute',
        why: { reason },
      });
    }
    expect(result.results[0]!.eventId).toBe(eventsOf(mine[0]!.id).at(-1)!.id);
    for (const h of [high, stale, noTeam]) {
      expect(backend.state.handoffs.get(h.id)!.team?.teamId ?? null).toBe(h.team?.teamId ?? null);
    }

    // One reason is required for the whole batch, and an unknown team fails every item.
    const noReason = await batch({
      ...body,
      batchId: 'b-reroute-2',
      decision: { action: 'reroute', teamId: 'legal', reason: '' },
    });
    expect(noReason.status).toBe(422);
    const other = fresh({ team: billing });
    const unknown = batchDecisionResultSchema.parse(
      (
        await batch(
          {
            ...body,
            batchId: 'b-reroute-3',
            decision: { action: 'reroute', teamId: 'nowhere', reason },
            items: [{ id: other.id, version: other.version }],
          },
          { actor: 'u-ana' },
        )
      ).body,
    );
    expect(unknown.results[0]).toMatchObject({
      outcome: 'refused',
      problem: { code: 'validation' },
    });
    expect(unknown.results[0]!.problem!.detail).toMatch(/no team "nowhere"/);
  });

  it('refuses an empty batch and one over the limit with a 422, deciding nothing', async () => {
    const empty = await batch(approveAll('b-empty', []));
    expect(empty.status).toBe(422);
    expect(problemSchema.parse(empty.body).errors?.[0]?.pointer).toBe('/items');

    const h = fresh();
    const tooMany = approveAll('b-big', [h]);
    tooMany.items = Array.from({ length: MAX_BATCH_ITEMS + 1 }, () => ({
      id: h.id,
      version: h.version,
    }));
    const big = await batch(tooMany);
    expect(big.status).toBe(422);
    expect(backend.state.handoffs.get(h.id)!.status).toBe('pending');
  });

  it('applies nothing twice when the batch is sent again, with the same key or a new one', async () => {
    const items = [fresh(), fresh()];
    const body = approveAll('b-retry', items);
    const first = batchDecisionResultSchema.parse((await batch(body, { key: 'k-retry' })).body);
    expect(first.applied).toBe(2);
    const eventsAfterFirst = items.map((h) => eventsOf(h.id).length);

    const sameKey = await batch(body, { key: 'k-retry' });
    expect(sameKey.headers?.['idempotent-replayed']).toBe('true');
    const newKey = batchDecisionResultSchema.parse((await batch(body, { key: 'k-retry-2' })).body);
    expect(newKey.results.map((r) => [r.outcome, r.replayed])).toEqual([
      ['applied', true],
      ['applied', true],
    ]);
    expect(newKey.results.map((r) => r.eventId)).toEqual(first.results.map((r) => r.eventId));
    expect(items.map((h) => eventsOf(h.id).length)).toEqual(eventsAfterFirst);
    expect(items.map((h) => backend.state.handoffs.get(h.id)!.version)).toEqual(
      items.map((h) => h.version + 1),
    );
  });

  it('decides items added to a retried batch, and replays the ones it already decided', async () => {
    const [a, b] = [fresh(), fresh()];
    await batch(approveAll('b-grow', [a]));
    const grown = batchDecisionResultSchema.parse(
      (
        await batch({
          ...approveAll('b-grow', [b]),
          items: [
            { id: a.id, version: a.version },
            { id: b.id, version: b.version },
          ],
        })
      ).body,
    );
    expect(grown.results.map((r) => [r.outcome, r.replayed])).toEqual([
      ['applied', true],
      ['applied', false],
    ]);
  });

  it('lets the dashboard flag a batch approval nobody could have read, item by item', async () => {
    const stamps = async () =>
      dashboardSchema.parse(
        (await callBackend(backend, 'GET', '/dashboard', { query: { window: '24h' } })).body,
      ).decisionTime.rubberStampCount;
    const before = await stamps();
    const rushed = [fresh(), fresh(), fresh()];
    const floor = Math.max(...rushed.map(readingFloorMs));
    // Three items approved in the time it takes to read one.
    await batch(approveAll('b-stamp', rushed, floor));
    expect(await stamps()).toBe(before + 3);
    // Two approved with each item's reading time spent: not flagged.
    const read = [fresh(), fresh()];
    await batch(approveAll('b-read', read, 2 * Math.max(...read.map(readingFloorMs))));
    expect(await stamps()).toBe(before + 3);
  });
});

describe('GET /handoff-groups', () => {
  it('groups alike items waiting for a decision, saying what they share and what differs', async () => {
    const alike = [fresh({}, 12), fresh({}, 40), fresh({}, 25)];
    const reply = await callBackend(backend, 'GET', '/handoff-groups', {
      query: { category: 'billing', q: template.ticket.subject.slice(0, 12) },
    });
    expect(reply.status).toBe(200);
    const { groups } = similarGroupsSchema.parse(reply.body);
    const group = groups.find((g) => g.items.some((i) => i.id === alike[0]!.id));
    expect(group).toBeDefined();
    for (const h of alike) expect(group!.items.map((i) => i.id)).toContain(h.id);
    expect(group!.shared).toMatchObject({ category: 'billing', action: 'refund', flags: [] });
    expect(group!.differs.amounts).toEqual({ min: 12, max: 40, currency: 'USD' });
    expect(group!.count).toBe(group!.items.length);
  });
});
