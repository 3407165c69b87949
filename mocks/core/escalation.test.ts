// @vitest-environment node
import { type Handoff, handoffSchema, problemSchema } from '../../src/api/handoff-schemas';
import { messagesSinceDraft } from '../../src/domain/follow-ups';
import { Backend } from './backend';
import { callBackend, plainItem } from './test-items';

/*
 * What happens around an escalation and a stale draft: the package and the note travel, the
 * receiving level finds the item first, the SLA job hands breached items up exactly once, and
 * a draft the customer has overtaken cannot be approved unread.
 */

const START = Date.parse('2026-11-25T09:00:00.000Z');
const MINUTE = 60_000;

const call = (backend: Backend, method: string, path: string, actor: string, body?: unknown) =>
  callBackend(backend, method, path, { actor, body });

async function world() {
  let now = START;
  const backend = await Backend.create({ count: 120, clock: () => now });
  return {
    backend,
    setNow: (at: number) => {
      now = at;
    },
    item: (id: string) => backend.state.handoffs.get(id) as Handoff,
    events: (id: string) => backend.state.events.get(id) ?? [],
  };
}

describe('escalating', () => {
  it('keeps the whole context package, the reviewer’s text and their note, and starts the new level’s clock', async () => {
    const { backend, item } = await world();
    const h = plainItem(backend);
    const saved = await call(backend, 'PUT', `/handoffs/${h.id}/draft`, 'u-ana', {
      version: h.version,
      text: 'My partial reply, with the tracking number checked.',
    });
    const claimed = handoffSchema.parse(saved.body);
    const reply = await call(backend, 'POST', `/handoffs/${h.id}/decisions`, 'u-ana', {
      action: 'escalate',
      version: claimed.version,
      timeOnItemMs: 40_000,
      targetLevel: 'manager',
      note: 'Customer asks for $750 back; beyond my limit.',
    });
    expect(reply.status).toBe(200);
    const after = item(h.id);
    expect(after).toMatchObject({
      status: 'escalated',
      level: 'manager',
      assignee: null,
      context: h.context,
      ticket: h.ticket,
      drafts: h.drafts,
      workingDraft: { text: 'My partial reply, with the tracking number checked.' },
      escalation: {
        by: { type: 'person', id: 'u-ana' },
        fromLevel: 'l1',
        note: 'Customer asks for $750 back; beyond my limit.',
      },
    });
    // The manager's response target is 8 hours.
    expect(after.dueAt).toBe(new Date(START + 480 * MINUTE).toISOString());
  });

  it('puts the escalation first in the receiving level’s claim-next, before work below them', async () => {
    const { backend, item } = await world();
    const h = plainItem(backend);
    await call(backend, 'POST', `/handoffs/${h.id}/decisions`, 'u-ana', {
      action: 'escalate',
      version: h.version,
      timeOnItemMs: 40_000,
      targetLevel: 'manager',
      note: 'Needs a manager’s decision.',
    });
    const picked: Handoff[] = [];
    for (;;) {
      const reply = await call(backend, 'POST', '/handoffs/claim-next', 'u-dana');
      if (reply.status !== 200) break;
      const next = handoffSchema.parse(reply.body);
      picked.push(next);
      if (next.level !== 'manager') break;
    }
    expect(picked.map((p) => p.id)).toContain(h.id);
    // Every manager-level item came before the first item from a lower level.
    const firstLower = picked.findIndex((p) => p.level !== 'manager');
    expect(
      picked
        .slice(0, firstLower === -1 ? undefined : firstLower)
        .every((p) => p.level === 'manager'),
    ).toBe(true);
    expect(item(h.id).assignee?.id).toBe('u-dana');
  });
});

