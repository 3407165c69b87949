// @vitest-environment node

import { auditPageSchema, handoffPageSchema, handoffSchema } from '../../src/api/handoff-schemas';
import { operations, pathOf } from '../../src/api/operations';
import { allowLoopback, call, serverPool } from './harness';

/*
 * SLA auto-escalation on the deployed server: a breach is escalated once, and a restart on the
 * same database (which ticks again at the same clock) escalates nothing a second time.
 */

const pool = serverPool();

beforeEach(() => allowLoopback());
afterEach(pool.clear);

describe('SLA auto-escalation across a restart', () => {
  it('escalates a breached item once, and not again after the server restarts', async () => {
    const file = pool.file();
    let now = Date.parse('2026-11-25T09:00:00.000Z');
    const clock = () => now;
    const first = await pool.start(file, { count: 120, clock });

    const list = await call(first.baseUrl, 'GET', operations.listHandoffs.path, {
      query: {
        status: 'pending',
        assignee: 'unassigned',
        level: 'l1',
        sort: 'dueAt',
        order: 'desc',
      },
    });
    // Without an approval gate, whose default would act first when the clock jumps.
    const target = handoffPageSchema.parse(list.body).items.find((h) => !h.gate)!;
    now = Date.parse(target.dueAt) + 1000;
    await first.backend.tick();

    const escalated = handoffSchema.parse(
      (await call(first.baseUrl, 'GET', pathOf(operations.getHandoff, { id: target.id }))).body,
    );
    expect(escalated).toMatchObject({
      level: 'l2',
      status: 'escalated',
      version: target.version + 1,
    });
    const trail = auditPageSchema.parse(
      (await call(first.baseUrl, 'GET', pathOf(operations.listHandoffEvents, { id: target.id })))
        .body,
    ).items;
    const bySystem = trail.filter((e) => e.action === 'escalated' && e.actor.type === 'system');
    expect(bySystem).toHaveLength(1);
    await pool.stop(first);

    const second = await pool.start(file, { count: 120, clock });
    await second.backend.tick();
    await second.backend.tick();
    const again = handoffSchema.parse(
      (await call(second.baseUrl, 'GET', pathOf(operations.getHandoff, { id: target.id }))).body,
    );
    expect(again).toEqual(escalated);
    const trailAgain = auditPageSchema.parse(
      (await call(second.baseUrl, 'GET', pathOf(operations.listHandoffEvents, { id: target.id })))
        .body,
    ).items;
    expect(trailAgain).toEqual(trail);
  });
});
