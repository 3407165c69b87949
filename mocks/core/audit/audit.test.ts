// @vitest-environment node
import {
  type AuditEntry,
  auditLogPageSchema,
  feedbackPageSchema,
} from '../../../src/api/audit-schemas';
import { problemSchema } from '../../../src/api/handoff-schemas';
import type { PolicyChange } from '../../../src/api/policy-change-schemas';
import { defaultRoutingPolicy } from '../../../src/domain/default-policy';
import { applyPolicyChange } from '../../../src/domain/policy-history';
import { startBuiltInAgent } from '../../../tests/kits/built-in-agent';
import { everyPage, pageQuery, pagesAfter } from '../../../tests/kits/paging';
import { Backend } from '../backend';
import { POLICY_CHANGES_SETTING } from './policy-entries';

let now = Date.parse('2026-11-25T09:00:00.000Z');
const makeBackend = () => Backend.create({ count: 150, clock: () => now });

let keys = 0;
function call(backend: Backend, method: string, path: string, query = {}, body?: unknown) {
  return backend.handle({
    method,
    path,
    query: new URLSearchParams(query),
    headers: new Headers({ 'X-Actor-Id': 'u-chen', 'Idempotency-Key': `k-${++keys}` }),
    body: body === undefined ? null : JSON.stringify(body),
  });
}

async function auditPage(backend: Backend, query: Record<string, string> = {}) {
  const reply = await call(backend, 'GET', '/audit', query);
  expect(reply.status).toBe(200);
  return auditLogPageSchema.parse(reply.body);
}

function allEntries(backend: Backend, query: Record<string, string> = {}, limit = 37) {
  return everyPage((cursor) => auditPage(backend, pageQuery(query, limit, cursor)));
}

const decide = (backend: Backend, id: string, body: Record<string, unknown>) => {
  const h = backend.state.handoffs.get(id)!;
  return call(
    backend,
    'POST',
    `/handoffs/${id}/decisions`,
    {},
    {
      version: h.version,
      timeOnItemMs: 40_000,
      acknowledgedFlags: [...new Set(h.context.flags.map((f) => f.rule))],
      ...body,
    },
  );
};

function openL1Items(backend: Backend, n: number) {
  return [...backend.state.handoffs.values()]
    .filter(
      (h) =>
        h.status === 'pending' && h.level === 'l1' && !h.assignee && h.context.options.length < 2,
    )
    .slice(0, n);
}

const isNewestFirst = (entries: AuditEntry[]) =>
  entries.every((e, i) => i === 0 || Date.parse(entries[i - 1]!.at) >= Date.parse(e.at));

