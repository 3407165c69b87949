// @vitest-environment node
import {
  type Category,
  type DecisionAction,
  decisionResultSchema,
  type Handoff,
  handoffSchema,
  problemSchema,
} from '../../src/api/handoff-schemas';
import { Backend } from './backend';
import { callBackend, plainItem } from './test-items';

/*
 * The ladder's authority as the backend enforces it, over the API: every decision by every
 * level at every amount band, claims and edits by level, and the 403 a reviewer reads.
 */

const NOW = Date.parse('2026-11-25T09:00:00.000Z');
const backend = await Backend.create({ count: 120, clock: () => NOW });
const template = plainItem(backend);

let serial = 0;
/** A fresh, unclaimed, flag-free item at `level` in `category`, added to the world. */
function freshItem(category: Category = 'billing', level: Handoff['level'] = 'l1'): Handoff {
  serial += 1;
  const h: Handoff = {
    ...template,
    id: `h-auth-${serial}`,
    level,
    status: 'pending',
    assignee: null,
    gate: null,
    ticket: { ...template.ticket, category, followUps: undefined },
    context: { ...template.context, flags: [], options: [] },
  };
  backend.state.putHandoff(h);
  return h;
}

const call = (method: string, path: string, actor: string, body?: unknown) =>
  callBackend(backend, method, path, { actor, body });

const refundText = (amount: number | null) =>
  amount === null
    ? 'Hello, your parcel is on its way and should arrive on Tuesday.'
    : `Hello, I have issued a refund of $${amount.toFixed(2)} to your card; it arrives in 3-5 days.`;

function decision(action: DecisionAction, h: Handoff, amount: number | null) {
  const common = { version: h.version, timeOnItemMs: 20_000, acknowledgedFlags: [] };
  switch (action) {
    case 'approve':
      return { ...common, action, finalText: refundText(amount) };
    case 'reject':
      return { ...common, action, reason: 'Wrong order number quoted.' };
    case 'escalate':
      return { ...common, action, targetLevel: 'executive', note: 'Needs a second look.' };
    case 'redirect':
      return { ...common, action, instructions: 'Quote the tracking number.' };
  }
}

const people = [
  ['u-ana', 'L1 Support'],
  ['u-chen', 'L2 Specialist'],
  ['u-dana', 'Manager'],
  ['u-elif', 'Executive'],
] as const;
type Person = (typeof people)[number][0];

const Y = true;
const N = false;
/*
 * Approving a reply that promises this refund, by person (columns): the default ladder's
 * limits are L1 $100, L2 $500, Manager $5,000, Executive none. Written out rather than
 * computed, so the table is the specification.
 */
const approveTable: [number | null, Record<Person, boolean>, string | null][] = [
  //        ana chen dana elif   who can when refused
  [null, { 'u-ana': Y, 'u-chen': Y, 'u-dana': Y, 'u-elif': Y }, null],
  [50, { 'u-ana': Y, 'u-chen': Y, 'u-dana': Y, 'u-elif': Y }, null],
  [100, { 'u-ana': Y, 'u-chen': Y, 'u-dana': Y, 'u-elif': Y }, null],
  [100.01, { 'u-ana': N, 'u-chen': Y, 'u-dana': Y, 'u-elif': Y }, 'l2'],
  [500, { 'u-ana': N, 'u-chen': Y, 'u-dana': Y, 'u-elif': Y }, 'l2'],
  [750, { 'u-ana': N, 'u-chen': N, 'u-dana': Y, 'u-elif': Y }, 'manager'],
  [5000, { 'u-ana': N, 'u-chen': N, 'u-dana': Y, 'u-elif': Y }, 'manager'],
  [5000.01, { 'u-ana': N, 'u-chen': N, 'u-dana': N, 'u-elif': Y }, 'executive'],
  [250_000, { 'u-ana': N, 'u-chen': N, 'u-dana': N, 'u-elif': Y }, 'executive'],
];

