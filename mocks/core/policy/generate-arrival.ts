import type { Category } from '../../../src/api/handoff-schemas';
import { writeTicket } from '../../seed/case';
import { createCustomers, type SeedCustomer } from '../../seed/customers';
import { createRandom } from '../../seed/random';
import type { BackendServices } from '../services';
import type { ArrivalInput } from './ingest';

export interface ArrivalWishes {
  category?: Category;
  /** Overrides the AI's self-assessed confidence. */
  confidence?: number;
}

/**
 * The share of arrivals from a new customer. Drawing every arrival from the world's pool
 * would have its regulars write every few minutes at the demo's busier rates, and the anomaly
 * rule would rightly call that a burst.
 */
const NEW_CUSTOMER_SHARE = 0.7;

/**
 * A realistic new ticket from one of the world's customers, written by the seed's story
 * generator. The draw depends on the world (its size and clock), so repeated calls vary but
 * a replayed world gives the same arrivals.
 */
export function generateArrival(s: BackendServices, wishes: ArrivalWishes = {}): ArrivalInput {
  const rng = createRandom((s.world.handoffs.size * 7919) ^ Math.floor(s.clock() / 1000));
  const known = [...s.world.handoffs.values()];
  if (known.length === 0) throw new Error('The world has no customers to write an arrival for.');
  let fresh = 0;
  const pickCustomer = (): SeedCustomer => {
    // Most tickets come from people the desk has not heard from lately; some from its regulars.
    if (rng.chance(NEW_CUSTOMER_SHARE)) {
      const [made] = createCustomers(rng, 1) as [SeedCustomer];
      fresh += 1;
      return {
        ...made,
        customer: { ...made.customer, id: `c-n${s.world.handoffs.size}-${fresh}` },
      };
    }
    const { customer } = (known[rng.int(0, known.length - 1)] as (typeof known)[number]).ticket;
    return { customer, firstName: customer.name.split(' ')[0] ?? customer.name, company: null };
  };
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