describe('GET /audit', () => {
  it('lists every event of every item once, newest first, with a stable total', async () => {
    const backend = await makeBackend();
    const eventCount = [...backend.state.events.values()].reduce((n, list) => n + list.length, 0);
    const entries = await allEntries(backend);
    expect(entries).toHaveLength(eventCount);
    expect(new Set(entries.map((e) => e.id)).size).toBe(eventCount);
    expect(isNewestFirst(entries)).toBe(true);
    const first = await auditPage(backend, { limit: '5' });
    expect(first.total).toBe(eventCount);
    expect(first.items[0]).toMatchObject({ kind: 'event', ticketNumber: expect.any(Number) });
  });

  it('keeps paging where it was while new events arrive', async () => {
    const backend = await makeBackend();
    const before = await allEntries(backend);
    const first = await auditPage(backend, { limit: '50' });
    // New decisions land while someone is on page one.
    now += 60_000;
    for (const h of openL1Items(backend, 3)) {
      expect(
        (await decide(backend, h.id, { action: 'reject', reason: 'Wrong order number' })).status,
      ).toBe(200);
    }
    const rest = await pagesAfter(first.nextCursor, (cursor) =>
      auditPage(backend, pageQuery({}, 50, cursor)),
    );
    expect([...first.items, ...rest].map((e) => e.id)).toEqual(before.map((e) => e.id));
    // And the new events are at the top for the next reader.
    const fresh = await auditPage(backend, { limit: '3' });
    expect(fresh.items.map((e) => e.action)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(fresh.total).toBe(before.length + 3);
  });

  it('filters by actor, action, item, rule, time and text', async () => {
    const backend = await makeBackend();
    const all = await allEntries(backend, {}, 500);
    const people = await allEntries(backend, { actorType: 'person' }, 500);
    expect(people.length).toBeGreaterThan(0);
    expect(people).toEqual(all.filter((e) => e.actor.type === 'person'));

    const someone = people[0]!.actor.id;
    const theirs = await allEntries(backend, { actorId: someone }, 500);
    expect(theirs).toEqual(all.filter((e) => e.actor.id === someone));

    const decisions = await allEntries(backend, { action: 'rejected,escalated' }, 500);
    expect(decisions.length).toBeGreaterThan(0);
    expect(decisions).toEqual(
      all.filter((e) => e.action === 'rejected' || e.action === 'escalated'),
    );

    const h = backend.state.handoffs.get('h-4521')!;
    const byId = await allEntries(backend, { item: 'h-4521' });
    const byNumber = await allEntries(backend, { item: `#${h.ticket.number}` });
    expect(byId.map((e) => e.id)).toEqual(
      [...backend.state.events.get('h-4521')!].reverse().map((e) => e.id),
    );
    expect(byNumber).toEqual(byId);

    const keyword = await allEntries(backend, { rule: 'policy_keyword' }, 500);
    expect(keyword.length).toBeGreaterThan(0);
    expect(
      keyword.every(
        (e) =>
          e.kind === 'event' &&
          (e.why.rule === 'policy_keyword' || e.acknowledgedFlags.includes('policy_keyword')),
      ),
    ).toBe(true);

    const mid = all[Math.floor(all.length / 2)]!.at;
    const late = all.at(-10)!.at;
    const window = await allEntries(backend, { from: late, to: mid }, 500);
    expect(window).toEqual(all.filter((e) => e.at >= late && e.at <= mid));

    const text = await allEntries(backend, { q: 'SENT TO THE CUSTOMER WITH EDITS' }, 500);
    expect(text.length).toBeGreaterThan(0);
    expect(text).toEqual(all.filter((e) => e.outcome === 'Sent to the customer with edits'));
  });

  it('includes policy changes in time order and filters them like events', async () => {
    const backend = await makeBackend();
    const lead = { type: 'person' as const, id: 'u-femi', name: 'Femi' };
    const first = applyPolicyChange(
      defaultRoutingPolicy,
      { categories: { billing: { confidenceThreshold: 0.93 } } },
      lead,
      'Billing drafts were confidently wrong last week',
      now - 3_600_000,
    );
    const second = applyPolicyChange(
      first.policy,
      { rules: [{ id: 'low_confidence', params: { threshold: 0.66 } }] },
      lead,
      'Review more uncertain drafts',
      now + 1000,
    );
    const history: PolicyChange[] = [first.change, second.change];
    // A malformed change (another module's bug) is left out instead of breaking the log.
    backend.state.putSetting(POLICY_CHANGES_SETTING, [...history, { id: 'policy-broken' }]);

    const top = await auditPage(backend, { limit: '1' });
    expect(top.items[0]).toMatchObject({
      kind: 'policy',
      action: 'policy_changed',
      actor: lead,
      why: { reason: 'Review more uncertain drafts', rule: 'low_confidence' },
      version: second.change.after.version,
      rules: ['low_confidence'],
    });
    const all = await allEntries(backend, {}, 41);
    expect(all.filter((e) => e.kind === 'policy').map((e) => e.id)).toEqual([
      second.change.id,
      first.change.id,
    ]);
    expect(isNewestFirst(all)).toBe(true);

    const byRule = await allEntries(backend, {
      rule: 'low_confidence',
      action: 'policy_changed,policy_rolled_back',
    });
    expect(byRule.map((e) => e.id)).toEqual([second.change.id]);
    const byText = await allEntries(backend, { q: 'billing: confidence threshold' });
    expect(byText.map((e) => e.id)).toEqual([first.change.id]);
    expect(byText[0]).toMatchObject({ changes: [expect.stringMatching(/93%/)] });
    expect(await allEntries(backend, { item: 'h-4521', action: 'policy_changed' })).toEqual([]);
  });

  it('refuses a cursor it did not issue and unknown filter values', async () => {
    const backend = await makeBackend();
    const bad = await call(backend, 'GET', '/audit', { cursor: 'not-a-cursor' });
    expect(bad.status).toBe(400);
    expect(problemSchema.parse(bad.body).errors?.[0]?.pointer).toBe('/cursor');
    expect((await call(backend, 'GET', '/audit', { action: 'exploded' })).status).toBe(422);
    expect((await call(backend, 'GET', '/audit', { from: 'yesterday' })).status).toBe(422);
  });
});

describe('GET /feedback', () => {
  function allRecords(backend: Backend, query: Record<string, string> = {}) {
    return everyPage(async (cursor) => {
      const reply = await call(backend, 'GET', '/feedback', pageQuery(query, 25, cursor));
      expect(reply.status).toBe(200);
      return feedbackPageSchema.parse(reply.body);
    });
  }

  it('records edited approvals, rejections and redirects, and nothing else', async () => {
    const backend = await makeBackend();
    const seeded = new Set((await allRecords(backend)).map((r) => r.id));
    now += 120_000;
    const [asDrafted, edited, rejected, redirected, escalated] = openL1Items(backend, 5);
    const draftOf = (id: string) => backend.state.handoffs.get(id)!.drafts.at(-1)!.text;
    const editedDraft = draftOf(edited!.id);

    await decide(backend, asDrafted!.id, { action: 'approve', finalText: draftOf(asDrafted!.id) });
    await decide(backend, edited!.id, {
      action: 'approve',
      finalText: `${editedDraft}\nP.S. Thanks for bearing with us.`,
    });
    await decide(backend, rejected!.id, {
      action: 'reject',
      reason: 'Quotes the wrong order number',
    });
    const redirectedDraft = draftOf(redirected!.id);
    const stopAgent = await startBuiltInAgent(backend);
    await decide(backend, redirected!.id, {
      action: 'redirect',
      instructions: 'Apologise for the delay first',
    });
    // The redirect's record holds the draft the agent wrote in answer.
    await vi.waitFor(() => expect(draftOf(redirected!.id)).not.toBe(redirectedDraft));
    stopAgent();
    await decide(backend, escalated!.id, {
      action: 'escalate',
      targetLevel: 'l2',
      note: 'Needs a specialist',
    });

    const fresh = (await allRecords(backend)).filter((r) => !seeded.has(r.id));
    expect(fresh.map((r) => [r.handoffId, r.correction])).toEqual([
      [redirected!.id, 'redirect'],
      [rejected!.id, 'reject'],
      [edited!.id, 'edit'],
    ]);
    const [redirect, reject, edit] = fresh;
    expect(edit).toMatchObject({
      aiDraft: editedDraft,
      finalText: `${editedDraft}\nP.S. Thanks for bearing with us.`,
      reason: null,
      reviewer: { type: 'person', id: 'u-chen' },
      category: edited!.ticket.category,
      confidence: edited!.context.confidence,
      labels: [...new Set(edited!.context.flags.map((f) => f.rule))],
    });
    expect(edit!.diff).toContain('+P.S. Thanks for bearing with us.');
    expect(reject).toMatchObject({
      finalText: null,
      diff: null,
      reason: 'Quotes the wrong order number',
    });
    expect(redirect).toMatchObject({
      aiDraft: redirectedDraft,
      finalText: draftOf(redirected!.id),
      reason: 'Apologise for the delay first',
      draftNumber: redirected!.drafts.at(-1)!.number,
    });
    expect(redirect!.finalText).not.toBe(redirectedDraft);

    const onlyRejections = await allRecords(backend, { correction: 'reject' });
    expect(onlyRejections.every((r) => r.correction === 'reject')).toBe(true);
    expect(onlyRejections.map((r) => r.id)).toContain(reject!.id);
  });
});
