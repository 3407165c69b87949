import type { AuditEvent, Handoff, Ticket } from '../../src/api/handoff-schemas';
import { defaultRulesTable } from '../../src/domain/default-policy';
import { evaluateRules } from '../../src/domain/rules';
import { assemble } from './assemble';
import type { CaseContent } from './case';
import { seedRoute, settle } from './plan';
import { createRandom } from './random';
import { slaMs } from './schedule';
import type { Story } from './stories/types';
import { letter, money } from './text';

/*
 * Complaint #4521, the worked example from the course module the product is built on: a
 * delayed shipment, a refund request, a mention of legal action and three prior complaints.
 * Its text is fixed so documentation, demos and tests can point at it; only its timestamps
 * follow `now`.
 */

export const EXAMPLE_NUMBER = 4521;

const order = '88231';
const price = 649;

const story: Story = {
  subject: `Order #${order} is two weeks late - I want a refund`,
  message: [
    `I ordered an Atlas standing desk (order #${order}) over two weeks ago and was promised delivery within 5 business days. The tracking page hasn't changed in 9 days and nobody has answered my last two emails.`,
    "This is not the first time I've had to complain to you, and I'm tired of chasing you. I want a full refund. If this isn't resolved by the end of the week, I will take legal action.",
  ],
  topic: 'shipping delay, refund requested',
  reference: `order #${order}`,
  retrieve: "Retrieved the late-delivery refund policy and Sarah's history (3 prior complaints)",
  toolCall: `Looked up order #${order}: shipped 16 days ago with ParcelCo, last scan 9 days ago`,
  reply: [],
};

const refund = [
  `I'm sorry. Order #${order} should have reached you well before now, and you shouldn't have had to chase us for an answer. I've checked with ParcelCo: your Atlas standing desk left our warehouse 16 days ago and hasn't been scanned for 9 days, so we're treating it as lost.`,
  `I've issued a full refund of ${money(price)} to your original payment method; you'll see it within 3-5 business days. If the parcel turns up after all, you're welcome to refuse it and it will come back to us.`,
  "I've also noted your account so that whoever you speak to next knows the whole history.",
];

const creditAndReship = [
  `I'm sorry. Order #${order} should have reached you well before now, and you shouldn't have had to chase us for an answer. ParcelCo hasn't scanned the parcel for 9 days, so we're treating it as lost.`,
  `I've sent a replacement Atlas standing desk by express shipping today; it should arrive within 2 business days, and I'll email you the tracking number as soon as it's scanned. I've also added a 20% credit (${money(price * 0.2)}) to your account for the trouble.`,
  "If anything about the new delivery doesn't work for you, just reply and I'll sort it out.",
];

export function exampleTicket(receivedAt: string): Ticket {
  return {
    id: `t-${EXAMPLE_NUMBER}`,
    number: EXAMPLE_NUMBER,
    customer: {
      id: 'c-0',
      name: 'Sarah Mitchell',
      email: 'sarah.mitchell@example.com',
      tier: 'plus',
      lifetimeValue: 2840,
      priorComplaints: 3,
    },
    channel: 'email',
    subject: story.subject,
    body: ['Hello,', ...story.message, 'Sarah Mitchell'].join('\n\n'),
    category: 'shipping',
    urgency: 'high',
    language: 'en',
    attachments: 1,
    receivedAt,
  };
}

export function exampleHandoff(now: number): { handoff: Handoff; events: AuditEvent[] } {
  const options = [
    {
      label: `Full refund (${money(price)})`,
      rationale:
        'Sarah asked for a refund, and a parcel with no scan for 9 days counts as lost under the late-delivery policy. Settles it fastest, but we lose the sale.',
      draft: letter('en', 'Sarah', refund),
    },
    {
      label: '20% credit + expedited reshipping',
      rationale:
        'Keeps the sale and gets a desk to her in 2 business days; with 3 prior complaints, retention matters. She asked for a refund, though, and may read this as deflecting.',
      draft: letter('en', 'Sarah', creditAndReship),
    },
  ];
  const ticket = exampleTicket('1970-01-01T00:00:00.000Z');
  const confidence = 0.85;
  const flags = evaluateRules(
    ticket,
    { confidence, options: options.map((o, i) => ({ id: String(i), ...o })), diagnosis: null },
    defaultRulesTable,
  );
  const content: CaseContent = {
    story,
    language: 'en',
    firstName: 'Sarah',
    ticket,
    draft: options[0]?.draft ?? '',
    options,
    optionsTopic: 'the compensation offer',
    confidence,
    diagnosis: null,
    flags,
  };
  // Routed as every seeded item and arrival is: the legal threat is a policy-keyword hard stop
  // for L2 Specialist, and L2 may approve the credit, the option that asks least.
  const plan = settle({
    kind: 'checkpoint',
    start: 'pending',
    level: seedRoute(content).level,
    moves: [],
  });
  const createdAt = now - 42 * 60_000;
  // Its own stream, so the example's step timings never depend on the seed or the count.
  return assemble(
    createRandom(EXAMPLE_NUMBER),
    EXAMPLE_NUMBER,
    content,
    plan,
    {
      createdAt,
      dueAt: createdAt + slaMs.high,
      moveAt: [],
      gate: null,
    },
    now,
  );
}
