import type { AuditEvent, Customer, Gate, Handoff, Ticket } from '../../src/api/handoff-schemas';
import { defaultRulesTable } from '../../src/domain/default-policy';
import { newGate } from '../../src/domain/gates';
import { evaluateRules } from '../../src/domain/rules';
import { assemble } from './assemble';
import type { CaseContent } from './case';
import { type Plan, settle } from './plan';
import { createRandom } from './random';
import { slaMs } from './schedule';
import { letter } from './text';

/*
 * A few fixed items beside the worked example, so the gates and the other handoff kinds can
 * be shown and tested without hunting through the random world: a gate about to time out, a
 * calm gate, two AI failures (one a retry fixes, one it does not) and an item the AI is
 * still working on. Like #4521, their text is fixed and only their timestamps follow `now`.
 */

const MINUTE = 60_000;

interface Showcase {
  number: number;
  first: string;
  customer: Omit<Customer, 'id'>;
  ticket: Pick<Ticket, 'subject' | 'category' | 'urgency' | 'channel'>;
  message: string[];
  story: CaseContent['story'];
  reply: string[];
  confidence: number;
  diagnosis: string | null;
  plan: Omit<Plan, 'status'>;
  /** Minutes since the AI handed it over. */
  age: number;
  gate?: (now: number) => Gate;
}

const plainCustomer = (name: string, email: string) => ({
  name,
  email,
  tier: 'standard' as const,
  lifetimeValue: 420,
  priorComplaints: 0,
});

const showcases: Showcase[] = [
  {
    number: 4522,
    first: 'Priya',
    customer: plainCustomer('Priya Raman', 'priya.raman@example.com'),
    ticket: {
      subject: 'Wrong size sent for order #90417',
      category: 'shipping',
      urgency: 'normal',
      channel: 'email',
    },
    message: [
      'I ordered the Harbor rain jacket in medium (order #90417) and received a large. Can you send the right size?',
    ],
    story: {
      topic: 'wrong item size, exchange requested',
      reference: 'order #90417',
      retrieve: 'Retrieved the exchange policy for wrong items',
      toolCall: 'Looked up order #90417: Harbor rain jacket, size L shipped, M ordered',
    },
    reply: [
      "Sorry about the mix-up with order #90417. I've sent a Harbor rain jacket in medium by express shipping today, and a prepaid return label for the large is on its way to your inbox.",
    ],
    // Below shipping's threshold: the policy sends it to a person, as every showcase item is.
    confidence: 0.82,
    diagnosis: null,
    plan: { kind: 'checkpoint', start: 'pending', level: 'l1', moves: [] },
    age: 7,
    // The floor's soonest gate: 18 minutes left, so it warns after 13 and times out while
    // someone watches, but never in a fresh world's quiet first quarter hour.
    gate: (now) => newGate(now - 7 * MINUTE, 25 * MINUTE, 'hold_and_escalate'),
  },
  {
    number: 4523,
    first: 'Tom',
    customer: plainCustomer('Tom Becker', 'tom.becker@example.com'),
    ticket: {
      subject: 'Invoice for October shows the old address',
      category: 'billing',
      urgency: 'low',
      channel: 'web',
    },
    message: [
      'Our October invoice still shows our old office address. Could you reissue it with the new one we gave you last month?',
    ],
    story: {
      topic: 'invoice address correction',
      reference: 'the October invoice',
      retrieve: 'Retrieved the invoice reissue procedure',
      toolCall: 'Looked up the account: billing address updated on 3 October',
    },
    reply: [
      "Thanks for letting us know. I've reissued the October invoice with your new address; you'll find it attached to this email and in your account under Billing.",
    ],
    confidence: 0.84,
    diagnosis: null,
    plan: { kind: 'checkpoint', start: 'pending', level: 'l1', moves: [] },
    age: 10,
    gate: (now) => newGate(now - 10 * MINUTE, 60 * MINUTE, 'approve'),
  },
  {
    number: 4524,
    first: 'Lena',
    customer: plainCustomer('Lena Fischer', 'lena.fischer@example.com'),
    ticket: {
      subject: 'Where is my parcel? Tracking stuck',
      category: 'shipping',
      urgency: 'normal',
      channel: 'chat',
    },
    message: ['My tracking number PX-55120 has said "in transit" for a week. Where is my parcel?'],
    story: {
      topic: 'tracking not updating',
      reference: 'parcel PX-55120',
      retrieve: 'Retrieved the late-delivery policy',
      toolCall: null,
    },
    reply: [],
    confidence: 0.42,
    diagnosis:
      'Carrier tracking API returned 503 for PX-55120; last good step: retrieved the late-delivery policy',
    plan: { kind: 'escalation', start: 'ai_working', level: 'l1', moves: [{ type: 'fail' }] },
    age: 12,
  },
  {
    number: 4525,
    first: 'Marco',
    customer: plainCustomer('Marco Rossi', 'marco.rossi@example.com'),
    ticket: {
      subject: 'Refunded twice? My statement is confusing',
      category: 'billing',
      urgency: 'normal',
      channel: 'email',
    },
    message: [
      'My bank statement shows two refunds from you last week but I only returned one item. Which one is right?',
    ],
    story: {
      topic: 'duplicate refund query',
      reference: 'your recent refund',
      retrieve: 'Retrieved the refund policy',
      toolCall: null,
    },
    reply: [],
    confidence: 0.38,
    diagnosis:
      'Ledger returned two conflicting refund records; last good step: retrieved the refund policy',
    plan: { kind: 'escalation', start: 'ai_working', level: 'l1', moves: [{ type: 'fail' }] },
    age: 15,
  },
  {
    number: 4526,
    first: 'Aiko',
    customer: plainCustomer('Aiko Tanaka', 'aiko.tanaka@example.com'),
    ticket: {
      subject: 'Cannot log in after changing my phone',
      category: 'account',
      urgency: 'high',
      channel: 'web',
    },
    message: [
      'I got a new phone and now the login code goes to my old number. How do I get back into my account?',
    ],
    story: {
      topic: 'two-factor reset after a new phone',
      reference: 'your account',
      retrieve: 'Retrieved the two-factor reset procedure',
      toolCall: 'Looked up the account: two-factor by SMS to a number ending 0417',
    },
    reply: [
      "I can help you get back in. For your security I'll send a reset link to the email address on your account; once you follow it you can register your new phone number.",
    ],
    confidence: 0.82,
    diagnosis: null,
    plan: { kind: 'checkpoint', start: 'ai_working', level: 'l1', moves: [] },
    age: 1,
  },
];