describe('authority: every decision × level × amount', () => {
  for (const [amount, byPerson, requiredLevel] of approveTable) {
    for (const [person, label] of people) {
      for (const action of ['approve', 'reject', 'escalate', 'redirect'] as const) {
        // Only approving sends the draft, so only approving is held to the refund limit.
        const allowed = action === 'approve' ? byPerson[person] : true;
        const band = amount === null ? 'no money' : `$${amount}`;
        it(`${person} ${action} at ${band}: ${allowed ? 'allowed' : 'refused'}`, async () => {
          const h = freshItem();
          const reply = await call(
            'POST',
            `/handoffs/${h.id}/decisions`,
            person,
            decision(action, h, amount),
          );
          if (allowed) {
            expect(reply.status).toBe(200);
            decisionResultSchema.parse(reply.body);
            return;
          }
          expect(reply.status).toBe(403);
          expect(reply.headers?.['content-type']).toBe('application/problem+json');
          const problem = problemSchema.parse(reply.body);
          expect(problem.code).toBe('forbidden');
          expect(problem.requiredLevel).toBe(requiredLevel);
          expect(problem.detail).toContain(`this draft promises $`);
          expect(problem.detail).toMatch(new RegExp(`You are ${label}\\.$`));
          // Refused means untouched: same version, no outcome, nobody's name on it.
          expect(backend.state.handoffs.get(h.id)).toMatchObject({
            version: h.version,
            status: 'pending',
            outcome: null,
          });
        });
      }
    }
  }

  it('says exactly why, in the words a reviewer reads', async () => {
    const h = freshItem();
    const reply = await call('POST', `/handoffs/${h.id}/decisions`, 'u-ana', {
      ...decision('approve', h, 750),
    });
    expect(problemSchema.parse(reply.body)).toMatchObject({
      status: 403,
      code: 'forbidden',
      title: 'Not within your authority',
      detail:
        'Refunds over $500 need Manager or above; this draft promises $750.00. You are L1 Support.',
      requiredLevel: 'manager',
    });
  });

  it('judges the reply that would be sent, so an L1 reviewer may approve a refund they cut to their limit', async () => {
    const h = freshItem();
    const cut = await call('POST', `/handoffs/${h.id}/decisions`, 'u-ana', {
      ...decision('approve', h, 750),
      finalText: refundText(90),
    });
    expect(cut.status).toBe(200);
  });

  it('holds credits and exceptions to policy to the ladder as well', async () => {
    const credit = freshItem();
    const creditReply = await call('POST', `/handoffs/${credit.id}/decisions`, 'u-ana', {
      ...decision('approve', credit, null),
      finalText: 'We have added a credit of $150.00 to your account.',
    });
    expect(problemSchema.parse(creditReply.body)).toMatchObject({
      requiredLevel: 'l2',
      detail: expect.stringMatching(/^Credits over \$100 need L2 Specialist or above/),
    });
    const exception = freshItem();
    const exceptionReply = await call('POST', `/handoffs/${exception.id}/decisions`, 'u-ana', {
      ...decision('approve', exception, null),
      finalText:
        'As a one-time courtesy we will accept the return outside our 30-day return window.',
    });
    expect(problemSchema.parse(exceptionReply.body)).toMatchObject({
      requiredLevel: 'l2',
      detail: expect.stringMatching(/^Exceptions to policy need L2 Specialist or above/),
    });
  });

  it('keeps legal items from L1 for every decision but escalation', async () => {
    for (const action of ['approve', 'reject', 'redirect'] as const) {
      const h = freshItem('legal');
      const reply = await call(
        'POST',
        `/handoffs/${h.id}/decisions`,
        'u-ana',
        decision(action, h, null),
      );
      expect(reply.status, action).toBe(403);
      expect(problemSchema.parse(reply.body).requiredLevel).toBe('l2');
    }
    const h = freshItem('legal');
    const escalated = await call('POST', `/handoffs/${h.id}/decisions`, 'u-ana', {
      ...decision('escalate', h, null),
      targetLevel: 'l2',
    });
    expect(escalated.status).toBe(200);
  });
});

