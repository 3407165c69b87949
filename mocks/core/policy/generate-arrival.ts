import type { Category } from '../../../src/api/handoff-schemas';
import { writeTicket } from '../../seed/case';
import { inboxCustomers } from '../../seed/customers';
import { createRandom } from '../../seed/random';
import type { BackendServices } from '../services';
import type { ArrivalInput } from './ingest';

export interface ArrivalWishes {
  category?: Category;
  /** Overrides the AI's self-assessed confidence. */
  confidence?: number;
}

/**
 * A realistic new ticket from one of the world's customers, written by the seed's story
 * generator. The draw depends on the world (its size and clock), so repeated calls vary but
 * a replayed world gives the same arrivals.
 */
export function generateArrival(s: BackendServices, wishes: ArrivalWishes = {}): ArrivalInput {
  const rng = createRandom((s.world.handoffs.size * 7919) ^ Math.floor(s.clock() / 1000));
  const known = [...s.world.handoffs.values()];
  if (known.length === 0) throw new Error('The world has no customers to write an arrival for.');
  // Most tickets come from people the desk has not heard from lately; some from its regulars.
  const pickCustomer = inboxCustomers(
    rng,
    () => {
      const { customer } = (known[rng.int(0, known.length - 1)] as (typeof known)[number]).ticket;
      return { customer, firstName: customer.name.split(' ')[0] ?? customer.name, company: null };
    },
    (n) => `c-n${s.world.handoffs.size}-${n}`,
  );
  // Stories pick their own category; a wish for one is met by drawing until it comes up.
  let content = writeTicket(rng, pickCustomer);
  for (let i = 0; wishes.category && content.ticket.category !== wishes.category && i < 200; i++) {
    content = writeTicket(rng, pickCustomer);
  }
  const { id: _id, number: _n, receivedAt: _r, ...ticket } = content.ticket;
  return {
    ticket,
    ai: {
      draft: content.draft,
      confidence: wishes.confidence ?? content.confidence,
      options: content.options,
      diagnosis: content.diagnosis,
    },
  };
}