export const SHOWCASE_NUMBERS: readonly number[] = showcases.map((s) => s.number);

export function showcaseHandoffs(now: number): { handoff: Handoff; events: AuditEvent[] }[] {
  return showcases.map((s) => {
    const ticket: Ticket = {
      id: `t-${s.number}`,
      number: s.number,
      customer: { id: `c-${s.number}`, ...s.customer },
      ...s.ticket,
      body: [`Hello,`, ...s.message, s.customer.name].join('\n\n'),
      language: 'en',
      attachments: 0,
      receivedAt: '1970-01-01T00:00:00.000Z',
    };
    const draft = letter(
      'en',
      s.first,
      s.diagnosis
        ? [
            `Thank you for contacting us about ${s.story.reference}. I'm checking the details with the right team and will come back to you within one business day with a full answer.`,
          ]
        : s.reply,
    );
    const content: CaseContent = {
      story: s.story,
      language: 'en',
      firstName: s.first,
      ticket,
      draft,
      options: [],
      optionsTopic: null,
      confidence: s.confidence,
      diagnosis: s.diagnosis,
      flags: evaluateRules(
        ticket,
        { confidence: s.confidence, options: [], diagnosis: s.diagnosis },
        defaultRulesTable,
      ),
    };
    const createdAt = now - s.age * MINUTE;
    return assemble(
      createRandom(s.number),
      s.number,
      content,
      settle(s.plan),
      {
        createdAt,
        dueAt: createdAt + slaMs[s.ticket.urgency],
        moveAt: s.plan.moves.map(() => createdAt + 5_000),
        gate: s.gate?.(now) ?? null,
      },
      now,
    );
  });
}
