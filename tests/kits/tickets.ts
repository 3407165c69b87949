import type { Ticket } from '../../src/api/handoff-schemas';
import type { AiOutput } from '../../src/domain/flags';

/** A plain shipping ticket for rule tests; each test overrides what it is about. */
export function ticket(
  overrides: Partial<Omit<Ticket, 'customer'>> & { customer?: Partial<Ticket['customer']> } = {},
): Ticket {
  const { customer, ...rest } = overrides;
  return {
    id: 't-1001',
    number: 1001,
    customer: {
      id: 'c-1',
      name: 'Lena Fischer',
      email: 'lena.fischer@example.com',
      tier: 'standard',
      lifetimeValue: 420,
      priorComplaints: 0,
      ...customer,
    },
    channel: 'email',
    subject: 'Where is my order?',
    body: 'Hi, my order #20931 has not arrived yet. Can you check?',
    category: 'shipping',
    urgency: 'normal',
    language: 'en',
    attachments: 0,
    receivedAt: '2025-03-01T10:00:00.000Z',
    ...rest,
  };
}

/** An AI output that raises no flag of its own. */
export const calm: AiOutput = { confidence: 0.9, options: [], diagnosis: null };
