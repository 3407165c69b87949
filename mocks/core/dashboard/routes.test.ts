// @vitest-environment node
import { type Dashboard, dashboardSchema } from '../../../src/api/dashboard-schemas';
import {
  type AuditEvent,
  auditPageSchema,
  type Handoff,
  handoffPageSchema,
  handoffSchema,
} from '../../../src/api/handoff-schemas';
import { isRubberStamp, readingFloorMs } from '../../../src/domain/metrics/reading-floor';
import { Backend } from '../backend';
import { billingRoute, plainItem } from '../test-items';

/*
 * The dashboard's figures are the audit log's events, counted: each figure below is recounted
 * straight from the trails the backend serves for every item, and must match to the unit.
 */

const NOW = Date.parse('2026-11-25T09:00:00.000Z');
let clock = NOW;
let key = 0;

const send = (backend: Backend, method: string, path: string, query = {}, body?: unknown) =>
  backend.handle({
    method,
    path,
    query: new URLSearchParams(query),
    headers: new Headers({ 'X-Actor-Id': 'u-femi', 'Idempotency-Key': `k-${++key}` }),
    body: body === undefined ? null : JSON.stringify(body),
  });

async function dashboard(backend: Backend, window = '72h'): Promise<Dashboard> {
  const reply = await send(backend, 'GET', '/dashboard', { window });
  expect(reply.status).toBe(200);
  return dashboardSchema.parse(reply.body);
}

/** Every item and its audit trail, read through the API as any client would. */
async function auditLog(backend: Backend) {
  const items: Handoff[] = [];
  let cursor: string | null = null;
  do {
    const reply = await send(backend, 'GET', '/handoffs', {
      limit: '500',
      ...(cursor ? { cursor } : {}),
    });
    const page = handoffPageSchema.parse(reply.body);
    for (const s of page.items)
      items.push(handoffSchema.parse((await send(backend, 'GET', `/handoffs/${s.id}`)).body));
    cursor = page.nextCursor;
  } while (cursor);
  const trails = new Map<string, AuditEvent[]>();
  for (const h of items) {
    const reply = await send(backend, 'GET', `/handoffs/${h.id}/events`);
    trails.set(h.id, auditPageSchema.parse(reply.body).items);
  }
  return { items, trails };
}

const isPersonDecision = (e: AuditEvent) =>
  e.actor.type === 'person' &&
  ['approved', 'rejected', 'escalated', 'redirected'].includes(e.action);