describe('SLA breach auto-escalation', () => {
  it('escalates nothing for a breached SLA in a fresh world’s first minutes', async () => {
    let now = START;
    const backend = await Backend.create({ count: 600, clock: () => now });
    const systemEscalations = () =>
      [...backend.state.events.values()]
        .flat()
        .filter((e) => e.action === 'escalated' && /^SLA breached/.test(e.outcome)).length;
    const seeded = systemEscalations();
    for (const minute of [0, 1, 2, 5, 10]) {
      now = START + minute * MINUTE;
      await backend.tick();
    }
    expect(systemEscalations()).toBe(seeded);
  });

  it('hands an unclaimed breached item one level up, once, audited as the system', async () => {
    const { backend, setNow, item, events } = await world();
    const h = plainItem(backend);
    await backend.tick();
    expect(item(h.id).level).toBe('l1');

    const breachAt = Date.parse(h.dueAt) + 1000;
    setNow(breachAt);
    const before = events(h.id).length;
    await backend.tick();
    const after = item(h.id);
    expect(after).toMatchObject({
      status: 'escalated',
      level: 'l2',
      assignee: null,
      version: h.version + 1,
      // L2's response target is 4 hours from the breach.
      dueAt: new Date(breachAt + 240 * MINUTE).toISOString(),
      escalation: { by: { type: 'system' }, fromLevel: 'l1' },
    });
    expect(after.context).toEqual(h.context);
    const added = events(h.id).slice(before);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      action: 'escalated',
      actor: { type: 'system' },
      // The seeded item carries its team, whose ladder it climbs.
      outcome: expect.stringMatching(/^SLA breached: escalated to L2 Specialist · /),
      version: after.version,
      why: { reason: expect.stringMatching(/^Nobody at L1 Support took it by its due time/) },
    });

    // A second tick at the same clock changes nothing anywhere.
    const revision = backend.state.revision;
    await backend.tick();
    expect(backend.state.revision).toBe(revision);
    expect(item(h.id)).toEqual(after);
    expect(events(h.id).slice(before)).toHaveLength(1);

    // A second breach, at L2, is a second escalation, keeping the first note in the new one.
    setNow(Date.parse(after.dueAt) + 1000);
    await backend.tick();
    expect(item(h.id)).toMatchObject({ level: 'manager', version: after.version + 1 });
    expect(item(h.id).escalation?.note).toContain(after.escalation?.note ?? '?');
    expect(events(h.id).slice(before)).toHaveLength(2);
  });

  it('leaves claimed items with their holder, and escalates them once released past due', async () => {
    const { backend, setNow, item } = await world();
    const h = plainItem(backend);
    const claimed = handoffSchema.parse(
      (await call(backend, 'POST', `/handoffs/${h.id}/claim`, 'u-ana', { version: h.version }))
        .body,
    );
    setNow(Date.parse(h.dueAt) + 5 * MINUTE);
    await backend.tick();
    expect(item(h.id)).toEqual(claimed);

    await call(backend, 'POST', `/handoffs/${h.id}/release`, 'u-ana', { version: claimed.version });
    await backend.tick();
    expect(item(h.id)).toMatchObject({ level: 'l2', status: 'escalated', assignee: null });
  });

  it('leaves breached items at the top of the ladder where they are', async () => {
    const { backend, setNow, item } = await world();
    const top: Handoff = { ...plainItem(backend), id: 'h-top', level: 'executive' };
    backend.state.putHandoff(top);
    setNow(Date.parse(top.dueAt) + MINUTE);
    await backend.tick();
    expect(item('h-top')).toEqual(top);
  });
});

describe('stale drafts', () => {
  function staleItem(backend: Backend): Handoff {
    const found = [...backend.state.handoffs.values()].find(
      (h) => h.status === 'pending' && h.level === 'l1' && messagesSinceDraft(h).length > 0,
    );
    if (!found) throw new Error('the seed has no stale draft');
    return found;
  }

  it('are seeded: at least one plain pending L1 item whose customer wrote after the draft', async () => {
    const { backend } = await world();
    const h = staleItem(backend);
    expect(Date.parse(h.ticket.followUps?.at(-1)?.at ?? '')).toBeGreaterThan(
      Date.parse(h.drafts.at(-1)?.createdAt ?? ''),
    );
    expect(Date.parse(h.ticket.followUps?.at(-1)?.at ?? '')).toBeLessThanOrEqual(START);
  });

  it('cannot be approved until the reviewer confirms reading the newest message', async () => {
    const { backend, item } = await world();
    const h = staleItem(backend);
    const body = {
      action: 'approve',
      version: h.version,
      timeOnItemMs: 30_000,
      acknowledgedFlags: h.context.flags.filter((f) => f.hardStop).map((f) => f.rule),
      finalText: 'Hello, thank you for your patience.',
      selectedOptionId: h.context.options[0]?.id ?? null,
    };
    const unread = await call(backend, 'POST', `/handoffs/${h.id}/decisions`, 'u-ana', body);
    expect(unread.status).toBe(422);
    expect(problemSchema.parse(unread.body).errors).toContainEqual({
      pointer: '/seenCustomerMessageAt',
      message:
        'The customer wrote again after this draft was made. Read the new message before approving.',
    });
    // An acknowledgement of an older message does not count.
    const older = await call(backend, 'POST', `/handoffs/${h.id}/decisions`, 'u-ana', {
      ...body,
      seenCustomerMessageAt: h.drafts.at(-1)?.createdAt,
    });
    expect(older.status).toBe(422);
    expect(item(h.id).status).toBe('pending');

    const read = await call(backend, 'POST', `/handoffs/${h.id}/decisions`, 'u-ana', {
      ...body,
      seenCustomerMessageAt: h.ticket.followUps?.at(-1)?.at,
    });
    expect(read.status).toBe(200);
    expect(item(h.id).status).toBe('approved');
  });
});
