// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SimilarGroupsParams } from '../../../src/api/batch-schemas';
import type { Handoff, HandoffStatus } from '../../../src/api/handoff-schemas';
import { seedUsers } from '../../seed/users';
import { Backend } from '../backend';
import { callBackend } from '../test-items';
import { groupsFromScratch, SimilarityIndex } from './similarity-index';

/*
 * The groups follow writes incrementally (only the classes a write touched are regrouped);
 * after any run of writes they must be exactly what grouping the whole world from nothing
 * gives, for the unfiltered queue and for filtered ones.
 */

const NOW = Date.parse('2026-11-25T09:00:00.000Z');
const me = seedUsers.find((u) => u.id === 'u-elif') ?? seedUsers[0]!;

const queries: SimilarGroupsParams[] = [
  {},
  { assignee: 'any' },
  { category: ['billing'] },
  { level: ['l1', 'l2'], flag: ['low_confidence'] },
  { assignee: 'unassigned', slaAtRisk: true },
  { assignee: 'me' },
  { q: 'order' },
];

const statuses: HandoffStatus[] = ['pending', 'claimed', 'escalated', 'approved', 'rejected'];

/** A write, as indexes see it: the item replaced by a new version. */
type Write =
  | { kind: 'status'; item: number; status: HandoffStatus }
  | { kind: 'draft'; item: number; from: number }
  | { kind: 'flags'; item: number; from: number }
  | { kind: 'claim'; item: number };

const write = fc.oneof(
  fc.record({
    kind: fc.constant('status' as const),
    item: fc.nat(),
    status: fc.constantFrom(...statuses),
  }),
  fc.record({ kind: fc.constant('draft' as const), item: fc.nat(), from: fc.nat() }),
  fc.record({ kind: fc.constant('flags' as const), item: fc.nat(), from: fc.nat() }),
  fc.record({ kind: fc.constant('claim' as const), item: fc.nat() }),
);

async function apply(backend: Backend, ids: string[], w: Write) {
  const world = backend.state;
  const h = world.handoffs.get(ids[w.item % ids.length]!)!;
  const next = (patch: Partial<Handoff>) =>
    world.putHandoff({ ...h, ...patch, version: h.version + 1 });
  switch (w.kind) {
    case 'status':
      return next({ status: w.status });
    case 'draft': {
      // Another item's draft: the item moves to that draft's template, or to none.
      const other = world.handoffs.get(ids[w.from % ids.length]!)!;
      return next({
        drafts: [...h.drafts, { ...other.drafts.at(-1)!, number: h.drafts.length + 1 }],
      });
    }
    case 'flags': {
      const other = world.handoffs.get(ids[w.from % ids.length]!)!;
      return next({ context: { ...h.context, flags: other.context.flags } });
    }
    case 'claim':
      await callBackend(backend, 'POST', `/handoffs/${h.id}/claim`, {
        actor: me.id,
        body: { version: h.version },
      });
  }
}

describe('similar-item groups kept up to date', () => {
  it('equal the groups computed from nothing after random writes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(write, { maxLength: 12 }), { minLength: 1, maxLength: 5 }),
        fc.nat(),
        async (rounds, seed) => {
          const backend = await Backend.create({ count: 240, seed: seed % 7, clock: () => NOW });
          const ids = [...backend.state.handoffs.keys()];
          const index = new SimilarityIndex();
          for (const round of rounds) {
            for (const w of round) await apply(backend, ids, w);
            for (const query of queries) {
              expect(index.groups(backend.state, query, me, NOW)).toEqual(
                groupsFromScratch(backend.state, query, me, NOW),
              );
            }
          }
        },
      ),
      { numRuns: 12 },
    );
  }, 240_000);

  it('answers the endpoint with groups of alike items, regrouped after a batch', async () => {
    const backend = await Backend.create({ count: 400, clock: () => NOW });
    const before = await callBackend(backend, 'GET', '/handoff-groups', { actor: me.id });
    expect(before.body).toEqual(groupsFromScratch(backend.state, {}, me, NOW));
    const group = (before.body as ReturnType<typeof groupsFromScratch>).groups[0]!;
    await callBackend(backend, 'POST', '/handoffs/batch-decisions', {
      actor: me.id,
      body: {
        batchId: 'b-regroup',
        decision: { action: 'reject', reason: 'Duplicate of an earlier ticket' },
        items: group.items.map((i) => ({ id: i.id, version: i.version })),
        timeOnBatchMs: 600_000,
      },
    });
    const after = await callBackend(backend, 'GET', '/handoff-groups', { actor: me.id });
    expect(after.body).toEqual(groupsFromScratch(backend.state, {}, me, NOW));
    expect((after.body as { total: number }).total).toBeLessThan(
      (before.body as { total: number }).total,
    );
  });
});