describe('GET /dashboard', () => {
  let backend: Backend;
  beforeEach(async () => {
    clock = NOW;
    backend = await Backend.create({ count: 1000, clock: () => clock });
  });

  it('shows figures equal to what the audit events say', async () => {
    const d = await dashboard(backend);
    const { items, trails } = await auditLog(backend);
    const from = Date.parse(d.from);
    const inWindow = (e: AuditEvent) => Date.parse(e.at) >= from && Date.parse(e.at) <= NOW;
    const decisions = items.flatMap((h) =>
      (trails.get(h.id) ?? [])
        .filter((e) => isPersonDecision(e) && inWindow(e))
        .map((e) => ({ h, e })),
    );
    expect(decisions.length).toBeGreaterThan(20);

    for (const row of d.decisionsByCategory) {
      const mine = decisions.filter(({ h }) => h.ticket.category === row.category);
      const approvals = mine.filter(({ e }) => e.action === 'approved');
      expect(row.decided).toBe(mine.length);
      expect(row.approvedUnedited).toBe(approvals.filter(({ e }) => e.diff === null).length);
      expect(row.approvedEdited).toBe(approvals.filter(({ e }) => e.diff !== null).length);
      expect(row.rejected).toBe(mine.filter(({ e }) => e.action === 'rejected').length);
    }

    const stamps = decisions.filter(
      ({ h, e }) =>
        e.action === 'approved' &&
        e.timeOnItemMs !== null &&
        isRubberStamp(e.timeOnItemMs, readingFloorMs(h)),
    );
    expect(stamps.length).toBeGreaterThan(0);
    expect(d.decisionTime.rubberStampCount).toBe(stamps.length);

    const open = items.filter((h) =>
      ['pending', 'claimed', 'escalated', 'failed'].includes(h.status),
    );
    expect(d.queueDepth.at(-1)?.total).toBe(open.length);
    expect(d.sla.open).toBe(open.length);

    const arrived = items.filter((h) => Date.parse(h.createdAt) >= from);
    const auto = arrived.filter((h) =>
      (trails.get(h.id) ?? []).some((e) => e.action === 'auto_approved'),
    );
    expect(d.reviewRate.autoApproved).toBe(auto.length);
    const keyword = arrived.filter((h) =>
      (trails.get(h.id) ?? []).some(
        (e) => e.action === 'flagged' && e.why.rule === 'policy_keyword',
      ),
    );
    expect(d.escalations.items).toBe(arrived.length);
    expect(d.escalations.byTrigger.find((t) => t.trigger === 'policy_keyword')?.count).toBe(
      keyword.length,
    );

    for (const r of d.reviewers) {
      expect(r.decisions).toBe(decisions.filter(({ e }) => e.actor.id === r.id).length);
    }
  });

  it('moves with the next decision and drops it again when it leaves the window', async () => {
    const before = await dashboard(backend, '8h');
    const item = plainItem(backend);
    const category = item.ticket.category;
    const reply = await send(
      backend,
      'POST',
      `/handoffs/${item.id}/decisions`,
      {},
      {
        action: 'reject',
        version: item.version,
        timeOnItemMs: 40_000,
        reason: 'Wrong order number',
      },
    );
    expect(reply.status).toBe(200);
    const after = await dashboard(backend, '8h');
    const rejected = (d: Dashboard) =>
      d.decisionsByCategory.find((c) => c.category === category)?.rejected;
    expect(rejected(after)).toBe(rejected(before)! + 1);
    expect(after.queueDepth.at(-1)?.total).toBe(before.queueDepth.at(-1)!.total - 1);
    expect(after.reviewers.find((r) => r.id === 'u-femi')?.decisions).toBe(
      (before.reviewers.find((r) => r.id === 'u-femi')?.decisions ?? 0) + 1,
    );

    clock = NOW + 9 * 3_600_000;
    const later = await dashboard(backend, '8h');
    expect(later.reviewers.find((r) => r.id === 'u-femi')?.decisions ?? 0).toBe(0);
  });

  it('counts a re-routed item’s earlier decision for the team that made it, and the next for its new team', async () => {
    const teamRow = (d: Dashboard, id: string) => d.teams.find((t) => t.teamId === id);
    const before = await dashboard(backend, '8h');
    const h: Handoff = { ...plainItem(backend), team: billingRoute };
    backend.state.putHandoff(h);
    const at = () => backend.state.handoffs.get(h.id)!.version;
    const escalate = await send(
      backend,
      'POST',
      `/handoffs/${h.id}/decisions`,
      {},
      {
        action: 'escalate',
        version: at(),
        timeOnItemMs: 30_000,
        targetLevel: 'l2',
        note: 'Needs a specialist.',
      },
    );
    expect(escalate.status).toBe(200);
    const reroute = await send(
      backend,
      'POST',
      `/handoffs/${h.id}/reroute`,
      {},
      { version: at(), teamId: 'legal', reason: 'The customer is threatening to sue.' },
    );
    expect(reroute.status).toBe(200);
    const reject = await send(
      backend,
      'POST',
      `/handoffs/${h.id}/decisions`,
      {},
      { action: 'reject', version: at(), timeOnItemMs: 50_000, reason: 'Not ours to promise' },
    );
    expect(reject.status).toBe(200);

    const after = await dashboard(backend, '8h');
    // The escalation was Billing's; the rejection, made after the re-route, is Legal's.
    expect(teamRow(after, 'billing')?.decisions).toBe(teamRow(before, 'billing')!.decisions + 1);
    expect(teamRow(after, 'billing')?.timeOnItemsMs).toBe(
      teamRow(before, 'billing')!.timeOnItemsMs + 30_000,
    );
    expect(teamRow(after, 'legal')?.decisions).toBe(teamRow(before, 'legal')!.decisions + 1);
    expect(teamRow(after, 'legal')?.timeOnItemsMs).toBe(
      teamRow(before, 'legal')!.timeOnItemsMs + 50_000,
    );
    // The trail says so too: each event carries the team that held the item then.
    const trail = auditPageSchema.parse(
      (await send(backend, 'GET', `/handoffs/${h.id}/events`)).body,
    ).items;
    expect(trail.slice(-3).map((e) => [e.action, e.team?.teamId])).toEqual([
      ['escalated', 'billing'],
      ['rerouted', 'billing'],
      ['rejected', 'legal'],
    ]);
  });

  it('refuses an unknown window with 422', async () => {
    const reply = await send(backend, 'GET', '/dashboard', { window: '1y' });
    expect(reply.status).toBe(422);
  });
});