describe('authority: claiming and editing by item level', () => {
  const levels = ['l1', 'l2', 'manager', 'executive'] as const;
  const rank = { l1: 1, l2: 2, manager: 3, executive: 4 } as const;
  const personLevel: Record<Person, (typeof levels)[number]> = {
    'u-ana': 'l1',
    'u-chen': 'l2',
    'u-dana': 'manager',
    'u-elif': 'executive',
  };
  for (const itemLevel of levels) {
    for (const [person] of people) {
      const allowed = rank[personLevel[person]] >= rank[itemLevel];
      it(`${person} on an item at ${itemLevel}: claim and edit ${allowed ? 'allowed' : 'refused'}`, async () => {
        const forClaim = freshItem('billing', itemLevel);
        const claim = await call('POST', `/handoffs/${forClaim.id}/claim`, person, {
          version: forClaim.version,
        });
        const forEdit = freshItem('billing', itemLevel);
        const edit = await call('PUT', `/handoffs/${forEdit.id}/draft`, person, {
          version: forEdit.version,
          text: 'My own reply.',
        });
        for (const reply of [claim, edit]) {
          if (allowed) {
            expect(reply.status).toBe(200);
            handoffSchema.parse(reply.body);
          } else {
            expect(reply.status).toBe(403);
            const problem = problemSchema.parse(reply.body);
            expect(problem).toMatchObject({ code: 'forbidden', requiredLevel: itemLevel });
            expect(problem.detail).toMatch(/outside the authority of/);
          }
        }
      });
    }
  }

  it('lets an L1 reviewer claim and edit a draft beyond their limit, so they can cut it down or hand it up', async () => {
    const h = freshItem();
    const edit = await call('PUT', `/handoffs/${h.id}/draft`, 'u-ana', {
      version: h.version,
      text: refundText(4000),
    });
    expect(edit.status).toBe(200);
  });
});

describe('the level a rule asks for', () => {
  it('routes the worked example #4521 to L2 Specialist and refuses it to L1 on claim and on decision', async () => {
    const example = backend.state.handoffs.get('h-4521')!;
    expect(example.level).toBe('l2');
    expect(example.context.flags.map((f) => f.rule)).toContain('policy_keyword');
    const claim = await call('POST', '/handoffs/h-4521/claim', 'u-ana', {
      version: example.version,
    });
    const decide = await call('POST', '/handoffs/h-4521/decisions', 'u-ana', {
      action: 'reject',
      version: example.version,
      timeOnItemMs: 20_000,
      acknowledgedFlags: [],
      reason: 'Not ours to settle.',
    });
    for (const reply of [claim, decide]) {
      expect(reply.status).toBe(403);
      expect(problemSchema.parse(reply.body)).toMatchObject({
        code: 'forbidden',
        requiredLevel: 'l2',
      });
    }
    expect(backend.state.handoffs.get('h-4521')).toEqual(example);
    const byChen = await call('POST', '/handoffs/h-4521/claim', 'u-chen', {
      version: example.version,
    });
    expect(byChen.status).toBe(200);
  });

  it('holds an item to its fired rule’s level even where it was routed lower', async () => {
    const example = backend.state.handoffs.get('h-4521')!;
    const keyword = example.context.flags.find((f) => f.rule === 'policy_keyword')!;
    const h = { ...freshItem('shipping', 'l1') };
    const flagged: Handoff = { ...h, context: { ...h.context, flags: [keyword] } };
    backend.state.putHandoff(flagged);
    const claim = await call('POST', `/handoffs/${h.id}/claim`, 'u-ben', { version: h.version });
    expect(claim.status).toBe(403);
    const problem = problemSchema.parse(claim.body);
    expect(problem).toMatchObject({ code: 'forbidden', requiredLevel: 'l2' });
    expect(problem.detail).toBe(
      'The policy keyword rule needs L2 Specialist or above on this item; you are L1 Support.',
    );
    const edit = await call('PUT', `/handoffs/${h.id}/draft`, 'u-ana', {
      version: h.version,
      text: 'My own reply.',
    });
    expect(edit.status).toBe(403);
    expect(
      (await call('POST', `/handoffs/${h.id}/claim`, 'u-chen', { version: h.version })).status,
    ).toBe(200);
  });
});
